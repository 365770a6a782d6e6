import { describe, expect, it } from 'vitest';
import { cellToBigint, cellAt } from '../../geo/h3.ts';
import type { ReportRow } from '../../sql/queries/reports.ts';
import { presentPublicReport, presentStaffReport } from './report-presenters.ts';

const row: ReportRow = {
  id: '7',
  tracking_code: 'TH-2026-000007',
  category: 'road',
  description: 'Gọi tôi 0912345678',
  lat: 19.8075,
  lng: 105.7766,
  h3_cell: cellToBigint(cellAt(19.8075, 105.7766)).toString(),
  area_code: '14797',
  area_name: 'Phường Hạc Thành',
  province_code: '38',
  agency_id: null,
  status: 'received',
  needs_triage: false,
  reporter_name: 'Nguyễn Văn A',
  reporter_phone: '0912345678',
  anonymous: false,
  version: 1,
  created_at: new Date('2026-11-22T01:00:00Z'),
  updated_at: new Date('2026-11-22T01:00:00Z'),
};

describe('report presenters', () => {
  it('the public presenter carries no reporter, description or exact position', () => {
    const dto = presentPublicReport(row, false);
    const text = JSON.stringify(dto);
    expect(text).not.toContain('Nguyễn Văn A');
    expect(text).not.toContain('0912345678');
    expect(Object.keys(dto).sort()).toEqual([
      'areaCode',
      'areaName',
      'category',
      'cell',
      'code',
      'createdAt',
      'id',
      'lat',
      'lng',
      'status',
      'updatedAt',
      'version',
    ]);
    expect(dto.lat).not.toBe(row.lat);
    expect(Math.abs(dto.lat! - row.lat)).toBeLessThan(0.01);
  });

  it('a sensitive category has no public position at all', () => {
    const dto = presentPublicReport({ ...row, category: 'security' }, true);
    expect([dto.lat, dto.lng, dto.cell]).toEqual([null, null, null]);
  });

  it('staff see the reporter and the exact point', () => {
    const dto = presentStaffReport(row);
    expect(dto.reporter).toEqual({ name: 'Nguyễn Văn A', phone: '0912345678', anonymous: false });
    expect([dto.lat, dto.lng]).toEqual([19.8075, 105.7766]);
  });
});
