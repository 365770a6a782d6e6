// Routing rules with their effective dates, a form to add one, and a preview by point and date.
import { useState, type FormEvent } from 'react';
import { adminApi } from './admin-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function RoutingTab() {
  const { a, lang, categoryName } = useAdminI18n();
  const { canWrite, reference, agencies, run } = useAdmin();
  const rules = useLoaded(() => adminApi.rules());
  const [form, setForm] = useState({ agencyId: '', category: '', areaCode: '', effectiveFrom: today() });
  const [preview, setPreview] = useState({ category: 'flooding', lat: '19.8075', lng: '105.7766', date: today() });
  const [answer, setAnswer] = useState<string | null>(null);
  const communes = Object.entries(reference.areaNames).sort((x, y) => x[1].vi.localeCompare(y[1].vi, 'vi'));
  const category = (c: string | null) => (c ? categoryName(reference.categoryByCode[c], c) : a('anyCategory'));
  const area = (code: string | null) => (code ? (reference.areaNames[code]?.[lang] ?? code) : a('anyArea'));
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        adminApi.addRule({
          agencyId: form.agencyId,
          category: form.category || null,
          areaCode: form.areaCode || null,
          effectiveFrom: form.effectiveFrom,
        }),
      rules.reload,
    );
  };
  const runPreview = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await adminApi.preview(preview.category, Number(preview.lat), Number(preview.lng), preview.date);
      setAnswer(
        `${r.area ? area(r.area.code) : '—'} → ${r.agencyId ? agencies.name(r.agencyId) : a('preview.none')}${r.ruleId ? ` (#${r.ruleId})` : ''}`,
      );
    });
  };
  const active = (rules.value?.rules ?? []).filter((r) => !r.effectiveTo || r.effectiveTo > today());
  return (
    <section>
      <form className="ad-form" onSubmit={runPreview} data-testid="routing-preview">
        <strong className="ad-h">{a('preview.title')}</strong>
        <label>
          {a('category')}
          <select value={preview.category} onChange={(e) => setPreview({ ...preview, category: e.target.value })}>
            {reference.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {category(c.code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {a('preview.lat')}
          <input value={preview.lat} onChange={(e) => setPreview({ ...preview, lat: e.target.value })} size={9} />
        </label>
        <label>
          {a('preview.lng')}
          <input value={preview.lng} onChange={(e) => setPreview({ ...preview, lng: e.target.value })} size={9} />
        </label>
        <label>
          {a('preview.date')}
          <input type="date" value={preview.date} onChange={(e) => setPreview({ ...preview, date: e.target.value })} />
        </label>
        <button type="submit" className="dx-btn">
          {a('preview.run')}
        </button>
        {answer && <output data-testid="preview-answer">{answer}</output>}
      </form>
      {canWrite && (
        <form className="ad-form" onSubmit={add} data-testid="rule-form">
          <label>
            {a('agency')}
            <select
              name="agencyId"
              required
              value={form.agencyId}
              onChange={(e) => setForm({ ...form, agencyId: e.target.value })}
            >
              <option value="">—</option>
              {agencies.list.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {a('category')}
            <select
              name="category"
              value={form.category}
              onChange={(e) => setForm({ ...form, category: e.target.value })}
            >
              <option value="">{a('anyCategory')}</option>
              {reference.categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {category(c.code)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {a('commune')}
            <select
              name="areaCode"
              value={form.areaCode}
              onChange={(e) => setForm({ ...form, areaCode: e.target.value })}
            >
              <option value="">{a('anyArea')}</option>
              {communes.map(([code, n]) => (
                <option key={code} value={code}>
                  {n[lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {a('from')}
            <input
              type="date"
              name="effectiveFrom"
              required
              value={form.effectiveFrom}
              onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })}
            />
          </label>
          <button type="submit" className="dx-btn" data-action="add-rule">
            {a('add')}
          </button>
        </form>
      )}
      <table className="ad-table" data-testid="rules">
        <thead>
          <tr>
            <th>#</th>
            <th>{a('category')}</th>
            <th>{a('commune')}</th>
            <th>{a('agency')}</th>
            <th>{a('from')}</th>
            <th>{a('to')}</th>
            {canWrite && <th />}
          </tr>
        </thead>
        <tbody>
          {active.map((r) => (
            <tr key={r.id} data-rule-id={r.id}>
              <td>{r.id}</td>
              <td>{category(r.category)}</td>
              <td>{r.provinceCode ? a('anyArea') : area(r.areaCode)}</td>
              <td>{agencies.name(r.agencyId)}</td>
              <td>{r.effectiveFrom}</td>
              <td>{r.effectiveTo ?? '—'}</td>
              {canWrite && (
                <td>
                  <button
                    type="button"
                    className="dx-btn"
                    onClick={() => {
                      const to = window.prompt(a('to'), today());
                      if (to) void run(() => adminApi.endRule(r.id, to), rules.reload);
                    }}
                  >
                    {a('end')}
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
