import type { Page } from '@playwright/test';
import { test, expect, openLesson, readStats, snap } from './fixtures';
import { serveBuildCopy, type StaticSite } from './static-site';

/**
 * Offline once loaded, and updates on the student's word (docs/offline.md). The build is served
 * by a server this test owns (a copy of dist/): stopping it cuts the network for real, and
 * changing a file in the copy publishes a new build. The rest of the suite blocks service
 * workers (playwright.config.ts), so only these tests install one.
 */
test.use({ serviceWorkers: 'allow' });
test.describe.configure({ timeout: 300_000 });

const SLOW = { timeout: 120_000 };
let site: StaticSite;

test.beforeEach(async () => {
  site = await serveBuildCopy();
});
test.afterEach(async () => {
  await site.dispose();
});

/** One second of simulated traffic: cache misses read the database (PGlite) on the way. */
async function runOneSecond(page: Page): Promise<void> {
  const before = await readStats(page);
  await page.getByRole('button', { name: 'Run 1 second of simulated time' }).click();
  await expect
    .poll(async () => (await readStats(page)).events, SLOW)
    .toBeGreaterThan(before.events);
  await expect(page.getByRole('button', { name: /^Fast-forward/ })).toBeEnabled(SLOW);
}

test('after one visit, a reload with the network gone still runs the lesson, database included', async ({
  page,
}) => {
  await page.goto(`${site.origin}/#/learn/db-cache?seed=7`);
  // The whole build is cached (PGlite's 15 MB included) before the notice appears; it shows
  // for a few seconds, while the lesson is still starting.
  await expect(page.getByTestId('offline-ready')).toBeVisible(SLOW);
  await expect(page.getByTestId('offline-ready')).toContainText('works without a network');
  await snap(page, 'offline-01-ready');
  await openLesson(page, 'Database cache', undefined, SLOW.timeout);

  await site.stop();
  await expect(fetch(site.origin)).rejects.toThrow();

  await page.reload();
  await openLesson(page, 'Database cache', undefined, SLOW.timeout);
  await runOneSecond(page);
  await expect(page.locator('.banner-error')).toHaveCount(0);
  await snap(page, 'offline-02-reloaded-offline');
});

test('a new build waits for the student: the prompt reloads into it and the lesson is kept', async ({
  page,
}) => {
  await page.goto(`${site.origin}/#/learn/db-cache?seed=7`);
  await expect(page.getByTestId('offline-ready')).toBeVisible(SLOW);
  await openLesson(page, 'Database cache', undefined, SLOW.timeout);
  await runOneSecond(page);
  const before = await readStats(page);

  // Publish a new build: the service worker's script changes, as it does when any file does.
  const sw = `${site.dir}/sw.js`;
  const { appendFileSync } = await import('node:fs');
  appendFileSync(sw, '\n// build 2\n');

  // The browser looks for a new worker on navigation; it installs and then waits.
  await page.reload();
  await openLesson(page, 'Database cache', undefined, SLOW.timeout);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeVisible(SLOW);
  await expect(prompt).toContainText('A new version of the simulator is ready');
  // The running lesson is not touched while the prompt waits.
  expect((await readStats(page)).hash).toBe(before.hash);
  await snap(page, 'offline-03-update-prompt');

  // "Later" hides it; the next visit asks again, and "Reload" switches.
  await prompt.getByRole('button', { name: 'Later' }).click();
  await expect(prompt).toHaveCount(0);
  await page.reload();
  await openLesson(page, 'Database cache', undefined, SLOW.timeout);
  await expect(prompt).toBeVisible(SLOW);
  await prompt.getByRole('button', { name: 'Reload' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForEvent('load');
  await openLesson(page, 'Database cache', undefined, SLOW.timeout);
  expect((await readStats(page)).hash).toBe(before.hash);
  // The new worker is the one in charge, and nothing is waiting any more.
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return {
      waiting: reg?.waiting !== null,
      controlled: navigator.serviceWorker.controller !== null,
    };
  });
  expect(state).toEqual({ waiting: false, controlled: true });
  await expect(prompt).toHaveCount(0);
});
