// How long the live feed has been down: the wall says so in a large banner after 10 s (not a small pill).
import { useEffect, useState } from 'react';

export function useStaleSeconds(live: boolean): number {
  const [downSince, setDownSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setDownSince(live ? null : (d) => d ?? Date.now());
  }, [live]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return downSince === null ? 0 : Math.max(0, Math.floor((now - downSince) / 1000));
}
