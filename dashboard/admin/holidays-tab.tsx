// The holiday calendar of a year: days off (Tết, 30/4, 2/9…) and swapped working Saturdays.
import { useState } from 'react';
import { adminApi } from './admin-api.ts';
import { AdminForm, ChoiceSelect } from './admin-form.tsx';
import { AdminTable, RowButton } from './admin-table.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

export function HolidaysTab() {
  const { a, lang } = useAdminI18n();
  const { run } = useAdmin();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const days = useLoaded(() => adminApi.holidays(year), [year]);
  return (
    <section>
      <label className="ad-form">
        {a('year')}
        <ChoiceSelect
          value={String(year)}
          options={[-1, 0, 1, 2].map((d) => ({ value: String(thisYear + d), label: String(thisYear + d) }))}
          onChange={(v) => setYear(Number(v))}
        />
      </label>
      <AdminForm
        fields={[
          { name: 'day', label: a('day'), kind: 'date', required: true },
          {
            name: 'dayOff',
            label: a('dayOff'),
            kind: 'select',
            options: [
              { value: 'true', label: a('dayOff') },
              { value: 'false', label: a('workday') },
            ],
          },
          { name: 'nameVi', label: a('nameVi'), required: true },
          { name: 'nameEn', label: a('nameEn'), required: true },
        ]}
        initial={{ day: `${year}-01-01`, dayOff: 'true', nameVi: '', nameEn: '' }}
        submit={(v) => adminApi.setHoliday({ ...v, dayOff: v.dayOff === 'true' })}
        after={() => days.reload()}
        submitLabel={a('add')}
      />
      <AdminTable
        testId="holidays"
        rows={days.value?.days ?? []}
        rowKey={(h) => h.day}
        columns={[
          { cell: (h) => h.day, className: 'mono' },
          { cell: (h) => (h.dayOff ? a('dayOff') : a('workday')) },
          { cell: (h) => (lang === 'vi' ? h.nameVi : h.nameEn) },
        ]}
        actions={(h) => (
          <RowButton label={a('remove')} onClick={() => void run(() => adminApi.removeHoliday(h.day), days.reload)} />
        )}
      />
    </section>
  );
}
