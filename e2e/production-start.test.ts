// Production refuses to start while a demo account (published password) is active.
import { afterAll, describe, expect, it } from 'vitest';
import { startProduct } from '../main.ts';
import { freshTestDatabase, type TestDatabase } from '../sql/test-support/db.ts';

describe('production start', () => {
  let test: TestDatabase;
  const env = process.env.NODE_ENV;
  afterAll(async () => {
    process.env.NODE_ENV = env;
    await test?.pool.end();
  });

  it('refuses with demo accounts, starts once they are deactivated', async () => {
    test = await freshTestDatabase();
    const first = await startProduct({
      databaseUrl: test.url,
      port: 0,
      host: '127.0.0.1',
      demo: false,
      distDir: '/nonexistent',
    });
    expect(first.demoAccounts.map((a) => a.role)).toEqual([
      'administrator',
      'supervisor',
      'dispatcher',
      'dispatcher',
      'agency_officer',
      'field_officer',
      'wall_viewer',
    ]);
    await first.stop();
    process.env.NODE_ENV = 'production';
    await expect(
      startProduct({ databaseUrl: test.url, port: 0, host: '127.0.0.1', demo: false, distDir: '/nonexistent' }),
    ).rejects.toThrow(/demo accounts/);
    await test.pool.query('UPDATE staff_users SET active = false WHERE demo');
    const real = await startProduct({
      databaseUrl: test.url,
      port: 0,
      host: '127.0.0.1',
      demo: false,
      distDir: '/nonexistent',
    });
    expect(real.demoAccounts).toEqual([]);
    await real.stop();
  });
});
