import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './dashboard/pwa/precompress.ts';
import { pageHtml } from './dashboard/pwa/page-html.ts';

// One config for the dashboard build and for Vitest; the server serves dist/ on the same port as the API.
export default defineConfig({
  root: 'dashboard',
  plugins: [
    react(),
    // The citizen pages are an installable PWA; the worker source is dashboard/pwa/sw.ts (see its comment).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'pwa',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'Hiện Trường — Phản ánh hiện trường',
        short_name: 'Hiện Trường',
        description: 'Gửi và theo dõi phản ánh của người dân tỉnh Thanh Hóa',
        lang: 'vi',
        start_url: '/report',
        scope: '/',
        display: 'standalone',
        background_color: '#f8fafc',
        theme_color: '#0b1f3a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        shortcuts: [{ name: 'Tra cứu phản ánh', url: '/track' }],
      },
      injectManifest: {
        // The shell, styles, fonts and icons up front; scripts are cached as they are first used (sw.ts).
        globPatterns: [
          'index.html',
          'assets/*.css',
          'assets/*{vietnamese,latin}-[467]00-normal-*.woff2',
          'assets/{index,rolldown-runtime,report-view,track-view,use-categories,toggles}-*.js',
          'icons/*.png',
        ],
      },
    }),
    pageHtml(),
    precompress(),
  ],
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/socket.io': { target: 'ws://127.0.0.1:8080', ws: true } } },
  test: {
    root: '.',
    include: ['{domain,geo,sql,ingest,realtime,dashboard,e2e}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['sql/test-support/global-setup.ts'],
  },
});
