import { test, expect, expectNoAxeViolations, openSandbox, readStats, snap } from './fixtures';
import type { Page } from '@playwright/test';

const eventLog = (page: Page) => page.getByRole('list', { name: 'Event log' }).getByRole('listitem');

async function pause(page: Page): Promise<void> {
  const pauseButton = page.getByRole('button', { name: /^Pause/ });
  if (await pauseButton.isVisible()) await pauseButton.click();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
}

/** Packet positions by message seq, read from the SVG. */
async function packetPositions(page: Page): Promise<Map<string, string>> {
  const packets = page.getByTestId('packet');
  const rows = await packets.evaluateAll((els) => els.map((el) => [el.getAttribute('data-seq') ?? '', el.getAttribute('transform') ?? '']));
  return new Map(rows as [string, string][]);
}

test('the sandbox animates: packets move and the clock runs', async ({ page }) => {
  await openSandbox(page);
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  await expect(page.getByTestId('packet').first()).toBeVisible({ timeout: 15_000 });
  const before = await packetPositions(page);
  const clockBefore = (await readStats(page)).time;
  await snap(page, 'sandbox-frame-1');
  await page.waitForTimeout(150);
  const after = await packetPositions(page);
  await snap(page, 'sandbox-frame-2');
  // Either a packet seen in both frames moved, or the set of packets on the wire changed.
  const moved = [...before].some(([seq, pos]) => after.has(seq) && after.get(seq) !== pos);
  const changed = [...after.keys()].some((seq) => !before.has(seq)) || [...before.keys()].some((seq) => !after.has(seq));
  expect(moved || changed).toBe(true);
  await expect.poll(async () => (await readStats(page)).time).not.toBe(clockBefore);
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
  });
});

test('the sandbox has no axe violations', async ({ page }) => {
  await openSandbox(page);
  await expect(page.getByTestId('packet').first()).toBeVisible({ timeout: 15_000 });
  await expectNoAxeViolations(page);
  await pause(page);
  await page.getByRole('button', { name: /^Step/ }).click();
  await expectNoAxeViolations(page);
});
