// Response and resolution deadlines per category ('*' for the rest), and per category × priority where a priority
// needs its own (a priority-1 flood due in hours); the category's row also holds its default priority.
import { useEffect, useState } from 'react';
import { adminApi, type SlaItem } from './admin-api.ts';
import { AdminForm, ChoiceSelect, type Choice } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';
import { useChoices } from './use-choices.ts';

const keyOf = (r: SlaItem) => `${r.category}:${r.forPriority ?? '*'}`;
const PRIORITIES: Choice[] = [1, 2, 3, 4].map((p) => ({ value: String(p), label: String(p) }));

export function SlaTab() {
  const { a } = useAdminI18n();
  const { canWrite, run } = useAdmin();
  const choices = useChoices();
  const loaded = useLoaded(() => adminApi.sla());
  const [rows, setRows] = useState<SlaItem[]>([]);
  useEffect(() => setRows(loaded.value?.sla ?? []), [loaded.value]);
  const set = (r: SlaItem, patch: Partial<SlaItem>) =>
    setRows(rows.map((x) => (keyOf(x) === keyOf(r) ? { ...x, ...patch } : x)));
  const units: Choice[] = [
    { value: 'hours', label: a('hours') },
    { value: 'working_days', label: a('working_days') },
  ];
  const num = (label: string, value: number, on: (v: number) => void, max = 8760) => (
    <input
      aria-label={label}
      type="number"
      min={1}
      max={max}
      value={value}
      disabled={!canWrite}
      onChange={(e) => on(Number(e.target.value))}
    />
  );
  const span = (r: SlaItem, which: 'response' | 'resolution') => (
    <>
      {num(a(which), r[`${which}Amount`], (v) => set(r, { [`${which}Amount`]: v }))}{' '}
      <ChoiceSelect
        value={r[`${which}Unit`]}
        options={units}
        disabled={!canWrite}
        label={a(which)}
        onChange={(v) => set(r, { [`${which}Unit`]: v as SlaItem['responseUnit'] })}
      />
    </>
  );
  return (
    <section>
      <AdminForm
        testId="sla-priority-form"
        action="add-sla-priority"
        title={<strong className="ad-h">{a('sla.forPriority')}</strong>}
        fields={[
          {
            name: 'category',
            label: a('category'),
            kind: 'select',
            options: [{ value: '*', label: a('anyCategory') }, ...choices.categories],
          },
          { name: 'forPriority', label: a('priority'), kind: 'select', options: PRIORITIES },
          { name: 'responseAmount', label: a('response'), kind: 'number', min: 1, max: 8760, required: true },
          { name: 'responseUnit', label: a('unit'), kind: 'select', options: units },
          { name: 'resolutionAmount', label: a('resolution'), kind: 'number', min: 1, max: 8760, required: true },
          { name: 'resolutionUnit', label: a('unit'), kind: 'select', options: units },
        ]}
        initial={{
          category: '*',
          forPriority: '1',
          responseAmount: '1',
          responseUnit: 'hours',
          resolutionAmount: '8',
          resolutionUnit: 'hours',
        }}
        submit={(v) =>
          adminApi.setSla({
            category: v.category,
            forPriority: Number(v.forPriority),
            responseAmount: Number(v.responseAmount),
            responseUnit: v.responseUnit as SlaItem['responseUnit'],
            resolutionAmount: Number(v.resolutionAmount),
            resolutionUnit: v.resolutionUnit as SlaItem['resolutionUnit'],
            priority: null,
          })
        }
        after={() => loaded.reload()}
        submitLabel={a('save')}
      />
      <AdminTable
        testId="sla"
        rows={rows}
        rowKey={keyOf}
        rowData={(r) => ({ category: r.category, 'for-priority': String(r.forPriority ?? '') })}
        columns={[
          {
            label: a('category'),
            cell: (r) => (r.category === '*' ? a('anyCategory') : choices.categoryLabel(r.category)),
          },
          {
            label: a('sla.appliesTo'),
            cell: (r) => (r.forPriority ? `${a('priority')} ${r.forPriority}` : a('sla.allPriorities')),
          },
          { label: a('response'), cell: (r) => span(r, 'response') },
          { label: a('resolution'), cell: (r) => span(r, 'resolution') },
          {
            label: a('sla.defaultPriority'),
            cell: (r) =>
              r.category === '*' || r.forPriority
                ? '—'
                : num(a('sla.defaultPriority'), r.priority ?? 3, (v) => set(r, { priority: v }), 4),
          },
        ]}
        actions={(r) => (
          <>
            <RowButton label={a('save')} onClick={() => void run(() => adminApi.setSla(r), loaded.reload)} />
            {r.forPriority && (
              <RowButton
                label={a('remove')}
                onClick={() => void run(() => adminApi.removeSla(r.category, r.forPriority!), loaded.reload)}
              />
            )}
          </>
        )}
      />
    </section>
  );
}
