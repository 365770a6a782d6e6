// /invite#<token>: an invited staff member sets their password (same rule as every account), once; then signs in.
import '../views/dispatch/dispatch.css';
import { useEffect, useState, type FormEvent } from 'react';
import { call, DispatchError, reasonIn } from '../data/dispatch-api.ts';
import { LangToggle } from '../components/toggles.tsx';
import { useI18n } from '../i18n/i18n.tsx';

const vi = {
  title: 'Nhận lời mời',
  hello: 'Xin chào {name} ({user}). Đặt mật khẩu để bắt đầu sử dụng.',
  password: 'Mật khẩu mới (từ 12 ký tự)',
  repeat: 'Nhập lại mật khẩu',
  mismatch: 'Hai mật khẩu không giống nhau',
  weak: 'Mật khẩu chưa đạt yêu cầu (từ 12 ký tự)',
  submit: 'Đặt mật khẩu',
  done: 'Đã đặt mật khẩu. Liên kết này không dùng được nữa.',
  signIn: 'Đăng nhập',
  checking: 'Đang kiểm tra liên kết…',
};
const en: typeof vi = {
  title: 'Accept your invite',
  hello: 'Hello {name} ({user}). Set a password to start.',
  password: 'New password (12+ characters)',
  repeat: 'Repeat the password',
  mismatch: 'The two passwords differ',
  weak: 'The password does not meet the rule (12+ characters)',
  submit: 'Set password',
  done: 'Your password is set. This link no longer works.',
  signIn: 'Sign in',
  checking: 'Checking the link…',
};

const errorText = (e: unknown, lang: string) =>
  e instanceof DispatchError ? (lang === 'vi' ? (e.messageVi ?? e.message) : e.message) : String(e);

export function InviteView() {
  const { lang, t } = useI18n();
  const s = lang === 'vi' ? vi : en;
  const token = window.location.hash.slice(1);
  const [who, setWho] = useState<{ username: string; displayName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  useEffect(() => {
    call<{ username: string; displayName: string }>('POST', '/api/v1/auth/invite', { token }).then(setWho, (e) =>
      setError(errorText(e, lang)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFieldError(null);
    if (password !== repeat) return setFieldError(s.mismatch);
    call('POST', '/api/v1/auth/invite/accept', { token, password }).then(
      () => setDone(true),
      (err) => {
        const field = err instanceof DispatchError ? err.fields?.find((f) => f.field === 'password') : undefined;
        const reason = field ? reasonIn(field, lang) : null;
        if (reason) setFieldError(`${s.weak}: ${reason}`);
        else setError(errorText(err, lang));
      },
    );
  };
  return (
    <main className="dx-login">
      <form className="dx-login-card" onSubmit={submit} data-testid="invite-form">
        <div className="dx-login-head">
          <h1>
            {t('app.name')} · {s.title}
          </h1>
          <LangToggle />
        </div>
        {error ? (
          <p className="dx-error" role="alert" data-testid="invite-error">
            {error}
          </p>
        ) : done ? (
          <p role="status" data-testid="invite-done">
            {s.done} <a href="/dispatch">{s.signIn}</a>
          </p>
        ) : !who ? (
          <p aria-busy="true">{s.checking}</p>
        ) : (
          <>
            <p>{s.hello.replace('{name}', who.displayName).replace('{user}', who.username)}</p>
            <input type="hidden" name="username" autoComplete="username" value={who.username} />
            <label>
              {s.password}
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={12}
                value={password}
                aria-invalid={!!fieldError || undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
            <label>
              {s.repeat}
              <input
                name="repeat"
                type="password"
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
              />
            </label>
            {fieldError && (
              <p className="dx-error" role="alert">
                {fieldError}
              </p>
            )}
            <button type="submit">{s.submit}</button>
          </>
        )}
      </form>
    </main>
  );
}
