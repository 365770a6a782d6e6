// Demo simulator: realistic reports through the real HTTP API, clustered on Thanh Hóa's towns, with two hotspots
// that drift and a storm that comes ashore and moves down the coast (storm.ts); every point on land inside the
// province except a deliberate few for the triage queue; a demo dispatcher moves them on (dispatcher-sim.ts).
import type { ReportInput } from '../schemas/report-input.ts';
import { startDispatcherSim } from './dispatcher-sim.ts';
import { STORM_CATEGORIES, stormAt } from './storm.ts';

interface Town {
  name: string;
  lat: number;
  lng: number;
  spread: number;
  weight: number;
}

const TOWNS: Town[] = [
  { name: 'TP Thanh Hóa', lat: 19.807, lng: 105.776, spread: 0.03, weight: 6 },
  { name: 'Sầm Sơn', lat: 19.735, lng: 105.903, spread: 0.02, weight: 3 },
  { name: 'Bỉm Sơn', lat: 20.08, lng: 105.86, spread: 0.02, weight: 2 },
  { name: 'Nghi Sơn', lat: 19.42, lng: 105.79, spread: 0.03, weight: 2 },
  { name: 'Ngọc Lặc', lat: 20.09, lng: 105.38, spread: 0.03, weight: 1 },
  { name: 'Thọ Xuân', lat: 19.93, lng: 105.43, spread: 0.03, weight: 1 },
];

const DESCRIPTIONS: Record<string, string[]> = {
  rubbish: ['Rác thải đổ trộm ven đường, bốc mùi', 'Bãi rác tự phát gần chợ chưa được thu gom'],
  road: ['Ổ gà lớn giữa đường, nguy hiểm cho xe máy', 'Nắp cống bị vỡ trên vỉa hè'],
  encroachment: ['Quán ăn lấn chiếm toàn bộ vỉa hè', 'Xe ô tô đỗ chắn lối đi bộ'],
  flooding: ['Đường ngập sâu sau mưa lớn, xe chết máy', 'Cống thoát nước bị tắc, nước tràn vào nhà dân'],
  lighting: ['Đèn đường không sáng cả tuyến phố', 'Dây điện võng thấp, nguy cơ mất an toàn'],
  security: ['Nhóm thanh niên tụ tập gây mất trật tự ban đêm'],
  misconduct: ['Cán bộ một cửa có thái độ không đúng mực'],
  admin_procedure: ['Hồ sơ đất đai trễ hẹn nhiều tuần'],
  other: ['Cây xanh gãy đổ chắn ngang đường'],
};
const CATEGORY_WEIGHTS: [string, number][] = [
  ['rubbish', 5],
  ['road', 4],
  ['encroachment', 3],
  ['flooding', 3],
  ['lighting', 2],
  ['security', 1],
  ['misconduct', 0.5],
  ['admin_procedure', 0.5],
  ['other', 1],
];

function pick<T>(items: [T, number][], random: () => number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [item, w] of items) if ((r -= w) <= 0) return item;
  return items[items.length - 1][0];
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
}

/** Whether a point lies in one of the province's communes (the geocoder); absent, every point is accepted. */
export type OnLand = (lat: number, lng: number) => boolean;

/** Share of reports left wherever they fell (maybe at sea): the triage queue's "no commune" cases. */
const OFF_LAND_SHARE = 0.02;

/**
 * One plausible report at time `t` (seconds), on land: redrawn until `onLand` accepts it, except for a
 * deliberate 2 % kept where they fell for the triage queue.
 */
export function demoReport(t: number, random: () => number = Math.random, onLand?: OnLand): ReportInput {
  const keepAnywhere = random() < OFF_LAND_SHARE;
  for (let tries = 0; ; tries++) {
    const r = drawReport(t, random);
    if (!onLand || keepAnywhere || tries >= 50 || onLand(r.lat, r.lng)) return r;
  }
}

function drawReport(t: number, random: () => number): ReportInput {
  const storm = stormAt(t);
  const inStorm = random() < 0.5 * storm.intensity;
  const hotspot = !inStorm && random() < 0.35;
  let lat: number, lng: number, category: string;
  if (inStorm) {
    // Onshore of the storm's centre (west of the coast), spread over a few coastal communes.
    lat = storm.lat + 0.05 * gaussian(random);
    lng = storm.lng - 0.06 * Math.abs(gaussian(random));
    category = pick(STORM_CATEGORIES, random);
  } else if (hotspot) {
    const flood = random() < 0.6;
    lat = (flood ? 19.79 : 19.74) + 0.01 * Math.sin(t / 300) + 0.004 * gaussian(random);
    lng = (flood ? 105.79 : 105.9) + 0.01 * Math.cos(t / 400) + 0.004 * gaussian(random);
    category = flood ? 'flooding' : 'rubbish';
  } else {
    const town = pick(
      TOWNS.map((x) => [x, x.weight] as [Town, number]),
      random,
    );
    lat = town.lat + town.spread * gaussian(random);
    lng = town.lng + town.spread * gaussian(random);
    category = pick(CATEGORY_WEIGHTS, random);
  }
  const texts = DESCRIPTIONS[category];
  const anonymous = random() < 0.3;
  return {
    category,
    description: texts[Math.floor(random() * texts.length)],
    lat: Number(lat.toFixed(6)),
    lng: Number(lng.toFixed(6)),
    reporter: anonymous
      ? { anonymous: true }
      : { name: 'Người dân (demo)', phone: `09${Math.floor(10_000_000 + random() * 89_999_999)}` },
  };
}

/** Posts demo reports to `baseUrl` at about `perSecond` and has them dispatched; returns a stop function. */
export function startSimulator(baseUrl: string, perSecond = 3, onLand?: OnLand): () => void {
  const started = Date.now();
  const desk = startDispatcherSim(baseUrl);
  const timer = setInterval(() => {
    const report = demoReport((Date.now() - started) / 1000, Math.random, onLand);
    fetch(`${baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    })
      .then(async (res) => {
        if (res.status === 201) desk.track(((await res.json()) as { id: string }).id);
      })
      .catch(() => {}); // the demo keeps going through a restart of the database
  }, 1000 / perSecond);
  return () => {
    clearInterval(timer);
    desk.stop();
  };
}
