// Staff accounts: invite (a one-time link, the invitee sets the password), role, agency, deactivate (ends their sessions).
import { useState } from 'react';
import { adminApi, type StaffItem } from './admin-api.ts';
import { AdminForm, ChoiceSelect } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { InviteLink, type IssuedLink } from './invite-link.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';
import { useChoices } from './use-choices.ts';

export function StaffTab() {
  const { a } = useAdminI18n();
  const { canWrite, run } = useAdmin();
  const choices = useChoices();
  const staff = useLoaded(() => adminApi.staff());
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const issue = (i: { path: string; expiresAt: string }, username: string) => setIssued({ ...i, username });
  const change = (s: StaffItem, c: Parameters<typeof adminApi.changeStaff>[1]) =>
    void run(() => adminApi.changeStaff(s.id, c), staff.reload);
  return (
    <section>
      <AdminForm
        fields={[
          { name: 'username', label: a('username'), required: true },
          { name: 'displayName', label: a('displayName'), required: true },
          { name: 'role', label: a('role'), kind: 'select', options: choices.roles },
          { name: 'agencyId', label: a('agency'), kind: 'select', options: choices.agencies },
        ]}
        initial={{ username: '', displayName: '', role: 'dispatcher', agencyId: '' }}
        testId="invite-form"
        action="invite"
        submit={async (v) =>
          issue((await adminApi.invite({ ...v, agencyId: v.agencyId || undefined })).invite, v.username)
        }
        after={(v) => {
          staff.reload();
          return { ...v, username: '', displayName: '' };
        }}
        submitLabel={a('invite')}
      >
        {issued && <InviteLink issued={issued} />}
      </AdminForm>
      <AdminTable
        testId="staff"
        rows={staff.value?.staff ?? []}
        rowKey={(s) => s.id}
        rowData={(s) => ({ username: s.username })}
        columns={[
          { label: a('username'), cell: (s) => s.username, className: 'mono' },
          { label: a('displayName'), cell: (s) => s.displayName },
          {
            label: a('role'),
            cell: (s) => (
              <ChoiceSelect
                value={s.role}
                options={choices.roles}
                disabled={!canWrite}
                label={a('role')}
                onChange={(v) => change(s, { role: v })}
              />
            ),
          },
          {
            label: a('agency'),
            cell: (s) => (
              <ChoiceSelect
                value={s.agencyId ?? ''}
                options={choices.agencies}
                disabled={!canWrite}
                label={a('agency')}
                onChange={(v) => change(s, { agencyId: v || null })}
              />
            ),
          },
          {
            label: a('active'),
            cell: (s) => (
              <>
                {s.invited ? a('invited') : s.active ? a('active') : a('inactive')}{' '}
                {canWrite && s.invited && s.active && (
                  <RowButton
                    label={a('reinvite')}
                    action="reinvite"
                    onClick={() => void run(async () => issue((await adminApi.reinvite(s.id)).invite, s.username))}
                  />
                )}
                {canWrite &&
                  (s.active ? (
                    <RowButton
                      label={a('deactivate')}
                      action="deactivate"
                      confirm={a('confirm.deactivate', { name: s.displayName })}
                      onClick={() => change(s, { active: false })}
                    />
                  ) : (
                    <RowButton label={a('activate')} action="activate" onClick={() => change(s, { active: true })} />
                  ))}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
