import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.ts';
import { createSocketAuthorizer } from '../policies/socket-actor.ts';
import { signTicket } from './tokens.ts';

describe('LoginLimiter', () => {
  it('locks a key after maxFailures within the window, then lets it go', () => {
    let now = 0;
    const l = new LoginLimiter({ maxFailures: 3, windowMs: 1000, now: () => now });
    const k = LoginLimiter.key('An', '1.2.3.4');
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterMs(k)).toBe(0);
      l.fail(k);
    }
    expect(l.retryAfterMs(k)).toBe(1000);
    now = 999;
    expect(l.retryAfterMs(k)).toBe(1);
    now = 1000;
    expect(l.retryAfterMs(k)).toBe(0);
    expect(LoginLimiter.key('AN', '1.2.3.4')).toBe(k);
  });

  it('keeps memory bounded: a spray of keys evicts the oldest', () => {
    const l = new LoginLimiter({ maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) l.fail(LoginLimiter.key(`user${i}`, '10.0.0.1'));
    expect(l.size).toBe(100);
  });

  it('a success clears the key', () => {
    const l = new LoginLimiter({ maxFailures: 1 });
    l.fail('k');
    expect(l.retryAfterMs('k')).toBeGreaterThan(0);
    l.succeed('k');
    expect(l.retryAfterMs('k')).toBe(0);
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
    });
    expect(authorize({ token: signTicket({ ...claims, exp: 999 }, 's') })).toEqual({ audience: 'public' });
    expect(authorize({ token: signTicket({ ...claims, exp: 2000 }, 'other') })).toEqual({ audience: 'public' });
  });
});
