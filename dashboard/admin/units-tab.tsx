// Field units: trade and agency, and (administrators) their phones' tokens, issued once and revoked.
import { useState } from 'react';
import { adminApi, type AdminUnit } from './admin-api.ts';
import { AdminForm, ChoiceSelect, type Choice } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';
import { useChoices } from './use-choices.ts';
import { useTrades } from './use-trades.ts';

export function UnitsTab() {
  const { a } = useAdminI18n();
  const { canWrite, run } = useAdmin();
  const choices = useChoices();
  const units = useLoaded(() => adminApi.units());
  const trades: Choice[] = [
    { value: '', label: a('noTrade') },
    ...useTrades().map((t) => ({ value: t.code, label: t.name })),
  ];
  const [open, setOpen] = useState<string | null>(null);
  const save = (u: { id: string; agencyId: string; name: string; trade: string | null }) =>
    run(() => adminApi.saveUnit(u), units.reload);
  const row = (u: AdminUnit) => ({ id: u.id, agencyId: u.agencyId, name: u.name, trade: u.trade });
  const inRow = (u: AdminUnit, key: 'agencyId' | 'trade', options: Choice[]) => (
    <ChoiceSelect
      value={u[key] ?? ''}
      options={options}
      disabled={!canWrite}
      label={a(key === 'trade' ? 'trade' : 'agency')}
      onChange={(v) => void save({ ...row(u), [key]: key === 'trade' ? v || null : v })}
    />
  );
  return (
    <section>
      <AdminForm
        fields={[
          { name: 'id', label: a('unitId'), required: true, pattern: '[a-z0-9-]{2,64}' },
          { name: 'name', label: a('unitName'), required: true },
          { name: 'agencyId', label: a('agency'), kind: 'select', options: choices.agencies },
          { name: 'trade', label: a('trade'), kind: 'select', options: trades },
        ]}
        initial={{ id: '', agencyId: '', name: '', trade: '' }}
        submit={(v) => adminApi.saveUnit({ ...v, trade: v.trade || null })}
        after={() => units.reload()}
        submitLabel={a('add')}
      />
      <AdminTable
        testId="units"
        rows={units.value?.units ?? []}
        rowKey={(u) => u.id}
        rowData={(u) => ({ 'unit-id': u.id })}
        columns={[
          { cell: (u) => u.id, className: 'mono' },
          { cell: (u) => u.name },
          { cell: (u) => inRow(u, 'agencyId', choices.agencies) },
          { cell: (u) => inRow(u, 'trade', trades) },
        ]}
        actions={(u) => (
          <>
            <RowButton label={a('tokens')} onClick={() => setOpen(open === u.id ? null : u.id)} />
            {open === u.id && <UnitTokens unitId={u.id} />}
          </>
        )}
      />
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
      <RowButton
        label={a('issue')}
        onClick={() =>
          void run(
            async () => setIssued((await adminApi.issueToken(unitId, new Date().toISOString().slice(0, 10))).token),
            tokens.reload,
          )
        }
      />
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
              <RowButton
                label={a('revoke')}
                confirm={a('confirm.revoke')}
                onClick={() => void run(() => adminApi.revokeToken(unitId, t.id), tokens.reload)}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
