// npm run places:import -- streets.geojson [--source TEXT] [--licence TEXT]
// Adds named streets (and house-number ranges) from an OpenStreetMap extract; the ODbL attribution is kept.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAreaIndex } from '../../geo/area-index.ts';
import { createPool, migrate, withTransaction } from '../db.ts';
import { openDatabase } from '../open-database.ts';
import { currentAreas } from '../queries/areas.ts';
import { importStreets, streetsFromGeoJson } from '../street-import.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { source: { type: 'string' }, licence: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npm run places:import -- streets.geojson [--source TEXT] [--licence TEXT]');
    return 2;
  }
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined });
  const db = createPool(database.url, 2);
  try {
    await migrate(db);
    const areas = buildAreaIndex(await currentAreas(db, 'commune'));
    const { streets, skipped } = streetsFromGeoJson(JSON.parse(readFileSync(file, 'utf8')), areas, {
      source: values.source ?? `${basename(file)} (© OpenStreetMap contributors)`,
      licence: values.licence ?? 'ODbL-1.0',
    });
    const n = await withTransaction(db, (tx) => importStreets(tx, streets));
    console.log(`Imported ${n} street lines (${skipped} features skipped: no name or no line). Restart the server.`);
    return 0;
  } finally {
    await db.end();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
