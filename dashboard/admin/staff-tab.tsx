// Staff accounts: create (with an initial password to hand over), role, agency, deactivate (ends their sessions).
import { useState, type FormEvent } from 'react';
import { adminApi, type StaffItem } from './admin-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

const ROLES = ['administrator', 'supervisor', 'dispatcher', 'agency_officer', 'field_officer', 'wall_viewer'];

export function StaffTab() {
  const { a } = useAdminI18n();
  const { canWrite, agencies, run } = useAdmin();
  const staff = useLoaded(() => adminApi.staff());
  const [form, setForm] = useState({ username: '', displayName: '', password: '', role: 'dispatcher', agencyId: '' });
  const invite = (e: FormEvent) => {
    e.preventDefault();
    void run(() => adminApi.invite({ ...form, agencyId: form.agencyId || undefined }), staff.reload);
  };
  const change = (s: StaffItem, c: Parameters<typeof adminApi.changeStaff>[1]) =>
    void run(() => adminApi.changeStaff(s.id, c), staff.reload);
  return (
    <section>
      {canWrite && (
        <form className="ad-form" onSubmit={invite}>
          <label>
            {a('username')}
            <input required value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
          </label>
          <label>
            {a('displayName')}
            <input
              required
              value={form.displayName}
              onChange={(e) => setForm({ ...form, displayName: e.target.value })}
            />
          </label>
          <label>
            {a('password')}
            <input
              required
              type="password"
              autoComplete="new-password"
              minLength={12}
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </label>
          <label>
            {a('role')}
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            {a('agency')}
            <select value={form.agencyId} onChange={(e) => setForm({ ...form, agencyId: e.target.value })}>
              <option value="">—</option>
              {agencies.list.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="dx-btn">
            {a('invite')}
          </button>
        </form>
      )}
      <table className="ad-table" data-testid="staff">
        <thead>
          <tr>
            <th>{a('username')}</th>
            <th>{a('displayName')}</th>
            <th>{a('role')}</th>
            <th>{a('agency')}</th>
            <th>{a('active')}</th>
          </tr>
        </thead>
        <tbody>
          {(staff.value?.staff ?? []).map((s) => (
            <tr key={s.id} data-username={s.username}>
              <td className="mono">{s.username}</td>
              <td>{s.displayName}</td>
              <td>
                <select
                  value={s.role}
                  disabled={!canWrite}
                  aria-label={a('role')}
                  onChange={(e) => change(s, { role: e.target.value })}
                >
                  {ROLES.map((r) => (
                    <option key={r}>{r}</option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  value={s.agencyId ?? ''}
                  disabled={!canWrite}
                  aria-label={a('agency')}
                  onChange={(e) => change(s, { agencyId: e.target.value || null })}
                >
                  <option value="">—</option>
                  {agencies.list.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {s.active ? a('active') : a('inactive')}{' '}
                {canWrite && (
                  <button
                    type="button"
                    className="dx-btn"
                    data-action={s.active ? 'deactivate' : 'activate'}
                    onClick={() =>
                      s.active
                        ? window.confirm(a('confirm.deactivate', { name: s.displayName })) &&
                          change(s, { active: false })
                        : change(s, { active: true })
                    }
                  >
                    {s.active ? a('deactivate') : a('activate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
