// The product's background jobs (alert sweep, push sending, citizen purge) share one way of repeating.

export interface RepeatingJob {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Runs `run` every `intervalMs`, one run at a time (a slow run delays the next, never overlaps it); errors go to
 * `onError` unless the job was stopped meanwhile. The timer does not keep the process alive. */
export function startRepeatingJob(
  run: () => Promise<unknown>,
  intervalMs: number,
  onError?: (e: unknown) => void,
): RepeatingJob {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (!stopped) await run().catch((e) => !stopped && onError?.(e));
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
