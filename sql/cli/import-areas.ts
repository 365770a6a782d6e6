// npm run areas:import -- FILE.geojson --level commune --code-prop code --name-prop name [...]
// Loads or replaces a province's official boundaries as a new set effective from a date.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAreaFile } from '../area-file.ts';
import { createPool, migrate, withTransaction } from '../db.ts';
import { openDatabase } from '../open-database.ts';
import { importAreaSet } from '../queries/areas.ts';

const USAGE = `usage: npm run areas:import -- FILE.geojson --level commune|province --code-prop P --name-prop P
  [--full-name-prop P] [--name-en-prop P] [--type-prop P] [--province-code-prop P | --province-code 38]
  [--effective-from YYYY-MM-DD] [--display SIMPLIFIED.geojson] [--source TEXT]`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(
      [
        'level',
        'code-prop',
        'name-prop',
        'full-name-prop',
        'name-en-prop',
        'type-prop',
        'province-code-prop',
        'province-code',
        'effective-from',
        'display',
        'source',
      ].map((k) => [k, { type: 'string' as const }]),
    ),
  });
  const file = positionals[0];
  if (
    !file ||
    !values['code-prop'] ||
    !values['name-prop'] ||
    (values.level !== 'commune' && values.level !== 'province')
  ) {
    console.error(USAGE);
    return 2;
  }
  const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  const { set, errors } = parseAreaFile(read(file), values.display ? read(values.display) : null, {
    level: values.level,
    codeProp: values['code-prop'],
    nameProp: values['name-prop'],
    fullNameProp: values['full-name-prop'],
    nameEnProp: values['name-en-prop'],
    typeProp: values['type-prop'],
    provinceCodeProp: values['province-code-prop'],
    provinceCode: values['province-code'],
    effectiveFrom: values['effective-from'] ?? new Date().toISOString().slice(0, 10),
    source: values.source ?? basename(file),
  });
  if (!set) {
    console.error(`Nothing imported, the file has ${errors.length} problem(s):\n  ${errors.slice(0, 50).join('\n  ')}`);
    return 1;
  }
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined });
  const db = createPool(database.url, 2);
  try {
    await migrate(db);
    const n = await withTransaction(db, (tx) => importAreaSet(tx, set));
    console.log(
      `Imported ${n} ${set.level} areas effective from ${set.effectiveFrom}. Restart the server to geocode with them.`,
    );
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
