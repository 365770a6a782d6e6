// Open311 clients: an administrator issues a key (shown once) per client app and revokes it; supervisors read.
import { useState } from 'react';
import { AdminForm } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { integrationsApi } from './integrations-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

const EMPTY = { slug: '', name: '', contact: '' };

export function ClientsTab() {
  const { a } = useAdminI18n();
  const { run } = useAdmin();
  const clients = useLoaded(integrationsApi.clients);
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <section>
      <AdminForm
        testId="client-form"
        action="issue-client"
        fields={[
          {
            name: 'slug',
            label: a('client.slug'),
            required: true,
            pattern: '[a-z0-9][a-z0-9\\-]{0,39}',
            maxLength: 40,
          },
          { name: 'name', label: a('client.name'), required: true, maxLength: 200 },
          { name: 'contact', label: a('client.contact'), maxLength: 200 },
        ]}
        initial={EMPTY}
        submit={async (v) =>
          setIssued((await integrationsApi.issueClient({ ...v, contact: v.contact || undefined })).apiKey)
        }
        after={() => {
          clients.reload();
          return EMPTY;
        }}
        submitLabel={a('issue')}
      >
        {issued && (
          <p className="small">
            {a('client.once')} <code data-testid="issued-api-key">{issued}</code>
          </p>
        )}
      </AdminForm>
      <AdminTable
        testId="clients"
        rows={clients.value?.clients ?? []}
        rowKey={(c) => c.id}
        rowData={(c) => ({ slug: c.slug })}
        columns={[
          { label: a('client.name'), cell: (c) => c.name },
          { label: a('client.channel'), cell: (c) => <code>{c.channel}</code> },
          { label: a('client.contact'), cell: (c) => c.contact ?? '—' },
          { label: a('created'), cell: (c) => c.createdAt.slice(0, 10) },
          {
            label: a('status'),
            cell: (c) => (c.revokedAt ? `${a('revoked')} ${c.revokedAt.slice(0, 10)}` : a('active')),
          },
        ]}
        actions={(c) =>
          !c.revokedAt && (
            <RowButton
              label={a('revoke')}
              action="revoke-client"
              confirm={a('client.confirmRevoke', { name: c.name })}
              onClick={() => void run(() => integrationsApi.revokeClient(c.id), clients.reload)}
            />
          )
        }
      />
    </section>
  );
}
