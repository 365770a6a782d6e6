// An undo window: an action waits a few seconds, with an Undo button (and Esc), before it goes to the server.
import { useCallback, useEffect, useRef, useState } from 'react';

export const UNDO_MS = 4000;

export interface Pending {
  label: string;
  until: number;
}

export function useUndoable(delayMs = UNDO_MS) {
  const [pending, setPending] = useState<Pending | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const work = useRef<(() => unknown) | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = work.current;
    work.current = null;
    setPending(null);
    if (run) void run();
  }, []);

  /** A second action sends the first at once: only the latest waits. */
  const schedule = useCallback(
    (label: string, run: () => unknown) => {
      flush();
      work.current = run;
      setPending({ label, until: Date.now() + delayMs });
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  const undo = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const had = work.current !== null;
    work.current = null;
    setPending(null);
    return had;
  }, []);

  // Leaving the console sends what was waiting rather than dropping it silently.
  useEffect(() => flush, [flush]);
  return { pending, schedule, undo, flush };
}
