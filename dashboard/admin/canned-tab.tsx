// Canned replies per category: supervisors (and administrators) keep the answers dispatchers pick from.
import { adminApi } from './admin-api.ts';
import { AdminForm } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';
import { useChoices } from './use-choices.ts';

export function CannedTab() {
  const { a } = useAdminI18n();
  const { run } = useAdmin();
  const choices = useChoices();
  const replies = useLoaded(() => adminApi.cannedReplies());
  return (
    <section>
      <AdminForm
        editable
        fields={[
          { name: 'category', label: a('category'), kind: 'select', options: choices.anyCategory },
          { name: 'text', label: a('cannedText'), kind: 'textarea', required: true, maxLength: 2000, wide: true },
        ]}
        initial={{ category: '', text: '' }}
        submit={(v) => adminApi.addCannedReply(v.category || null, v.text)}
        after={(v) => {
          replies.reload();
          return { ...v, text: '' };
        }}
        submitLabel={a('add')}
      />
      <AdminTable
        testId="canned"
        editable
        rows={replies.value?.replies ?? []}
        rowKey={(r) => r.id}
        columns={[{ cell: (r) => choices.categoryLabel(r.category) }, { cell: (r) => r.text }]}
        actions={(r) => (
          <RowButton
            label={a('remove')}
            onClick={() => void run(() => adminApi.removeCannedReply(r.id), replies.reload)}
          />
        )}
      />
    </section>
  );
}
