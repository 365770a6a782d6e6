// One endpoint's latest deliveries: status, attempts with each answer, and a replay for administrators.
import { AdminTable, RowButton } from './admin-table.tsx';
import { integrationsApi, type AttemptItem, type EndpointItem } from './integrations-api.ts';
import { useAdminI18n, type AdminKey } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

/** "500 · 12 ms" or "timeout · 10000 ms": what the receiver answered, and how fast. */
const attemptLine = (t: AttemptItem, time: (iso: string) => string) =>
  `${time(t.at)} — ${t.httpStatus ?? t.error ?? '?'} · ${t.durationMs} ms`;

export function DeliveriesTable(p: { endpoint: EndpointItem; eventName: (e: string) => string }) {
  const { a, lang } = useAdminI18n();
  const { run } = useAdmin();
  const deliveries = useLoaded(() => integrationsApi.deliveries(p.endpoint.id));
  const time = (iso: string) => new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const rows = deliveries.value?.deliveries ?? [];
  return (
    <section aria-live="polite">
      <h2 className="ad-h">{a('hook.deliveriesOf', { url: p.endpoint.url })}</h2>
      {deliveries.value && rows.length === 0 && <p className="small">{a('hook.none')}</p>}
      <AdminTable
        testId="deliveries"
        rows={rows}
        rowKey={(d) => d.id}
        rowData={(d) => ({ id: d.id, status: d.status })}
        columns={[
          { label: '#', cell: (d) => d.id },
          { label: a('delivery.event'), cell: (d) => p.eventName(d.event) },
          { label: a('status'), cell: (d) => a(`delivery.${d.status}` as AdminKey) },
          { label: a('delivery.attempts'), cell: (d) => d.attempts },
          { label: a('delivery.next'), cell: (d) => (d.nextAttemptAt ? time(d.nextAttemptAt) : '—') },
          {
            label: a('delivery.log'),
            className: 'ad-json',
            cell: (d) => d.attemptLog.map((t) => attemptLine(t, time)).join('\n') || '—',
          },
        ]}
        actions={(d) =>
          d.status !== 'pending' && (
            <RowButton
              label={a('delivery.replay')}
              action="replay-delivery"
              onClick={() => void run(() => integrationsApi.replay(d.id), deliveries.reload)}
            />
          )
        }
      />
    </section>
  );
}
