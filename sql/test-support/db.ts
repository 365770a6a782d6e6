// Each test file gets its own database cloned from the migrated, seeded template: isolation without re-migrating.
import { afterAll, beforeAll, inject } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createPool, type Db } from '../db.ts';
import { TEMPLATE_DB, withDatabase } from './global-setup.ts';

export interface TestDatabase {
  url: string;
  pool: Db;
  /** Admin connection string of the cluster (to terminate backends, create more databases). */
  adminUrl: string;
}

export async function freshTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = 'ht_t_' + randomBytes(5).toString('hex');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  return { url, pool: createPool(url), adminUrl };
}

/** A fresh database for the enclosing describe block: cloned before its tests, its pool closed after them. */
export function useTestDatabase(): TestDatabase {
  const test = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(test, await freshTestDatabase());
  });
  afterAll(async () => {
    await test.pool?.end();
  });
  return test;
}

/** A pool on a fresh migrated and seeded database. */
export async function freshDatabase(): Promise<Db> {
  return (await freshTestDatabase()).pool;
}

/** A transaction left open after appending one event: it holds its xid (and the event) back until the test ends it. */
export async function openEventWriter(url: string, label: string): Promise<{ client: pg.Client; id: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query("INSERT INTO events (kind, payload) VALUES ('test', $1) RETURNING id::text", [
    { label },
  ]);
  return { client, id: rows[0].id as string };
}
