// Wall displays (kiosk tokens): named, created with the token shown once, revoked here. Administrators only.
import { useState, type FormEvent } from 'react';
import { call } from '../data/dispatch-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin, useLoaded } from './use-admin.ts';

interface WallItem {
  id: string;
  name: string;
  demo: boolean;
  createdAt: string;
  revokedAt: string | null;
}

export function WallsTab() {
  const { a } = useAdminI18n();
  const { run } = useAdmin();
  const walls = useLoaded(() => call<{ tokens: WallItem[] }>('GET', '/api/v1/wall-tokens'));
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await call<{ token: string }>('POST', '/api/v1/wall-tokens', { name });
      setIssued(r.token);
      setName('');
    }, walls.reload);
  };
  return (
    <section>
      <form className="ad-form" onSubmit={add}>
        <label>
          {a('wallName')}
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit" className="dx-btn">
          {a('issue')}
        </button>
        {issued && (
          <p className="small">
            {a('wall.once')} <code data-testid="issued-wall-token">/ops?token={issued}</code>
          </p>
        )}
      </form>
      <table className="ad-table" data-testid="walls">
        <tbody>
          {(walls.value?.tokens ?? []).map((w) => (
            <tr key={w.id}>
              <td>{w.name}</td>
              <td>{w.createdAt.slice(0, 10)}</td>
              <td>{w.revokedAt ? `${a('revoke')} ${w.revokedAt.slice(0, 10)}` : a('active')}</td>
              <td>
                {!w.revokedAt && (
                  <button
                    type="button"
                    className="dx-btn"
                    onClick={() =>
                      window.confirm(a('confirm.revoke')) &&
                      void run(() => call('POST', `/api/v1/wall-tokens/${w.id}/revoke`, {}), walls.reload)
                    }
                  >
                    {a('revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
