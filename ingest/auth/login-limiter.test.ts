import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../sql/test-support/db.ts';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, TooManyAttempts } from './login-limiter.ts';
import { createSocketAuthorizer } from '../policies/socket-actor.ts';
import { signTicket } from './tokens.ts';

describe('LoginLimiter on the shared Postgres store', () => {
  const test = useTestDatabase();
  const waitOf = async (p: Promise<void>) =>
    p.then(
      () => 0,
      (e: unknown) => {
        if (e instanceof TooManyAttempts) return e.retryAfterMs;
        throw e;
      },
    );

  it('admits exactly its limit of parallel attempts, even split across two servers', async () => {
    // Only the pair's gate binds here, so the count it admits is exact.
    const limits = { ...DEFAULT_LOGIN_LIMITS, perAccountPerMinute: 100, perAddressPerMinute: 100 };
    const [a, b] = [new LoginLimiter(test.pool, limits), new LoginLimiter(test.pool, limits)];
    const waits = await Promise.all(
      Array.from({ length: 30 }, (_, i) => waitOf((i % 2 ? a : b).admit('Victim', '10.0.0.9'))),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(DEFAULT_LOGIN_LIMITS.perPairPerMinute);
  });

  it('delays repeated failures progressively (1 s, 2 s, 4 s) instead of locking out', async () => {
    const l = new LoginLimiter(test.pool);
    const free = DEFAULT_LOGIN_LIMITS.freeFailures.pair;
    for (let i = 0; i < free; i++) await l.failed('delayed', '10.0.0.7');
    expect(await waitOf(l.admit('delayed', '10.0.0.7'))).toBe(0);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      await l.failed('delayed', '10.0.0.7');
      waits.push(await waitOf(l.admit('delayed', '10.0.0.7')));
    }
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(waits[1]).toBeGreaterThan(1000);
    expect(waits[1]).toBeLessThanOrEqual(2000);
    expect(waits[2]).toBeGreaterThan(2000);
    expect(waits[2]).toBeLessThanOrEqual(4000);
    // The owner at another address is not held by the attacker's pair.
    expect(await waitOf(l.admit('delayed', '10.0.0.8'))).toBe(0);
  });

  it('an account under a spray from many addresses is slowed at most maxDelayS.account, never locked', async () => {
    const l = new LoginLimiter(test.pool);
    for (let i = 0; i < 40; i++) await l.failed('sprayed', `10.1.0.${i}`);
    const wait = await waitOf(l.admit('sprayed', '10.2.0.1'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(DEFAULT_LOGIN_LIMITS.maxDelayS.account * 1000);
  });

  it('a success starts the pair afresh and gives the attempt back', async () => {
    const l = new LoginLimiter(test.pool);
    for (let i = 0; i < 4; i++) await l.failed('owner', '10.0.0.5');
    expect(await waitOf(l.admit('owner', '10.0.0.5'))).toBeGreaterThan(0);
    await l.succeeded('owner', '10.0.0.5');
    expect(await waitOf(l.admit('owner', '10.0.0.5'))).toBe(0);
  });
});

describe('socket tickets', () => {
  it('carry role and agency, and expire', () => {
    const authorize = createSocketAuthorizer({ operatorToken: 'kiosk', ticketSecret: 's', now: () => 1000 });
    const claims = { role: 'agency_officer', agencyId: 'so-xay-dung', unitId: null, userId: '5' };
    expect(authorize({ token: signTicket({ ...claims, exp: 2000 }, 's') })).toEqual({
      audience: 'staff',
      role: 'agency_officer',
      agencyId: 'so-xay-dung',
      unitId: null,
    });
    expect(authorize({ token: signTicket({ ...claims, exp: 999 }, 's') })).toEqual({ audience: 'public' });
    expect(authorize({ token: signTicket({ ...claims, exp: 2000 }, 'other') })).toEqual({ audience: 'public' });
  });
});
