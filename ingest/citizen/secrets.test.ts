// Tracking secrets come from a pool of random bytes: across refills each is new, full length and URL-safe.
import { describe, expect, it } from 'vitest';
import { hashTrackingSecret, newTrackingSecret, trackingSecretMatches } from './secrets.ts';

describe('tracking secrets', () => {
  it('are 144 random bits, URL-safe, never repeated across refills of the pool', () => {
    const secrets = Array.from({ length: 1000 }, newTrackingSecret);
    expect(new Set(secrets).size).toBe(1000);
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(Buffer.from(s, 'base64url')).toHaveLength(18);
    }
    // Random bits, not a counter: over 1,000 secrets every byte position takes many values.
    for (let i = 0; i < 18; i++)
      expect(new Set(secrets.map((s) => Buffer.from(s, 'base64url')[i])).size).toBeGreaterThan(200);
  });

  it('match only their own hash', () => {
    const [a, b] = [newTrackingSecret(), newTrackingSecret()];
    expect(trackingSecretMatches(a, hashTrackingSecret(a))).toBe(true);
    expect(trackingSecretMatches(b, hashTrackingSecret(a))).toBe(false);
  });
});
