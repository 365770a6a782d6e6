// Username + password; the server sets the httpOnly session cookie.
import { useState, type FormEvent } from 'react';
import { DispatchError } from '../../data/dispatch-api.ts';
import { LangToggle } from '../../components/toggles.tsx';
import { useDispatchI18n } from './strings.ts';

export function LoginScreen({ onLogin }: { onLogin: (u: string, p: string) => Promise<void> }) {
  const { d, lang, t } = useDispatchI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
    } catch (err) {
      setError(
        err instanceof DispatchError
          ? lang === 'vi'
            ? (err.messageVi ?? err.message)
            : err.message
          : d('login.failed'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="dx-login">
      <form className="dx-login-card" onSubmit={submit} data-testid="login-form">
        <div className="dx-login-head">
          <h1>
            {t('app.name')} · {d('title')}
          </h1>
          <LangToggle />
        </div>
        <h2>{d('login.title')}</h2>
        <label>
          {d('login.username')}
          <input
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {d('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="dx-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !username || !password}>
          {d('login.submit')}
        </button>
      </form>
    </div>
  );
}
