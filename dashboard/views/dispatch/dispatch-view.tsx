// /dispatch: the dispatcher desktop. Signed-out staff see the sign-in form; the console needs a session.
import './dispatch.css';
import { useDispatchSession } from '../../data/use-dispatch-session.ts';
import { Console } from './console.tsx';
import { LoginScreen } from './login-screen.tsx';

export function DispatchView() {
  const s = useDispatchSession();
  if (s.loading) return <div className="center-page" aria-busy="true" />;
  if (!s.session?.user || !s.session.socketToken) return <LoginScreen onLogin={s.login} />;
  return <Console session={s.session} onLogout={s.logout} onReauthorize={s.refresh} />;
}
