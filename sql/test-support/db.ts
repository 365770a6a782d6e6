// Each test file gets its own database cloned from the migrated, seeded template: isolation without re-migrating.
import { inject } from 'vitest';
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

/** A pool on a fresh migrated and seeded database. */
export async function freshDatabase(): Promise<Db> {
  return (await freshTestDatabase()).pool;
}
