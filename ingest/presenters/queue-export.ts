// The filtered queue as files for staff: CSV (UTF-8 with BOM, so Excel shows Vietnamese) and GeoJSON.
// Reporter contact stays out: exports travel by e-mail and USB sticks.
import { RESPONSE_STATUSES } from '../../domain/report-status.ts';
import type { DispatchReportRow } from '../../sql/queries/dispatch-reports.ts';

export interface ExportNames {
  category: (code: string) => string;
  agency: (id: string | null) => string;
}

const deadline = (r: DispatchReportRow) =>
  (RESPONSE_STATUSES.includes(r.status) ? r.response_due_at : r.due_at)?.toISOString() ?? '';

function fields(r: DispatchReportRow, names: ExportNames) {
  return {
    code: r.tracking_code,
    status: r.status,
    category: names.category(r.category),
    priority: r.priority ?? '',
    createdAt: r.created_at.toISOString(),
    deadline: deadline(r),
    agency: names.agency(r.agency_id),
    commune: r.area_name ?? '',
    unit: r.unit_id ?? '',
    lat: r.lat,
    lng: r.lng,
    description: r.description,
  };
}

/** Quotes every cell; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function queueCsv(rows: DispatchReportRow[], names: ExportNames): string {
  const header = [
    'Mã',
    'Trạng thái',
    'Lĩnh vực',
    'Ưu tiên',
    'Tiếp nhận',
    'Hạn',
    'Cơ quan',
    'Xã, phường',
    'Đội',
    'Vĩ độ',
    'Kinh độ',
    'Nội dung',
  ];
  const lines = rows.map((r) => Object.values(fields(r, names)).map(csvCell).join(','));
  return `\uFEFF${[header.map(csvCell).join(','), ...lines].join('\r\n')}\r\n`;
}

export function queueGeoJson(rows: DispatchReportRow[], names: ExportNames) {
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => {
      const { lat, lng, ...properties } = fields(r, names);
      return {
        type: 'Feature' as const,
        id: r.id,
        geometry: { type: 'Point' as const, coordinates: [lng, lat] },
        properties,
      };
    }),
  };
}
