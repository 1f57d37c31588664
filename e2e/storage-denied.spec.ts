import { expect, readStats, test } from './fixtures';
import { DENY_STORAGE, startHostPage, type HostPage } from './host-page';

/**
 * Browsers that block third-party storage make reading `localStorage` throw; the app used to
 * stay blank. With storage denied everywhere (full app) and in a cross-site frame (embed), the
 * lesson starts, runs, and says quietly that progress is not saved.
 */
const SLOW = { timeout: 150_000 };
test.describe.configure({ timeout: 300_000 });

test('the full app starts and runs a lesson with storage denied', async ({ page }) => {
  await page.addInitScript(DENY_STORAGE);
  await page.goto('./#/learn/db-cache?seed=42');
  await expect(page.getByRole('heading', { level: 1, name: /cache/i })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  await expect(page.getByText(/progress is kept only while this page is open/)).toBeVisible();
  const before = await readStats(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await readStats(page)).events).toBe(before.events + 1);
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  // The catalog and the sandbox start too.
  await page.goto('./#/sandbox?seed=42');
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
});

test.describe('a cross-site frame with storage denied', () => {
  let host: HostPage;
  test.beforeAll(async ({ baseURL }) => {
    host = await startHostPage({
      '/course.html': `<!doctype html><html lang="en"><head><title>Course</title><link rel="icon" href="data:,"></head><body>
<h1>A course page</h1>
<iframe title="Lesson" src="${baseURL}/#/embed/db-cache?seed=42" style="width:800px;height:600px"></iframe>
</body></html>`,
    });
  });
  test.afterAll(async () => host.close());

  test('the embedded lesson starts, runs and notes that progress is not saved', async ({
    page,
  }) => {
    await page.addInitScript(DENY_STORAGE);
    await page.goto(`${host.origin}/course.html`);
    const frame = page.frameLocator('iframe[title="Lesson"]');
    await expect(frame.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
    await expect(frame.getByText(/Progress is not saved here/)).toBeVisible();
    await expect(frame.getByRole('link', { name: 'open in the full simulator' })).toHaveAttribute(
      'target',
      '_blank',
    );
    await frame.getByRole('button', { name: /^Play/ }).click();
    await expect(frame.getByRole('button', { name: /^Pause/ })).toBeVisible();
  });
});
