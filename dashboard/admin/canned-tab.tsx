// Canned replies per category: supervisors (and administrators) keep the answers dispatchers pick from.
import { useState, type FormEvent } from 'react';
import { adminApi } from './admin-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

export function CannedTab() {
  const { a, categoryName } = useAdminI18n();
  const { reference, run } = useAdmin();
  const replies = useLoaded(() => adminApi.cannedReplies());
  const [form, setForm] = useState({ category: '', text: '' });
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => adminApi.addCannedReply(form.category || null, form.text),
      () => {
        setForm({ ...form, text: '' });
        replies.reload();
      },
    );
  };
  const category = (c: string | null) => (c ? categoryName(reference.categoryByCode[c], c) : a('anyCategory'));
  return (
    <section>
      <form className="ad-form" onSubmit={add}>
        <label>
          {a('category')}
          <select value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            <option value="">{a('anyCategory')}</option>
            {reference.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {category(c.code)}
              </option>
            ))}
          </select>
        </label>
        <label style={{ flex: 1, minWidth: 320 }}>
          {a('cannedText')}
          <textarea
            required
            rows={2}
            maxLength={2000}
            value={form.text}
            onChange={(e) => setForm({ ...form, text: e.target.value })}
          />
        </label>
        <button type="submit" className="dx-btn">
          {a('add')}
        </button>
      </form>
      <table className="ad-table" data-testid="canned">
        <tbody>
          {(replies.value?.replies ?? []).map((r) => (
            <tr key={r.id}>
              <td>{category(r.category)}</td>
              <td>{r.text}</td>
              <td>
                <button
                  type="button"
                  className="dx-btn"
                  onClick={() => void run(() => adminApi.removeCannedReply(r.id), replies.reload)}
                >
                  {a('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
