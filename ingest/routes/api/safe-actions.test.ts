// Safe actions: A proposes only the routed agency's unit of the category's trade; reassigning needs a reason;
// closed and merged reports offer no Assign or Merge; a refused move names the missing field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

interface NearestBody {
  units: { id: string; matchesRouting: boolean; trade: string | null }[];
  routed: { agencyId: string | null; trade: string | null };
}

describe('safe dispatch actions', () => {
  let app: DispatchApp;
  let dispatcher: Awaited<ReturnType<DispatchApp['login']>>;
  beforeAll(async () => {
    app = await startDispatchApp();
    dispatcher = await app.login('dispatcher');
  });
  afterAll(async () => app?.close());

  it("never proposes another trade's unit first when the routed trade has a free one, and says when none has", async () => {
    const id = await app.createReport({ category: 'rubbish', lat: 19.8075, lng: 105.7766 });
    const agencyId = (await dispatcher.get(`/api/v1/reports/${id}/dispatch`)).body.agencyId as string;
    expect(agencyId).toMatch(/^ubnd-/);
    const none = (await dispatcher.get(`/api/v1/reports/${id}/units/nearest`)).body as NearestBody;
    expect(none.routed).toEqual({ agencyId, trade: 'sanitation' });
    expect(none.units.some((u) => u.matchesRouting)).toBe(false);
    // A road team stands next to the dump; the commune's own sanitation team is 3 km away.
    await app.db.query(
      `INSERT INTO units (id, agency_id, name, status, lat, lng, trade) VALUES
         ('vs-phuong', $1, 'Tổ vệ sinh phường', 'available', 19.835, 105.7766, 'sanitation'),
         ('road-here', $1, 'Tổ sửa đường phường', 'available', 19.8076, 105.7766, 'roads')`,
      [agencyId],
    );
    const got = (await dispatcher.get(`/api/v1/reports/${id}/units/nearest`)).body as NearestBody;
    expect(got.units[0]).toMatchObject({ id: 'vs-phuong', matchesRouting: true, trade: 'sanitation' });
    expect(got.units.filter((u) => u.matchesRouting).map((u) => u.id)).toEqual(['vs-phuong']);
  });

  it('reassigning asks for a reason; the first assignment does not', async () => {
    await app.db.query("UPDATE units SET status = 'available' WHERE id IN ('xd-01', 'xd-02')");
    const id = await app.createReport({ category: 'road' });
    expect((await dispatcher.post(`/api/v1/reports/${id}/assign`, { unitId: 'xd-01' })).status).toBe(200);
    const bare = await dispatcher.post(`/api/v1/reports/${id}/assign`, { unitId: 'xd-02' });
    expect(bare.status).toBe(422);
    expect(bare.body.error.fields).toEqual([
      {
        field: 'note',
        reason: 'is required to reassign a report',
        reasonVi: 'Thiếu thông tin bắt buộc: lý do giao lại',
      },
    ]);
    expect(bare.body.error.messageVi).toContain('lý do giao lại');
    const ok = await dispatcher.post(`/api/v1/reports/${id}/assign`, { unitId: 'xd-02', note: 'xe 01 hỏng' });
    expect(ok.status).toBe(200);
    expect(ok.body.report.unitId).toBe('xd-02');
  });

  it('offers Assign and Merge only where they would be accepted', async () => {
    const open = await app.createReport();
    const closed = await app.createReport();
    await app.db.query("UPDATE reports SET status = 'closed' WHERE id = $1", [closed]);
    const merged = await app.createReport();
    await dispatcher.post(`/api/v1/reports/${merged}/merge`, { into: open });
    const flags = async (id: string) => {
      const b = (await dispatcher.get(`/api/v1/reports/${id}/dispatch`)).body;
      return { canAssign: b.canAssign, canMerge: b.canMerge, moves: b.allowedTransitions };
    };
    expect(await flags(open)).toMatchObject({ canAssign: true, canMerge: true });
    expect(await flags(closed)).toEqual({ canAssign: false, canMerge: false, moves: [] });
    expect(await flags(merged)).toEqual({ canAssign: false, canMerge: false, moves: [] });
    // What the console would offer, the server refuses: the flags are not decoration.
    expect((await dispatcher.post(`/api/v1/reports/${closed}/assign`, { unitId: 'xd-02' })).status).toBe(409);
    expect((await dispatcher.post(`/api/v1/reports/${closed}/merge`, { into: open })).status).toBe(409);
  });

  it('names the missing field in Vietnamese', async () => {
    const id = await app.createReport();
    const res = await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'rejected' });
    expect(res.status).toBe(422);
    expect(res.body.error.messageVi).toBe('Thiếu thông tin bắt buộc để chuyển sang rejected: lý do');
  });
});
