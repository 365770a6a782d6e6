// A wall opened with a token must never quietly show public data: the token is refused when the server answers
// 401 (unknown or revoked) or the live feed greets the socket as public. Rechecked every 30 s.
import { useEffect, useState } from 'react';
import type { Audience } from '../../realtime/protocol.ts';

export function useTokenRefused(token: string | null, feedAudience: Audience | null): boolean {
  const [refusedByHttp, setRefused] = useState(false);
  useEffect(() => {
    if (!token) return;
    let alive = true;
    const check = () =>
      fetch('/api/v1/session', { headers: { authorization: `Bearer ${token}` } })
        .then((res) => alive && setRefused(res.status === 401))
        .catch(() => {}); // offline is the connection indicator's business, not a refusal
    void check();
    const timer = setInterval(() => void check(), 30_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [token]);
  return token !== null && (refusedByHttp || feedAudience === 'public');
}
