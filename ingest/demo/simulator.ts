// Demo simulator: realistic reports through the real HTTP API, clustered on Thanh Hóa's towns,
// with two hotspots that drift, so the map moves the moment it opens.
import type { ReportInput } from '../schemas/report-input.ts';

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

/** One plausible report at time `t` (seconds): a third fall in two drifting hotspots (flooding, rubbish). */
export function demoReport(t: number, random: () => number = Math.random): ReportInput {
  const hotspot = random() < 0.35;
  let lat: number, lng: number, category: string;
  if (hotspot) {
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

/** Posts demo reports to `baseUrl` at about `perSecond`; returns a stop function. */
export function startSimulator(baseUrl: string, perSecond = 3): () => void {
  const started = Date.now();
  const timer = setInterval(() => {
    const report = demoReport((Date.now() - started) / 1000);
    fetch(`${baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    }).catch(() => {}); // the demo keeps going through a restart of the database
  }, 1000 / perSecond);
  return () => clearInterval(timer);
}
