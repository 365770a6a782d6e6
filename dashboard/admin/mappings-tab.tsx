// Hotline import mappings: which column of a call centre's export holds each report field, and its category
// labels. Administrators add, edit (rename included) and delete them; supervisors read.
import { useState } from 'react';
import { MAPPED_FIELDS } from '../../domain/import-fields.ts';
import { AdminForm, type FieldDef } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { integrationsApi, type MappingInput, type MappingItem } from './integrations-api.ts';
import { useAdminI18n, type AdminKey } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

type Values = Record<'name' | 'values' | (typeof MAPPED_FIELDS)[number], string>;

const toValues = (m: MappingItem | null): Values => ({
  name: m?.name ?? '',
  ...(Object.fromEntries(MAPPED_FIELDS.map((f) => [f, m?.columns[f] ?? ''])) as Record<
    (typeof MAPPED_FIELDS)[number],
    string
  >),
  values: Object.entries(m?.categoryValues ?? {})
    .map(([label, code]) => `${label} = ${code}`)
    .join('\n'),
});

/** "Rác thải = rubbish" per line; blank lines and lines without "=" are skipped. */
function fromValues(v: Values): MappingInput {
  const columns = Object.fromEntries(MAPPED_FIELDS.filter((f) => v[f].trim()).map((f) => [f, v[f].trim()]));
  const categoryValues = Object.fromEntries(
    v.values
      .split('\n')
      .map((line) => line.split('='))
      .filter((parts) => parts.length === 2 && parts[0].trim() && parts[1].trim())
      .map(([label, code]) => [label.trim(), code.trim()]),
  );
  return { name: v.name.trim(), columns, categoryValues };
}

export function MappingsTab() {
  const { a } = useAdminI18n();
  const { run } = useAdmin();
  const mappings = useLoaded(integrationsApi.mappings);
  const [editing, setEditing] = useState<MappingItem | null>(null);
  const fields: FieldDef<Values>[] = [
    { name: 'name', label: a('mapping.name'), required: true, maxLength: 100 },
    ...MAPPED_FIELDS.map((f) => ({
      name: f,
      label: a(`field.${f}` as AdminKey),
      required: f === 'category' || f === 'description',
      maxLength: 200,
    })),
    { name: 'values', label: a('mapping.values'), kind: 'textarea', wide: true },
  ];
  return (
    <section>
      <AdminForm
        key={editing?.id ?? 'new'}
        testId="mapping-form"
        action={editing ? 'edit-mapping' : 'add-mapping'}
        title={<h2 className="ad-h">{editing ? a('mapping.edit', { name: editing.name }) : a('mapping.new')}</h2>}
        fields={fields}
        initial={toValues(editing)}
        submit={(v) =>
          editing ? integrationsApi.editMapping(editing.id, fromValues(v)) : integrationsApi.saveMapping(fromValues(v))
        }
        after={() => {
          mappings.reload();
          setEditing(null);
          return toValues(null);
        }}
        submitLabel={a('save')}
      >
        {editing && (
          <button type="button" className="dx-btn" onClick={() => setEditing(null)}>
            {a('mapping.cancel')}
          </button>
        )}
      </AdminForm>
      <AdminTable
        testId="mappings"
        rows={mappings.value?.mappings ?? []}
        rowKey={(m) => m.id}
        rowData={(m) => ({ name: m.name })}
        columns={[
          { label: a('mapping.name'), cell: (m) => m.name },
          {
            label: a('mapping.columns'),
            className: 'ad-json',
            cell: (m) =>
              Object.entries(m.columns)
                .map(([f, title]) => `${a(`field.${f}` as AdminKey)}: ${title}`)
                .join('\n'),
          },
          { label: a('mapping.values'), className: 'ad-json', cell: (m) => toValues(m).values || '—' },
          { label: a('when'), cell: (m) => m.updatedAt.slice(0, 10) },
        ]}
        actions={(m) => (
          <>
            <RowButton label={a('edit')} action="edit-mapping" onClick={() => setEditing(m)} />
            <RowButton
              label={a('remove')}
              action="remove-mapping"
              confirm={a('mapping.confirmRemove', { name: m.name })}
              onClick={() => void run(() => integrationsApi.removeMapping(m.id), mappings.reload)}
            />
          </>
        )}
      />
    </section>
  );
}
