// The holiday calendar of a year: days off (Tết, 30/4, 2/9…) and swapped working Saturdays.
import { useState, type FormEvent } from 'react';
import { adminApi, type HolidayItem } from './admin-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

export function HolidaysTab() {
  const { a, lang } = useAdminI18n();
  const { canWrite, run } = useAdmin();
  const [year, setYear] = useState(new Date().getFullYear());
  const days = useLoaded(() => adminApi.holidays(year), [year]);
  const [form, setForm] = useState<HolidayItem>({ day: `${year}-01-01`, dayOff: true, nameVi: '', nameEn: '' });
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(() => adminApi.setHoliday(form), days.reload);
  };
  return (
    <section>
      <label className="ad-form">
        {a('year')}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[-1, 0, 1, 2].map((d) => (
            <option key={d} value={new Date().getFullYear() + d}>
              {new Date().getFullYear() + d}
            </option>
          ))}
        </select>
      </label>
      {canWrite && (
        <form className="ad-form" onSubmit={add}>
          <label>
            {a('day')}
            <input type="date" required value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} />
          </label>
          <label>
            {a('dayOff')}
            <select
              value={String(form.dayOff)}
              onChange={(e) => setForm({ ...form, dayOff: e.target.value === 'true' })}
            >
              <option value="true">{a('dayOff')}</option>
              <option value="false">{a('workday')}</option>
            </select>
          </label>
          <label>
            {a('nameVi')}
            <input required value={form.nameVi} onChange={(e) => setForm({ ...form, nameVi: e.target.value })} />
          </label>
          <label>
            {a('nameEn')}
            <input required value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
          </label>
          <button type="submit" className="dx-btn">
            {a('add')}
          </button>
        </form>
      )}
      <table className="ad-table" data-testid="holidays">
        <tbody>
          {(days.value?.days ?? []).map((h) => (
            <tr key={h.day}>
              <td className="mono">{h.day}</td>
              <td>{h.dayOff ? a('dayOff') : a('workday')}</td>
              <td>{lang === 'vi' ? h.nameVi : h.nameEn}</td>
              {canWrite && (
                <td>
                  <button
                    type="button"
                    className="dx-btn"
                    onClick={() => void run(() => adminApi.removeHoliday(h.day), days.reload)}
                  >
                    {a('remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
