// The endpoints the push sender may call: the four browser push services and configured origins, nothing else.
import { describe, expect, it } from 'vitest';
import { extraPushOrigins, pushEndpointProblem } from './endpoint-allowlist.ts';

describe('pushEndpointProblem', () => {
  it.each([
    'https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b',
    'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
    'https://web.push.apple.com/QGuQyavXutnMH',
    'https://wns2-par02p.notify.windows.com/w/?token=BQYAAA',
  ])('accepts %s', (endpoint) => {
    expect(pushEndpointProblem(endpoint, [])).toBeNull();
  });

  it.each([
    ['https://notify.windows.com.evil.example/w', 'known push service'],
    ['https://evilnotify.windows.com/w', 'known push service'],
    ['https://192.168.1.10/push', 'private'],
    ['https://172.20.0.1/push', 'private'],
    ['https://100.64.0.1/push', 'private'],
    ['https://[fd00::1]/push', 'private'],
    ['https://[fe80::1]/push', 'private'],
    ['https://[::ffff:a9fe:a9fe]/push', 'private'],
    ['https://api.localhost/push', 'private'],
    ['ftp://fcm.googleapis.com/x', 'https'],
    ['not a url', 'must be a URL'],
  ])('refuses %s', (endpoint, reason) => {
    expect(pushEndpointProblem(endpoint, [])?.en).toContain(reason);
  });

  it('a configured origin is allowed, even on a private address, and only that origin', () => {
    const extra = extraPushOrigins({ PUSH_SERVICE_ORIGINS: 'https://10.1.2.3:8443, https://push.example.org' });
    expect(extra).toEqual(['https://10.1.2.3:8443', 'https://push.example.org']);
    expect(pushEndpointProblem('https://10.1.2.3:8443/s/1', extra)).toBeNull();
    expect(pushEndpointProblem('https://push.example.org/s/1', extra)).toBeNull();
    expect(pushEndpointProblem('https://10.1.2.3:9443/s/1', extra)?.en).toContain('private');
    expect(pushEndpointProblem('http://push.example.org/s/1', extra)?.en).toContain('https');
  });
});
