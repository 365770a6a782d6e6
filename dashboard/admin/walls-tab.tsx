// Wall displays (kiosk tokens): named, created with the token shown once, revoked here. Administrators only.
import { useState } from 'react';
import { call } from '../data/dispatch-api.ts';
import { AdminForm } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

interface WallItem {
  id: string;
  name: string;
  demo: boolean;
  createdAt: string;
  revokedAt: string | null;
}

export function WallsTab() {
  const { a } = useAdminI18n();
  const { run } = useAdmin();
  const walls = useLoaded(() => call<{ tokens: WallItem[] }>('GET', '/api/v1/wall-tokens'));
  const [issued, setIssued] = useState<string | null>(null);
  return (
    <section>
      <AdminForm
        fields={[{ name: 'name', label: a('wallName'), required: true, maxLength: 200 }]}
        initial={{ name: '' }}
        submit={async (v) => setIssued((await call<{ token: string }>('POST', '/api/v1/wall-tokens', v)).token)}
        after={() => {
          walls.reload();
          return { name: '' };
        }}
        submitLabel={a('issue')}
      >
        {issued && (
          <p className="small">
            {a('wall.once')} <code data-testid="issued-wall-token">/ops?token={issued}</code>
          </p>
        )}
      </AdminForm>
      <AdminTable
        testId="walls"
        rows={walls.value?.tokens ?? []}
        rowKey={(w) => w.id}
        columns={[
          { cell: (w) => w.name },
          { cell: (w) => w.createdAt.slice(0, 10) },
          { cell: (w) => (w.revokedAt ? `${a('revoke')} ${w.revokedAt.slice(0, 10)}` : a('active')) },
        ]}
        actions={(w) =>
          !w.revokedAt && (
            <RowButton
              label={a('revoke')}
              confirm={a('confirm.revoke')}
              onClick={() => void run(() => call('POST', `/api/v1/wall-tokens/${w.id}/revoke`, {}), walls.reload)}
            />
          )
        }
      />
    </section>
  );
}
