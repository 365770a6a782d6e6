// Field units: trade and agency, and (administrators) their phones' tokens, issued once and revoked.
import { useState, type FormEvent } from 'react';
import { adminApi, type AdminUnit } from './admin-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';
import { useTrades } from './use-trades.ts';

export function UnitsTab() {
  const { a } = useAdminI18n();
  const { canWrite, agencies, run } = useAdmin();
  const units = useLoaded(() => adminApi.units());
  const trades = useTrades();
  const [form, setForm] = useState({ id: '', agencyId: '', name: '', trade: '' });
  const [open, setOpen] = useState<string | null>(null);
  const save = (u: { id: string; agencyId: string; name: string; trade: string | null }) =>
    void run(() => adminApi.saveUnit(u), units.reload);
  const add = (e: FormEvent) => {
    e.preventDefault();
    save({ ...form, trade: form.trade || null });
  };
  const tradeSelect = (value: string | null, on: (v: string | null) => void) => (
    <select
      value={value ?? ''}
      disabled={!canWrite}
      aria-label={a('trade')}
      onChange={(e) => on(e.target.value || null)}
    >
      <option value="">{a('noTrade')}</option>
      {trades.map((t) => (
        <option key={t.code} value={t.code}>
          {t.name}
        </option>
      ))}
    </select>
  );
  const agencySelect = (value: string, on: (v: string) => void) => (
    <select value={value} disabled={!canWrite} aria-label={a('agency')} onChange={(e) => on(e.target.value)}>
      <option value="">—</option>
      {agencies.list.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ))}
    </select>
  );
  const row = (u: AdminUnit) => ({ id: u.id, agencyId: u.agencyId, name: u.name, trade: u.trade });
  return (
    <section>
      {canWrite && (
        <form className="ad-form" onSubmit={add}>
          <label>
            {a('unitId')}
            <input
              required
              pattern="[a-z0-9-]{2,64}"
              value={form.id}
              onChange={(e) => setForm({ ...form, id: e.target.value })}
            />
          </label>
          <label>
            {a('unitName')}
            <input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label>
            {a('agency')}
            {agencySelect(form.agencyId, (v) => setForm({ ...form, agencyId: v }))}
          </label>
          <label>
            {a('trade')}
            {tradeSelect(form.trade, (v) => setForm({ ...form, trade: v ?? '' }))}
          </label>
          <button type="submit" className="dx-btn">
            {a('add')}
          </button>
        </form>
      )}
      <table className="ad-table" data-testid="units">
        <tbody>
          {(units.value?.units ?? []).map((u) => (
            <tr key={u.id} data-unit-id={u.id}>
              <td className="mono">{u.id}</td>
              <td>{u.name}</td>
              <td>{agencySelect(u.agencyId, (v) => save({ ...row(u), agencyId: v }))}</td>
              <td>{tradeSelect(u.trade, (v) => save({ ...row(u), trade: v }))}</td>
              <td>
                {canWrite && (
                  <button type="button" className="dx-btn" onClick={() => setOpen(open === u.id ? null : u.id)}>
                    {a('tokens')}
                  </button>
                )}
                {open === u.id && <UnitTokens unitId={u.id} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function UnitTokens({ unitId }: { unitId: string }) {
  const { a } = useAdminI18n();
  const { run } = useAdmin();
  const tokens = useLoaded(() => adminApi.tokens(unitId), [unitId]);
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <div data-testid="unit-tokens">
      <button
        type="button"
        className="dx-btn"
        onClick={() =>
          void run(
            async () => setIssued((await adminApi.issueToken(unitId, new Date().toISOString().slice(0, 10))).token),
            tokens.reload,
          )
        }
      >
        {a('issue')}
      </button>
      {issued && (
        <p className="small">
          {a('token.once')} <code data-testid="issued-token">{issued}</code>
        </p>
      )}
      <ul>
        {(tokens.value?.tokens ?? []).map((t) => (
          <li key={t.id}>
            {t.label || t.id} · {t.createdAt.slice(0, 10)}{' '}
            {t.revokedAt ? `· ${a('revoke')} ${t.revokedAt.slice(0, 10)}` : ''}
            {!t.revokedAt && (
              <button
                type="button"
                className="dx-btn"
                onClick={() =>
                  window.confirm(a('confirm.revoke')) &&
                  void run(() => adminApi.revokeToken(unitId, t.id), tokens.reload)
                }
              >
                {a('revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
