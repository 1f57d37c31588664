import { defineConfig } from '@playwright/test';

// E2E runs against the production build served by `vite preview`, in Debian's chromium:
// no browser is downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // One retry, reported as "flaky" in the summary line so it is seen, not hidden. (A late
  // progress message once left Fast-forward disabled; the client now drops those.)
  retries: 1,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // The build installs a service worker that precaches ~21 MB (docs/offline.md); only
    // e2e/offline.spec.ts needs it, so every other test runs without one.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
