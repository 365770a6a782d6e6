// Authorisation holds for the life of a socket, not only at connect: an expired ticket is dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signTicket } from '../ingest/auth/tokens.ts';
import { createSocketAuthorizer } from '../ingest/policies/socket-actor.ts';
import { freshTestDatabase, type TestDatabase } from '../sql/test-support/db.ts';
import type { Realtime } from './server.ts';
import { startStandaloneRealtime } from './test-support/standalone-realtime.ts';
import { recordingClient } from './test-support/feed-client.ts';

const SECRET = 'reauthorize-test-secret';

describe('staff sockets are authorised again while connected', () => {
  let test: TestDatabase;
  let rt: Realtime;
  let url: string;

  beforeAll(async () => {
    test = await freshTestDatabase();
    ({ rt, url } = await startStandaloneRealtime({
      db: test.pool,
      listenUrl: test.url,
      reauthorizeMs: 100,
      authorize: createSocketAuthorizer({ operatorToken: 'kiosk-token', ticketSecret: SECRET }),
    }));
  });
  afterAll(async () => {
    await rt?.close();
    await test?.pool.end();
  });

  it('a ticket that expires is told why and disconnected; a kiosk and a live ticket stay', async () => {
    const claims = { role: 'dispatcher', agencyId: null, unitId: null, userId: '1' };
    const expiring = recordingClient(url, { token: signTicket({ ...claims, exp: Date.now() + 3000 }, SECRET) });
    const lasting = recordingClient(url, { token: signTicket({ ...claims, exp: Date.now() + 3_600_000 }, SECRET) });
    const kiosk = recordingClient(url, { token: 'kiosk-token' });
    const hellos = await Promise.all([expiring.hello, lasting.hello, kiosk.hello]);
    expect(hellos.map((h) => h.audience)).toEqual(['staff', 'staff', 'staff']);
    const dropped = new Promise<string>((done) => expiring.socket.once('disconnect', (reason) => done(reason)));
    expect(await dropped).toBe('io server disconnect');
    expect(expiring.refetches).toEqual([{ reason: 'reauthorize' }]);
    await new Promise((done) => setTimeout(done, 300)); // a few more sweeps
    expect(lasting.socket.connected).toBe(true);
    expect(kiosk.socket.connected).toBe(true);
    expect(lasting.refetches).toEqual([]);
    for (const c of [expiring, lasting, kiosk]) c.close();
  });
});
