// A background job repeats one run at a time, reports errors, and stop() waits for the run in progress.
import { describe, expect, it } from 'vitest';
import { startRepeatingJob } from './repeating-job.ts';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('startRepeatingJob', () => {
  it('never overlaps runs, reports failures, and stop() waits for the run in progress', async () => {
    let inFlight = 0;
    let most = 0;
    let runs = 0;
    let finished = 0;
    const errors: unknown[] = [];
    const job = startRepeatingJob(
      async () => {
        runs++;
        most = Math.max(most, ++inFlight);
        await sleep(30); // longer than the interval, so a naive timer would overlap
        inFlight--;
        finished++;
        if (runs === 2) throw new Error('second run fails');
      },
      5,
      (e) => errors.push(e),
    );
    await expect.poll(() => runs, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await job.stop();
    expect(most).toBe(1);
    expect(finished).toBe(runs); // the run in progress at stop() had finished when it returned
    expect(errors.map((e) => (e as Error).message)).toEqual(['second run fails']);
    await sleep(30);
    expect(runs).toBe(finished); // and nothing runs after
  });
});
