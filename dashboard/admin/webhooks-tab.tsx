// Webhooks: an administrator registers an https receiver per agency and event type (secret shown once) and stops
// one; anyone here reads each endpoint's deliveries with their attempts, and an administrator replays one.
import { useState } from 'react';
import { WEBHOOK_EVENTS } from '../../domain/webhook-events.ts';
import { AdminForm } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { DeliveriesTable } from './deliveries-table.tsx';
import { integrationsApi, type EndpointItem } from './integrations-api.ts';
import { useAdminI18n, type AdminKey } from './strings.ts';
import { useChoices } from './use-choices.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

const EMPTY = { url: '', agencyId: '', events: 'all' };

export function WebhooksTab() {
  const { a } = useAdminI18n();
  const { run, agencies } = useAdmin();
  const choices = useChoices();
  const endpoints = useLoaded(integrationsApi.endpoints);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<EndpointItem | null>(null);
  const eventName = (e: string) => a(`event.${e}` as AdminKey);
  const agencyName = (id: string | null) => (id ? (agencies.list.find((x) => x.id === id)?.name ?? id) : '—');
  return (
    <section>
      <AdminForm
        testId="webhook-form"
        action="register-webhook"
        fields={[
          { name: 'url', label: a('hook.url'), required: true, maxLength: 2000, wide: true },
          { name: 'agencyId', label: a('hook.agency'), kind: 'select', options: choices.agencies },
          {
            name: 'events',
            label: a('hook.events'),
            kind: 'select',
            options: [
              { value: 'all', label: a('hook.allEvents') },
              ...WEBHOOK_EVENTS.map((e) => ({ value: e, label: eventName(e) })),
            ],
          },
        ]}
        initial={EMPTY}
        submit={async (v) => {
          const events = v.events === 'all' ? [...WEBHOOK_EVENTS] : [v.events];
          const made = await integrationsApi.register({ url: v.url, agencyId: v.agencyId || undefined, events });
          setSecret(made.secret);
        }}
        after={() => {
          endpoints.reload();
          return EMPTY;
        }}
        submitLabel={a('hook.register')}
      >
        {secret && (
          <p className="small">
            {a('hook.once')} <code data-testid="issued-webhook-secret">{secret}</code>
          </p>
        )}
      </AdminForm>
      <AdminTable
        testId="webhooks"
        rows={endpoints.value?.endpoints ?? []}
        rowKey={(e) => e.id}
        rowData={(e) => ({ id: e.id })}
        columns={[
          { label: a('hook.url'), cell: (e) => <code>{e.url}</code> },
          { label: a('hook.agency'), cell: (e) => agencyName(e.agencyId) },
          { label: a('hook.events'), cell: (e) => e.events.map(eventName).join(', ') },
          { label: a('status'), cell: (e) => (e.active ? a('active') : a('hook.disabled')) },
          {
            // Reading deliveries is for supervisors too: a cell, not a write action.
            cell: (e) => (
              <button type="button" className="dx-btn" data-action="show-deliveries" onClick={() => setOpen(e)}>
                {a('hook.deliveries')}
              </button>
            ),
          },
        ]}
        actions={(e) =>
          e.active && (
            <RowButton
              label={a('hook.disable')}
              action="disable-webhook"
              confirm={a('hook.confirmDisable', { url: e.url })}
              onClick={() => void run(() => integrationsApi.disable(e.id), endpoints.reload)}
            />
          )
        }
      />
      {open && <DeliveriesTable key={open.id} endpoint={open} eventName={eventName} />}
    </section>
  );
}
