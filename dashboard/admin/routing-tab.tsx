// Routing rules with their effective dates, a form to add one, and a preview by point and date.
import { useState } from 'react';
import { adminApi } from './admin-api.ts';
import { AdminForm } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';
import { useChoices } from './use-choices.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function RoutingTab() {
  const { a } = useAdminI18n();
  const { agencies, run } = useAdmin();
  const choices = useChoices();
  const rules = useLoaded(() => adminApi.rules());
  const [answer, setAnswer] = useState<string | null>(null);
  const active = (rules.value?.rules ?? []).filter((r) => !r.effectiveTo || r.effectiveTo > today());
  return (
    <section>
      <AdminForm
        editable
        testId="routing-preview"
        title={<strong className="ad-h">{a('preview.title')}</strong>}
        fields={[
          { name: 'category', label: a('category'), kind: 'select', options: choices.categories },
          { name: 'lat', label: a('preview.lat') },
          { name: 'lng', label: a('preview.lng') },
          { name: 'date', label: a('preview.date'), kind: 'date' },
        ]}
        initial={{ category: 'flooding', lat: '19.8075', lng: '105.7766', date: today() }}
        submit={async (v) => {
          const r = await adminApi.preview(v.category, Number(v.lat), Number(v.lng), v.date);
          const agency = r.agencyId ? agencies.name(r.agencyId) : a('preview.none');
          setAnswer(`${r.area ? choices.areaLabel(r.area.code) : '—'} → ${agency}${r.ruleId ? ` (#${r.ruleId})` : ''}`);
        }}
        submitLabel={a('preview.run')}
      >
        {answer && <output data-testid="preview-answer">{answer}</output>}
      </AdminForm>
      <AdminForm
        testId="rule-form"
        action="add-rule"
        fields={[
          { name: 'agencyId', label: a('agency'), kind: 'select', options: choices.agencies, required: true },
          { name: 'category', label: a('category'), kind: 'select', options: choices.anyCategory },
          { name: 'areaCode', label: a('commune'), kind: 'select', options: choices.communes },
          { name: 'effectiveFrom', label: a('from'), kind: 'date', required: true },
        ]}
        initial={{ agencyId: '', category: '', areaCode: '', effectiveFrom: today() }}
        submit={(v) =>
          adminApi.addRule({
            agencyId: v.agencyId,
            category: v.category || null,
            areaCode: v.areaCode || null,
            effectiveFrom: v.effectiveFrom,
          })
        }
        after={() => rules.reload()}
        submitLabel={a('add')}
      />
      <AdminTable
        testId="rules"
        rows={active}
        rowKey={(r) => r.id}
        rowData={(r) => ({ 'rule-id': r.id })}
        columns={[
          { label: '#', cell: (r) => r.id },
          { label: a('category'), cell: (r) => choices.categoryLabel(r.category) },
          { label: a('commune'), cell: (r) => (r.provinceCode ? a('anyArea') : choices.areaLabel(r.areaCode)) },
          { label: a('agency'), cell: (r) => agencies.name(r.agencyId) },
          { label: a('from'), cell: (r) => r.effectiveFrom },
          { label: a('to'), cell: (r) => r.effectiveTo ?? '—' },
        ]}
        actions={(r) => (
          <RowButton
            label={a('end')}
            onClick={() => {
              const to = window.prompt(a('to'), today());
              if (to) void run(() => adminApi.endRule(r.id, to), rules.reload);
            }}
          />
        )}
      />
    </section>
  );
}
