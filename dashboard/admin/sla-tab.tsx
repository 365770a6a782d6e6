// Response and resolution deadlines and the default priority, per category ('*' for the rest).
import { useEffect, useState } from 'react';
import { adminApi, type SlaItem } from './admin-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

export function SlaTab() {
  const { a, categoryName } = useAdminI18n();
  const { canWrite, reference, run } = useAdmin();
  const loaded = useLoaded(() => adminApi.sla());
  const [rows, setRows] = useState<SlaItem[]>([]);
  useEffect(() => setRows(loaded.value?.sla ?? []), [loaded.value]);
  const set = (i: number, patch: Partial<SlaItem>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unitSelect = (value: string, on: (v: SlaItem['responseUnit']) => void) => (
    <select value={value} disabled={!canWrite} onChange={(e) => on(e.target.value as SlaItem['responseUnit'])}>
      <option value="hours">{a('hours')}</option>
      <option value="working_days">{a('working_days')}</option>
    </select>
  );
  const num = (value: number, on: (v: number) => void, max = 8760) => (
    <input
      type="number"
      min={1}
      max={max}
      value={value}
      disabled={!canWrite}
      onChange={(e) => on(Number(e.target.value))}
    />
  );
  return (
    <table className="ad-table" data-testid="sla">
      <thead>
        <tr>
          <th>{a('category')}</th>
          <th>{a('response')}</th>
          <th>{a('resolution')}</th>
          <th>{a('priority')}</th>
          {canWrite && <th />}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.category} data-category={r.category}>
            <td>
              {r.category === '*' ? a('anyCategory') : categoryName(reference.categoryByCode[r.category], r.category)}
            </td>
            <td>
              {num(r.responseAmount, (v) => set(i, { responseAmount: v }))}{' '}
              {unitSelect(r.responseUnit, (v) => set(i, { responseUnit: v }))}
            </td>
            <td>
              {num(r.resolutionAmount, (v) => set(i, { resolutionAmount: v }))}{' '}
              {unitSelect(r.resolutionUnit, (v) => set(i, { resolutionUnit: v }))}
            </td>
            <td>{r.category === '*' ? '—' : num(r.priority ?? 3, (v) => set(i, { priority: v }), 4)}</td>
            {canWrite && (
              <td>
                <button
                  type="button"
                  className="dx-btn"
                  onClick={() => void run(() => adminApi.setSla(r), loaded.reload)}
                >
                  {a('save')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
