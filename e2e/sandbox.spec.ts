import { test, expect, expectNoAxeViolations, openSandbox, readStats, snap } from './fixtures';
import type { Page } from '@playwright/test';

const eventLog = (page: Page) =>
  page.getByRole('list', { name: 'Event log' }).getByRole('listitem');

async function pause(page: Page): Promise<void> {
  const pauseButton = page.getByRole('button', { name: /^Pause/ });
  if (await pauseButton.isVisible()) await pauseButton.click();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
}

/**
 * Samples the packets' positions twice, a few animation frames apart, inside the page; true when
 * a packet seen both times has moved.
 */
async function packetMovedBetweenFrames(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const read = () =>
      new Map(
        [...document.querySelectorAll('[data-testid="packet"]')].map((el) => [
          el.getAttribute('data-seq'),
          el.getAttribute('transform'),
        ]),
      );
    const frames = (n: number) =>
      new Promise<void>((resolve) => {
        const tick = (left: number) =>
          left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1));
        tick(n);
      });
    const a = read();
    await frames(3);
    const b = read();
    return [...a].some(([seq, pos]) => b.has(seq) && b.get(seq) !== pos);
  });
}

test('the sandbox animates: packets move and the clock runs', async ({ page }) => {
  await openSandbox(page);
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  const clockBefore = (await readStats(page)).time;
  await expect
    .poll(() => packetMovedBetweenFrames(page), { timeout: 20_000, intervals: [50] })
    .toBe(true);
  await snap(page, 'sandbox-playing');
  await expect.poll(async () => (await readStats(page)).time).not.toBe(clockBefore);
});

test('reduced motion: no moving packets, busy links highlighted, still narrated', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openSandbox(page);
  await expect(page.getByTestId('busy-link').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('packet')).toHaveCount(0);
  await expect(page.getByTestId('narration')).not.toHaveText(/Nothing yet/, { timeout: 15_000 });
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('busy-link')).not.toHaveCount(0);
  await expect(page.getByTestId('packet')).toHaveCount(0);
  await snap(page, 'sandbox-reduced-motion');
});

test('step advances exactly one event', async ({ page }) => {
  await openSandbox(page);
  await pause(page);
  const { events } = await readStats(page);
  const entries = await eventLog(page).count();
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect.poll(async () => (await readStats(page)).events).toBe(events + 1);
  await expect(eventLog(page)).toHaveCount(entries + 1);
  await expect(eventLog(page).first()).toContainText(`Step ${events + 1}:`);
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect.poll(async () => (await readStats(page)).events).toBe(events + 2);
  await expect(eventLog(page)).toHaveCount(entries + 2);
  await expect(page.getByTestId('narration')).not.toHaveText(/Nothing yet/);
  await snap(page, 'sandbox-stepped');
});

test('keyboard controls: Space, →, + and −', async ({ page }) => {
  await openSandbox(page);
  await page.getByRole('heading', { level: 1, name: 'Sandbox' }).click();
  const speed = page.getByRole('status', { name: 'Current speed' });
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
  const { events } = await readStats(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await readStats(page)).events).toBe(events + 1);
  await expect(speed).toHaveText('1×');
  await page.keyboard.press('+');
  await expect(speed).toHaveText('2×');
  await page.keyboard.press('+');
  await expect(speed).toHaveText('4×');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(speed).toHaveText('0.5×');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  // Keys typed into a text field stay there: no speed change, no pause, no fast-forward.
  const field = page.getByRole('textbox', { name: /Redis command/ });
  await field.click();
  await field.pressSequentially('+ f-');
  await expect(field).toHaveValue('+ f-');
  await expect(speed).toHaveText('0.5×');
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // Every control is reachable by Tab and shows a visible focus ring.
  const play = page.getByRole('button', { name: /^Pause/ });
  await play.focus();
  const outline = await play.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test.describe('worker crash', () => {
  // The client logs the lost worker with console.error('[worker] …') on purpose.
  test.use({ expectedConsoleErrors: [/\[worker\]/] });

  test('a crashed worker is rebuilt to the same state, with a notice', async ({ page }) => {
    await openSandbox(page);
    await page.getByRole('button', { name: 'Flush cache' }).click();
    await expect(page.getByText('Done: Flush cache.')).toBeVisible();
    await page.waitForTimeout(300);
    await pause(page);
    await page.getByRole('button', { name: /^Step/ }).click();
    const before = await readStats(page);
    expect(before.events).toBeGreaterThan(0);
    await page.evaluate(() => window.__sim?.simulateCrash());
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('nothing was lost');
    await expect(alert).toContainText('1 action');
    await snap(page, 'sandbox-after-crash');
    await expect.poll(async () => readStats(page)).toEqual(before);
    expect(await page.evaluate(() => window.__sim?.snapshot()?.traceHash)).toBe(before.hash);
    // The rebuilt simulation keeps working.
    await page.getByRole('button', { name: /^Step/ }).click();
    await expect.poll(async () => (await readStats(page)).events).toBe(before.events + 1);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeEmpty();

    // A crash while playing: rebuilt, and it carries on playing.
    await page.getByRole('button', { name: /^Play/ }).click();
    const playing = await readStats(page);
    await expect.poll(async () => (await readStats(page)).time).not.toBe(playing.time);
    await page.evaluate(() => window.__sim?.simulateCrash());
    await expect(alert).toContainText('nothing was lost');
    const resumed = await readStats(page);
    await expect.poll(async () => (await readStats(page)).events).toBeGreaterThan(resumed.events);
    await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  });
});

test('the sandbox has no axe violations', async ({ page }) => {
  await openSandbox(page);
  // Scanned paused (a moving DOM makes axe slow), with packets, log entries and narration on screen.
  await expect(page.getByTestId('packet').first()).toBeVisible({ timeout: 20_000 });
  await pause(page);
  await page.getByRole('button', { name: /^Step/ }).click();
  await expectNoAxeViolations(page);
});

test('fast-forward runs with a progress bar and lands further on', async ({ page }) => {
  await openSandbox(page);
  await pause(page);
  const before = await readStats(page);
  await page.keyboard.press('f');
  await expect(page.getByRole('progressbar')).toBeVisible();
  await snap(page, 'sandbox-fast-forward');
  await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 60_000 });
  const after = await readStats(page);
  expect(after.events).toBeGreaterThan(before.events + 100_000);
  expect(after.time).toMatch(/^6\d\./);
  expect(after.hash).not.toBe(before.hash);
});

test('fast-forward can be cancelled', async ({ page }) => {
  await openSandbox(page);
  await pause(page);
  await page.getByRole('button', { name: /^Fast-forward/ }).click();
  await page.getByRole('button', { name: 'Cancel fast-forward' }).click();
  await expect(page.getByRole('progressbar')).toBeHidden();
  const after = await readStats(page);
  expect(Number(after.time.split('.')[0])).toBeLessThan(60);
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect.poll(async () => (await readStats(page)).events).toBe(after.events + 1);
});

test('a malformed seed in the link gets a message and the default seed', async ({ page }) => {
  await page.goto('./#/sandbox?seed=banana');
  await expect(page.getByText('The seed "banana" in the link is not a whole number')).toBeVisible();
  await expect(
    page
      .getByRole('term')
      .filter({ hasText: /^Seed$/ })
      .locator('xpath=following-sibling::dd[1]'),
  ).toHaveText('42');
});

test('the same seed and steps give the same trace hash; another seed does not', async ({
  page,
}) => {
  const hashAfterSteps = async (seed: number) => {
    await page.goto('./#/');
    await openSandbox(page, `seed=${seed}&play=0`);
    await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
    await page.getByRole('heading', { level: 1, name: 'Sandbox' }).click();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await readStats(page)).events).toBe(12);
    return readStats(page);
  };
  const first = await hashAfterSteps(7);
  const again = await hashAfterSteps(7);
  const other = await hashAfterSteps(8);
  expect(again).toEqual(first);
  expect(other.hash).not.toBe(first.hash);
});

test('present and embed modes show the sandbox with less chrome', async ({ page }) => {
  await page.goto('./#/present/sandbox?seed=42');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled();
  await snap(page, 'present');
  await page.goto('./#/embed/sandbox?seed=42');
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in ElastiCache Simulator' })).toBeVisible();
  await snap(page, 'embed');
});
