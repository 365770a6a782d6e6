// The integrations /admin manages: each change to Open311 keys, webhooks and import mappings leaves one audit row
// (before, after, who) in its own transaction, never a secret; supervisors read and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

const MAPPING = { name: 'tong-dai', columns: { category: 'Loại', description: 'Nội dung', address: 'Địa chỉ' } };

describe('integrations administration', () => {
  let app: DispatchApp;
  let admin: Awaited<ReturnType<DispatchApp['login']>>;
  let supervisor: Awaited<ReturnType<DispatchApp['login']>>;
  const auditOf = async (entity: string, id: string) =>
    (
      await app.db.query<{ action: string; actor_name: string; before: any; after: any }>(
        'SELECT action, actor_name, before, after FROM admin_audit WHERE entity = $1 AND entity_id = $2 ORDER BY id',
        [entity, id],
      )
    ).rows;

  beforeAll(async () => {
    app = await startDispatchApp();
    admin = await app.login('admin');
    supervisor = await app.login('supervisor');
  });
  afterAll(async () => app?.close());

  it('issuing and revoking an Open311 key is audited without the key or its hash', async () => {
    const issued = await admin.post('/api/v1/open311/clients', { slug: 'fms', name: 'FixMyStreet' });
    expect(issued.status).toBe(201);
    const revoked = await admin.post(`/api/v1/open311/clients/${issued.body.id}/revoke`, {});
    expect(revoked.body.revokedAt).not.toBeNull();
    const audit = await auditOf('open311_client', issued.body.id);
    expect(audit.map((a) => a.action)).toEqual(['issue', 'revoke']);
    expect(audit[0]).toMatchObject({ before: null, after: { slug: 'fms', revoked_at: null } });
    expect(audit[1].after.revoked_at).not.toBeNull();
    const { rows } = await app.db.query<{ key_hash: string }>('SELECT key_hash FROM open311_clients WHERE id = $1', [
      issued.body.id,
    ]);
    const written = JSON.stringify(audit);
    expect(written).not.toContain(issued.body.apiKey);
    expect(written).not.toContain(rows[0].key_hash);
    // A second issue of the same slug is a 409 and leaves no audit row.
    expect((await admin.post('/api/v1/open311/clients', { slug: 'fms', name: 'Again' })).status).toBe(409);
    expect(
      (await app.db.query("SELECT count(*)::int AS n FROM admin_audit WHERE entity = 'open311_client'")).rows[0].n,
    ).toBe(2);
    expect((await admin.post('/api/v1/open311/clients/999999/revoke', {})).status).toBe(404);
  });

  it('registering and disabling a webhook is audited without its signing secret', async () => {
    const res = await admin.post('/api/v1/webhooks', {
      url: 'https://partner.example.vn/hook',
      agencyId: 'so-xay-dung',
      events: ['report.resolved'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await admin.post(`/api/v1/webhooks/${res.body.id}/disable`, {});
    const audit = await auditOf('webhook', res.body.id);
    expect(audit.map((a) => [a.action, a.after.active])).toEqual([
      ['register', true],
      ['disable', false],
    ]);
    expect(JSON.stringify(audit)).not.toContain(res.body.secret);
    const unknown = await admin.post('/api/v1/webhooks', {
      url: 'https://partner.example.vn/hook',
      agencyId: 'no-such-agency',
      events: ['report.created'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0].field).toBe('agencyId');
  });

  it('import mappings: save, edit (rename), delete, each audited; a taken name is a 409', async () => {
    const saved = await admin.post('/api/v1/imports/mappings', MAPPING);
    expect(saved.status).toBe(200);
    const other = await admin.post('/api/v1/imports/mappings', { ...MAPPING, name: 'khac' });
    const edited = await admin.post(`/api/v1/imports/mappings/${saved.body.id}`, {
      ...MAPPING,
      name: 'tong-dai-1022',
      categoryValues: { 'Rác thải': 'rubbish' },
    });
    expect(edited.body).toMatchObject({ id: saved.body.id, name: 'tong-dai-1022' });
    const clash = await admin.post(`/api/v1/imports/mappings/${saved.body.id}`, { ...MAPPING, name: 'khac' });
    expect(clash.status).toBe(409);
    expect(clash.body.error.fields[0].field).toBe('name');
    expect((await admin.post(`/api/v1/imports/mappings/${other.body.id}/delete`, {})).status).toBe(200);
    expect((await admin.post(`/api/v1/imports/mappings/${other.body.id}/delete`, {})).status).toBe(404);
    const names = (await supervisor.get('/api/v1/imports/mappings')).body.mappings.map((m: any) => m.name);
    expect(names).toEqual(['tong-dai-1022']);
    const audit = await auditOf('import_mapping', saved.body.id);
    expect(audit.map((a) => [a.action, a.before?.name ?? null, a.after.name])).toEqual([
      ['save', null, 'tong-dai'],
      ['edit', 'tong-dai', 'tong-dai-1022'],
    ]);
    expect((await auditOf('import_mapping', other.body.id)).map((a) => a.action)).toEqual(['save', 'delete']);
  });

  it('a supervisor reads clients, webhooks and mappings and changes none of them', async () => {
    for (const path of ['/api/v1/open311/clients', '/api/v1/webhooks', '/api/v1/imports/mappings'])
      expect((await supervisor.get(path)).status, path).toBe(200);
    const before = (await app.db.query('SELECT count(*)::int AS n FROM admin_audit')).rows[0].n;
    expect((await supervisor.post('/api/v1/open311/clients', { slug: 'sup', name: 'x' })).status).toBe(403);
    expect((await supervisor.post('/api/v1/imports/mappings', { ...MAPPING, name: 'sup' })).status).toBe(403);
    expect((await supervisor.post('/api/v1/imports/mappings/1/delete', {})).status).toBe(403);
    expect((await app.db.query('SELECT count(*)::int AS n FROM admin_audit')).rows[0].n).toBe(before);
  });
});
