// Who is at the console: the session from the cookie, sign in and sign out.
import { useCallback, useEffect, useState } from 'react';
import { dispatchApi, SESSION_ENDED } from './dispatch-api.ts';
import type { SessionDTO } from './dispatch-types.ts';

export interface DispatchSession {
  session: SessionDTO | null;
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Ask the server again who is signed in (a fresh socket ticket, or back to the sign-in screen). */
  refresh(): void;
}

export function useDispatchSession(): DispatchSession {
  const [session, setSession] = useState<SessionDTO | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    dispatchApi
      .session()
      .then(setSession, () => setSession(null))
      .finally(() => setLoading(false));
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    setSession(await dispatchApi.login(username, password));
  }, []);
  const logout = useCallback(async () => {
    await dispatchApi.logout().catch(() => {});
    setSession(null);
  }, []);
  const refresh = useCallback(() => {
    dispatchApi.session().then(setSession, () => setSession(null));
  }, []);
  useEffect(() => {
    window.addEventListener(SESSION_ENDED, refresh);
    return () => window.removeEventListener(SESSION_ENDED, refresh);
  }, [refresh]);
  return { session, loading, login, logout, refresh };
}
