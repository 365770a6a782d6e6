// Dependency arrows point one way (README, "Where each part lives"):
// domain <- geo <- sql <- ingest, realtime <- main.ts; ingest and realtime never meet; dashboard takes only types.
const TESTS = '\\.test\\.tsx?$|/test-support/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^domain/', pathNot: TESTS },
      to: { path: '^(geo|sql|ingest|realtime|dashboard|bench|e2e)/|^main\\.ts$' },
    },
    {
      name: 'geo-only-domain',
      severity: 'error',
      from: { path: '^geo/', pathNot: TESTS },
      to: { path: '^(sql|ingest|realtime|dashboard|bench|e2e)/|^main\\.ts$' },
    },
    {
      name: 'sql-only-geo-domain',
      severity: 'error',
      from: { path: '^sql/', pathNot: TESTS },
      to: { path: '^(ingest|realtime|dashboard|bench|e2e)/|^main\\.ts$' },
    },
    {
      name: 'ingest-not-realtime',
      severity: 'error',
      // Whole-product tests may start main.ts; the product code may not reach across.
      from: { path: '^ingest/', pathNot: TESTS },
      to: { path: '^(realtime|dashboard|bench|e2e)/|^main\\.ts$' },
    },
    {
      name: 'realtime-not-ingest',
      severity: 'error',
      from: { path: '^realtime/', pathNot: TESTS },
      to: { path: '^(ingest|dashboard|bench|e2e)/|^main\\.ts$' },
    },
    {
      name: 'dashboard-types-only',
      severity: 'error',
      // Tests are not bundled: they may check the browser's answers against the server's reference code.
      from: { path: '^dashboard/', pathNot: TESTS },
      to: {
        path: '^(geo|sql|ingest|realtime)/',
        // geo/hotspot-grid.ts: replay runs the server's own Gi* (pure, h3-js only) on the replayed counts.
        pathNot: '^ingest/presenters/dto\\.ts$|^realtime/protocol\\.ts$|^geo/hotspot-grid\\.ts$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc', // TypeScript 7 ships no JS compiler API for dependency-cruiser to use
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // dependency-cruiser's swc parser has no TSX mode; dashboard/dependency-rules.test.ts checks the .tsx files.
    exclude: { path: 'node_modules|^dist/|\\.tsx$' },
  },
};
