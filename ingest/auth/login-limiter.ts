// Login attempts per (username, IP): a fixed window with a hard cap on tracked keys, so a spray of
// usernames from many addresses cannot grow memory without bound (the oldest keys are dropped first).

export interface LoginLimiterOptions {
  maxFailures?: number;
  windowMs?: number;
  maxKeys?: number;
  now?: () => number;
}

interface Entry {
  failures: number;
  windowStart: number;
}

export class LoginLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(opts: LoginLimiterOptions = {}) {
    this.maxFailures = opts.maxFailures ?? 5;
    this.windowMs = opts.windowMs ?? 15 * 60_000;
    this.maxKeys = opts.maxKeys ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  static key(username: string, ip: string): string {
    return `${username.toLowerCase()}|${ip}`;
  }

  /** Milliseconds to wait before another attempt is allowed; 0 = go ahead. */
  retryAfterMs(key: string): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    const left = e.windowStart + this.windowMs - this.now();
    if (left <= 0) {
      this.entries.delete(key);
      return 0;
    }
    return e.failures >= this.maxFailures ? left : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const e = this.entries.get(key);
    if (e && now - e.windowStart < this.windowMs) {
      e.failures++;
      return;
    }
    this.entries.delete(key);
    this.entries.set(key, { failures: 1, windowStart: now });
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
