// A wall's token lives in the database: it keeps the wall's staff access across a server restart, on HTTP and
// on the socket, and stops working on both once revoked (never a quiet switch to public data over HTTP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../ingest/auth/tokens.ts';
import { DEMO_WALL_TOKEN, WALL_TOKEN_PREFIX } from '../ingest/auth/resolve-caller.ts';
import { startProduct, type RunningProduct } from '../main.ts';
import { insertWallToken, revokeWallToken } from '../sql/queries/wall-tokens.ts';
import { freshTestDatabase, type TestDatabase } from '../sql/test-support/db.ts';
import { recordingClient } from './test-support/feed-client.ts';

const start = (test: TestDatabase) =>
  startProduct({ databaseUrl: test.url, port: 0, host: '127.0.0.1', demo: false, distDir: '/nonexistent' });

async function socketAudience(url: string, token: string): Promise<string> {
  const client = recordingClient(url, { token });
  try {
    return (await client.hello).audience;
  } finally {
    client.close();
  }
}

describe('wall tokens across a restart', () => {
  let test: TestDatabase;
  let product: RunningProduct | null = null;
  const token = newToken(WALL_TOKEN_PREFIX);

  beforeAll(async () => {
    test = await freshTestDatabase();
    await insertWallToken(test.pool, {
      name: 'Tường A',
      tokenHash: hashToken(token),
      demo: false,
      config: {},
      createdBy: null,
    });
  });
  afterAll(async () => {
    await product?.stop();
    await test?.pool.end();
  });

  it(
    'the same token gives staff data before and after the restart, then nothing once revoked',
    { timeout: 120_000 },
    async () => {
      for (let round = 0; round < 2; round++) {
        product = await start(test);
        expect(product.operatorToken).toBe(DEMO_WALL_TOKEN); // no random token per start any more
        const res = await fetch(`${product.url}/api/v1/session`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        expect(JSON.stringify(await res.json())).toContain('staff');
        expect(await socketAudience(product.url, token)).toBe('staff');
        if (round === 0) {
          await product.stop();
          product = null;
        }
      }
      await revokeWallToken(
        test.pool,
        (await test.pool.query<{ id: string }>('SELECT id::text FROM wall_tokens WHERE name = $1', ['Tường A'])).rows[0]
          .id,
        null,
      );
      const refused = await fetch(`${product!.url}/api/v1/reports`, { headers: { authorization: `Bearer ${token}` } });
      expect(refused.status).toBe(401);
      await new Promise((r) => setTimeout(r, 3500)); // the feed process refreshes live wall hashes every 3 s
      expect(await socketAudience(product!.url, token)).toBe('public');
    },
  );
});
