import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the dashboard build and for Vitest; the server serves dist/ on the same port as the API.
export default defineConfig({
  root: 'dashboard',
  plugins: [react()],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true } } },
  test: {
    root: '.',
    include: ['{geo,sql,ingest,realtime,dashboard,e2e}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['sql/test-support/global-setup.ts'],
  },
});
