// The audit trail: every change made here, newest first, with the record before and after.
import { useState } from 'react';
import { AUDIT_ENTITIES, type AuditEntity } from '../../domain/audit-entities.ts';
import { adminApi } from './admin-api.ts';
import { AdminTable } from './admin-table.tsx';
import { useAdminI18n, type AdminKey } from './strings.ts';
import { useLoaded } from './use-admin.ts';

const TAB_OF: Record<AuditEntity, AdminKey> = {
  routing_rule: 'tab.routing',
  sla: 'tab.sla',
  holiday: 'tab.holidays',
  staff: 'tab.staff',
  unit: 'tab.units',
  unit_token: 'tokens',
  canned_reply: 'tab.canned',
  wall_token: 'tab.walls',
  open311_client: 'tab.clients',
  webhook: 'tab.webhooks',
  webhook_delivery: 'tab.webhooks',
  import_mapping: 'tab.mappings',
};

export function AuditTab() {
  const { a, time } = useAdminI18n();
  const [entity, setEntity] = useState('');
  const audit = useLoaded(() => adminApi.audit(entity || undefined), [entity]);
  const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 1));
  return (
    <section>
      <label className="ad-form">
        {a('what')}
        <select value={entity} onChange={(e) => setEntity(e.target.value)}>
          <option value="">—</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {a(TAB_OF[e])}
            </option>
          ))}
        </select>
      </label>
      <AdminTable
        testId="audit"
        rows={audit.value?.entries ?? []}
        rowKey={(e) => e.id}
        columns={[
          { label: a('when'), cell: (e) => time(e.at) },
          { label: a('who'), cell: (e) => e.actor },
          { label: a('what'), cell: (e) => `${a(TAB_OF[e.entity] ?? 'what')} · ${e.entityId} · ${e.action}` },
          { label: a('before'), cell: (e) => json(e.before), className: 'ad-json' },
          { label: a('after'), cell: (e) => json(e.after), className: 'ad-json' },
        ]}
      />
    </section>
  );
}
