// Dependency arrows point one way (ARCHITECTURE.md): geo <- sql <- ingest/realtime <- main; dashboard only types.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'geo-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^geo/' },
      to: { path: '^(sql|ingest|realtime|dashboard|bench|e2e)/|^main\\.ts$' },
    },
    {
      name: 'sql-only-geo',
      severity: 'error',
      from: { path: '^sql/', pathNot: '\\.test\\.ts$|^sql/test-support/' },
      to: { path: '^(ingest|realtime|dashboard)/|^main\\.ts$' },
    },
    {
      name: 'ingest-not-realtime',
      severity: 'error',
      // Whole-product tests may start main.ts; the product code may not reach across.
      from: { path: '^ingest/', pathNot: '\\.test\\.ts$|^ingest/test-support/' },
      to: { path: '^(realtime|dashboard)/|^main\\.ts$', pathNot: '^realtime/protocol\\.ts$' },
    },
    {
      name: 'realtime-not-ingest',
      severity: 'error',
      from: { path: '^realtime/', pathNot: '\\.test\\.ts$|^realtime/test-support/' },
      to: { path: '^(ingest|dashboard)/|^main\\.ts$' },
    },
    {
      name: 'dashboard-types-only',
      severity: 'error',
      from: { path: '^dashboard/' },
      to: { path: '^(geo|sql|ingest|realtime)/', pathNot: '^ingest/presenters/dto\\.ts$|^realtime/protocol\\.ts$' },
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
