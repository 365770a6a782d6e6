// The reach audit of one alert, by commune: public screens that were watching when it went out, and pushes
// sent, delivered (2xx from the push service) and failed. Screens are recorded by the cell their view was
// centred on and named here with the current boundaries.
import { cellToLatLng } from 'h3-js';
import type { AreaLookup } from '../../geo/types.ts';
import type { ReachCount } from '../../sql/queries/push.ts';

export interface ReachLine {
  areaCode: string | null;
  areaName: string;
  screens: number;
  pushSent: number;
  pushDelivered: number;
  pushFailed: number;
}

const PROVINCE = { vi: 'Xem toàn tỉnh', en: 'province-wide view' };
const AROUND_POINT = { vi: 'Quanh một vị trí', en: 'around a point' };

export function presentReach(rows: ReachCount[], geocoder: AreaLookup, names: Map<string, string>): ReachLine[] {
  const lines = new Map<string, ReachLine>();
  const line = (code: string | null, name: string) => {
    const key = code ?? name;
    let l = lines.get(key);
    if (!l)
      lines.set(
        key,
        (l = { areaCode: code, areaName: name, screens: 0, pushSent: 0, pushDelivered: 0, pushFailed: 0 }),
      );
    return l;
  };
  for (const r of rows) {
    if (r.channel === 'screen') {
      let code: string | null = null;
      let name = `${PROVINCE.vi} / ${PROVINCE.en}`;
      if (r.cell && r.cell !== 'province') {
        const [lat, lng] = cellToLatLng(r.cell);
        const area = geocoder.lookup(lng, lat);
        code = area?.code ?? null;
        name = area?.fullName ?? area?.name ?? '—';
      }
      line(code, name).screens += r.delivered;
    } else {
      const l = line(
        r.areaCode,
        r.areaCode ? (names.get(r.areaCode) ?? r.areaCode) : `${AROUND_POINT.vi} / ${AROUND_POINT.en}`,
      );
      l.pushSent += r.sent;
      l.pushDelivered += r.delivered;
      l.pushFailed += r.failed;
    }
  }
  return [...lines.values()].sort((a, b) => b.screens + b.pushSent - (a.screens + a.pushSent));
}

const csvCell = (v: string | number | null) => {
  const s = String(v ?? '');
  // Spreadsheets run cells starting with = + - @ as formulas: quote them as text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function reachCsv(lines: ReachLine[]): string {
  const head = [
    'ma_xa/area_code',
    'ten/name',
    'man_hinh/screens',
    'push_gui/sent',
    'push_nhan/delivered',
    'push_loi/failed',
  ];
  const body = lines.map((l) =>
    [l.areaCode, l.areaName, l.screens, l.pushSent, l.pushDelivered, l.pushFailed].map(csvCell).join(','),
  );
  return '\uFEFF' + [head.join(','), ...body].join('\r\n') + '\r\n';
}
