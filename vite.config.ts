import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built page's Content-Security-Policy (docs/embedding.md "Security"). A static host may
 * send no headers, so it travels in a <meta> tag — which browsers honour for everything but
 * `frame-ancestors` (a header only; the docs say how a host sets it). Build only: the dev
 * server injects inline scripts for hot reload. 'wasm-unsafe-eval' lets PGlite compile its
 * WebAssembly; inline style attributes come from React's `style` props.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'ecsim-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Offline once loaded (docs/offline.md): a Workbox service worker precaches the build — the app,
 * the worker, PGlite's WebAssembly and data, and the RDS data directory — so a reload without
 * network still runs every lesson. Source maps stay out (the browser asks for them only with
 * devtools open). `prompt`: a new build waits until the student chooses to reload, so nothing
 * changes under a running lesson. The page registers the worker itself, after its first render
 * (src/app/shell/service-worker.ts); the dev server has none.
 */
function offline() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,css,wasm,data,gz,svg,png,ico,woff2}'],
      globIgnores: ['**/*.map'],
      // PGlite's WebAssembly is 9 MB; the default limit (2 MiB) would leave it out.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      navigateFallback: 'index.html',
      // The first install takes the open page at once, so its lazy chunks (consoles, charts)
      // come from the cache if the network goes before a reload. Updates still wait (prompt).
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}

/**
 * Chunk file names. A package whose entry is `dist/index.js` (valibot, PGlite) would name its
 * chunk "dist"; such chunks take the package's name instead, so the built assets say what they
 * hold (the size budget's report, the network panel).
 */
function chunkFileNames(chunk: { name: string; moduleIds: readonly string[] }): string {
  if (chunk.name !== 'dist' && chunk.name !== 'index') return 'assets/[name]-[hash].js';
  const pkg = chunk.moduleIds
    .map((id) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1])
    .find((p) => p !== undefined);
  const name = pkg ? pkg.replace(/^@/, '').replace('/', '-') : chunk.name;
  return `assets/${name}-[hash].js`;
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), offline()],
  worker: { format: 'es', rolldownOptions: { output: { chunkFileNames } } },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { chunkFileNames } },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
