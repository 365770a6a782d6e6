// Vitest global setup: one real Postgres for the whole run (embedded, or DATABASE_URL), with a
// migrated and seeded template database that each test file clones.
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../embedded.ts';
import { createPool, migrate } from '../db.ts';
import { seedCatalog } from '../seed/seed-catalog.ts';

export const TEMPLATE_DB = 'ht_template';

declare module 'vitest' {
  interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let cluster: EmbeddedCluster | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'hientruong-test-'));
    cluster = await startEmbeddedPostgres(join(dataDir, 'pg'));
    adminUrl = cluster.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  const template = createPool(withDatabase(adminUrl, TEMPLATE_DB), 2);
  await migrate(template);
  await seedCatalog(template);
  await template.end();
  project.provide('pgAdminUrl', adminUrl);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'ht\\_t\\_%'",
    );
    for (const { datname } of leftovers.rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/' + database;
  return parsed.toString();
}
