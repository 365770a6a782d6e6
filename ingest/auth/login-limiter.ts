// Sign-in throttling as OWASP recommends: attempts are counted atomically *before* the password is checked (so 30
// parallel guesses cannot all be checked), per (account, address), per account and per address; repeated failures
// add a growing delay instead of locking the owner out. Counters live in Postgres, so every server shares them.
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Db } from '../../sql/db.ts';

export interface LoginLimits {
  /** Attempts admitted per minute for one account from one address, per account, per address. */
  perPairPerMinute: number;
  perAccountPerMinute: number;
  perAddressPerMinute: number;
  /** Consecutive failures without delay, then 1 s, 2 s, 4 s … up to the cap (per pair, account, address). */
  freeFailures: { pair: number; account: number; address: number };
  maxDelayS: { pair: number; account: number; address: number };
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perPairPerMinute: 5,
  perAccountPerMinute: 10,
  perAddressPerMinute: 30,
  freeFailures: { pair: 3, account: 10, address: 20 },
  // An account delay anyone can cause stays short: slowed, never locked out.
  maxDelayS: { pair: 300, account: 30, address: 900 },
};

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Too many sign-in attempts; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

type Scope = 'pair' | 'account' | 'address';
const FAILURE_MEMORY_S = 24 * 3600;

export class LoginLimiter {
  private readonly gates: Record<Scope, RateLimiterAbstract>;
  private readonly failures: Record<Scope, RateLimiterAbstract>;

  /** With a pool, counters are shared through the login_limits table; without, they live in this process. */
  constructor(
    db?: Db,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    const make = (keyPrefix: string, points: number, duration: number) =>
      db
        ? new RateLimiterPostgres({
            storeClient: db,
            storeType: 'pool',
            tableName: 'login_limits',
            tableCreated: true,
            clearExpiredByTimeout: false,
            keyPrefix,
            points,
            duration,
          })
        : new RateLimiterMemory({ keyPrefix, points, duration });
    this.gates = {
      pair: make('gate-pair', limits.perPairPerMinute, 60),
      account: make('gate-account', limits.perAccountPerMinute, 60),
      address: make('gate-address', limits.perAddressPerMinute, 60),
    };
    this.failures = {
      pair: make('fail-pair', 1_000_000, FAILURE_MEMORY_S),
      account: make('fail-account', 1_000_000, FAILURE_MEMORY_S),
      address: make('fail-address', 1_000_000, FAILURE_MEMORY_S),
    };
  }

  private static keys(username: string, ip: string): Record<Scope, string> {
    const account = username.normalize('NFC').toLowerCase();
    return { pair: `${account}|${ip}`, account, address: ip };
  }

  /** Counts this attempt; throws TooManyAttempts (with the wait) when any of its three gates is closed. */
  async admit(username: string, ip: string): Promise<void> {
    const keys = LoginLimiter.keys(username, ip);
    const results = await Promise.allSettled(
      (Object.keys(keys) as Scope[]).map((scope) => this.gates[scope].consume(keys[scope])),
    );
    let waitMs = 0;
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      if (!(r.reason instanceof RateLimiterRes)) throw r.reason; // the store failed: not a verdict
      waitMs = Math.max(waitMs, r.reason.msBeforeNext, 1);
    }
    if (waitMs > 0) throw new TooManyAttempts(waitMs);
  }

  /** A wrong password: past the free failures, close the gate for 1 s, 2 s, 4 s … */
  async failed(username: string, ip: string): Promise<void> {
    const keys = LoginLimiter.keys(username, ip);
    await Promise.all(
      (Object.keys(keys) as Scope[]).map(async (scope) => {
        const { consumedPoints } = await this.failures[scope].consume(keys[scope]);
        const over = consumedPoints - this.limits.freeFailures[scope];
        if (over > 0)
          await this.gates[scope].block(keys[scope], Math.min(2 ** (over - 1), this.limits.maxDelayS[scope]));
      }),
    );
  }

  /**
   * The right password: its pair and account start afresh, and the attempt is handed back to the account's and the
   * address's gates, so an office of staff signing in behind one address is never slowed by its own successes.
   */
  async succeeded(username: string, ip: string): Promise<void> {
    const keys = LoginLimiter.keys(username, ip);
    await Promise.all([
      this.failures.pair.delete(keys.pair),
      this.gates.pair.delete(keys.pair),
      this.failures.account.delete(keys.account),
      this.gates.account.reward(keys.account, 1),
      this.gates.address.reward(keys.address, 1),
    ]);
  }
}
