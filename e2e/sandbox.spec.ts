import {
  expect,
  expectNoAxeViolations,
  openSandbox,
  pause,
  readStats,
  SIM_START_TIMEOUT,
  snap,
  test,
  watchConsole,
} from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

const eventLog = (page: Page) =>
  page.getByRole('list', { name: 'Event log' }).getByRole('listitem');

const statValue = (page: Page, label: string) =>
  page
    .getByRole('region', { name: 'Simulation' })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

async function play(page: Page): Promise<void> {
  const playButton = page.getByRole('button', { name: /^Play/ });
  if (await playButton.isVisible()) await playButton.click();
  await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
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

// Starting a simulation costs a PostgreSQL start in the worker, so these steps share one page
// (and one load) and run in order; each step still fails on its own console errors.
test.describe('sandbox, one session', () => {
  test.describe.configure({ mode: 'serial' });
  let context: BrowserContext;
  let page: Page;
  let consoleWatch: ReturnType<typeof watchConsole>;

  test.beforeAll(async ({ browser }) => {
    // Its own context (not browser.newPage()'s implicit one): axe needs one to scan with.
    context = await browser.newContext();
    page = await context.newPage();
    consoleWatch = watchConsole(page);
    await openSandbox(page);
  });
  // Playwright reads fixtures from the first parameter's pattern; this hook needs none.
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(async ({}, info) => {
    await consoleWatch.check(info);
    consoleWatch.expected = [];
  });
  test.afterAll(async () => {
    await context.close();
  });

  test('it animates: packets move between frames and the clock runs', async () => {
    await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
    const clockBefore = (await readStats(page)).time;
    await expect
      .poll(() => packetMovedBetweenFrames(page), { timeout: 20_000, intervals: [50] })
      .toBe(true);
    await snap(page, 'sandbox-playing');
    await expect(statValue(page, 'Virtual time')).not.toHaveText(clockBefore, { timeout: 20_000 });
  });

  test('reduced motion: no moving packets, busy links highlighted, still narrated', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(page.getByTestId('busy-link').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('packet')).toHaveCount(0);
    await expect(page.getByTestId('narration')).not.toHaveText(/Nothing yet/);
    await page.waitForTimeout(1000);
    // The latest hop stays highlighted as a step instead of flashing by.
    await expect(page.getByTestId('busy-link')).not.toHaveCount(0);
    await expect(page.getByTestId('packet')).toHaveCount(0);
    await snap(page, 'sandbox-reduced-motion');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  test('step advances exactly one event', async () => {
    await pause(page);
    const { events } = await readStats(page);
    const entries = await eventLog(page).count();
    await page.getByRole('button', { name: /^Step/ }).click();
    await expect.poll(async () => (await readStats(page)).events).toBe(events + 1);
    await expect(eventLog(page).first()).toContainText(`Step ${events + 1}:`);
    // The log keeps its newest entries; under its cap a step adds exactly one.
    if (entries < 199) await expect(eventLog(page)).toHaveCount(entries + 1);
    await page.getByRole('button', { name: /^Step/ }).click();
    await expect.poll(async () => (await readStats(page)).events).toBe(events + 2);
    await expect(eventLog(page).first()).toContainText(`Step ${events + 2}:`);
    await expect(eventLog(page).nth(1)).toContainText(`Step ${events + 1}:`);
    await expect(page.getByTestId('narration')).not.toHaveText(/Nothing yet/);
    await snap(page, 'sandbox-stepped');
  });

  test('keyboard controls: Space, →, + and −, never from a text field', async () => {
    await page.getByRole('heading', { level: 1, name: 'Sandbox' }).click();
    const speed = page.getByRole('status', { name: 'Current speed' });
    await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
    const { events } = await readStats(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await readStats(page)).events).toBe(events + 1);
    await expect(speed).toHaveText('1 ms/s');
    await page.keyboard.press('+');
    await expect(speed).toHaveText('2 ms/s');
    await page.keyboard.press('+');
    await expect(speed).toHaveText('5 ms/s');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(speed).toHaveText('1 ms/s');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect(speed).toHaveText('10 ms/s');
    // Keys typed into a text field stay there: no speed change, no play, no fast-forward.
    const field = page.getByRole('textbox', { name: /Redis command/ });
    await field.click();
    await field.pressSequentially('+ f-');
    await expect(field).toHaveValue('+ f-');
    await expect(speed).toHaveText('10 ms/s');
    await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await field.fill('');
    // Controls show a visible focus ring.
    const playButton = page.getByRole('button', { name: /^Play/ });
    await playButton.focus();
    expect(await playButton.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.getByRole('button', { name: 'Faster' }).click();
    await expect(speed).toHaveText('20 ms/s');
    // The slider covers the whole range on a log scale: its far end is a minute per second.
    await page.getByRole('slider', { name: /^Speed/ }).press('End');
    await expect(speed).toHaveText('60 s/s');
    await page.getByRole('button', { name: 'Slower' }).click();
    await expect(speed).toHaveText('30 s/s');
    await page.getByRole('slider', { name: /^Speed/ }).press('Home');
    await expect(speed).toHaveText('1 ms/s');
  });

  test('actions with parameters: a form applies them; a bad value is refused and changes nothing', async () => {
    await pause(page);
    const actions = page.getByRole('region', { name: 'Actions' });
    const result = page.getByTestId('action-result');
    const logLength = () => page.evaluate(() => window.__sim?.client.log.length ?? 0);
    const before = await logLength();

    await actions.locator('summary').filter({ hasText: /^TTL$/ }).click();
    const ttl = actions.getByRole('form', { name: 'TTL' });
    const seconds = ttl.getByRole('spinbutton', { name: 'TTL' });
    await expect(seconds).toHaveValue('0');
    await seconds.fill('99999');
    await ttl.getByRole('button', { name: 'Apply' }).click();
    await expect(result).toHaveText(
      'TTL: "seconds" must be a number from 0 to 86400 (got "99999").',
    );
    expect(await logLength()).toBe(before);

    await seconds.fill('30');
    await ttl.getByRole('button', { name: 'Apply' }).click();
    await expect(result).toHaveText('Done: TTL (seconds = 30).');
    expect(await logLength()).toBe(before + 1);

    await actions
      .locator('summary')
      .filter({ hasText: /^Caching strategy$/ })
      .click();
    const strategy = actions.getByRole('form', { name: 'Caching strategy' });
    await strategy.getByRole('combobox', { name: 'Strategy' }).selectOption('write-through');
    await strategy.getByRole('button', { name: 'Apply' }).click();
    await expect(result).toHaveText('Done: Caching strategy (strategy = write-through).');
    await snap(page, 'sandbox-action-forms');

    // The new TTL is what the app now writes with. At 10 ms/s (still one event per request in
    // the log) the next cache write comes within seconds even on a busy machine.
    // + steps the speed ladder (1 → 2 → 5 → 10 ms/s) when focus is not in a form field.
    await page.getByRole('heading', { level: 1 }).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await expect(page.getByRole('status', { name: 'Current speed' })).toHaveText('10 ms/s');
    await play(page);
    await expect(
      eventLog(page)
        .filter({ hasText: /TTL 30000 ms/ })
        .first(),
    ).toBeVisible({
      timeout: 60_000,
    });
    await pause(page);
    await page.getByRole('slider', { name: /^Speed/ }).press('Home');
  });

  test('no axe violations (paused, with packets, log entries and narration)', async () => {
    await play(page);
    await expect(page.getByTestId('packet').first()).toBeVisible({ timeout: 20_000 });
    await pause(page);
    await expectNoAxeViolations(page);
  });

  test('a crashed worker is rebuilt to the same state, with a notice', async () => {
    // Each rebuild starts PostgreSQL again in the new worker.
    test.setTimeout(3 * SIM_START_TIMEOUT);
    // The client logs the lost worker with console.error('[worker] …') on purpose.
    consoleWatch.expected = [/\[worker\]/];
    await page.getByRole('button', { name: 'Flush cache' }).click();
    await expect(page.getByText('Done: Flush cache.')).toBeVisible();
    await page.getByRole('button', { name: /^Step/ }).click();
    const before = await readStats(page);
    const actions = await page.evaluate(() => window.__sim?.client.log.length ?? 0);
    expect(actions).toBeGreaterThan(0);
    await page.evaluate(() => window.__sim?.simulateCrash());
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('nothing was lost', { timeout: SIM_START_TIMEOUT });
    await expect(alert).toContainText(`${actions} action`);
    await snap(page, 'sandbox-after-crash');
    // The rebuild replays the log in summary detail: the same virtual time and trace hash (what
    // happened), though the kernel processed fewer animation-only events to get there.
    const sameRun = (s: { time: string; hash: string }) => ({ time: s.time, hash: s.hash });
    await expect.poll(async () => sameRun(await readStats(page))).toEqual(sameRun(before));
    expect(await page.evaluate(() => window.__sim?.snapshot()?.traceHash)).toBe(before.hash);
    // The rebuilt simulation keeps working.
    const rebuilt = await readStats(page);
    await page.getByRole('button', { name: /^Step/ }).click();
    await expect.poll(async () => (await readStats(page)).events).toBe(rebuilt.events + 1);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert).toBeEmpty();

    // A crash while playing: rebuilt, and it carries on playing.
    await play(page);
    const playing = await readStats(page);
    await expect(statValue(page, 'Virtual time')).not.toHaveText(playing.time, { timeout: 20_000 });
    await page.evaluate(() => window.__sim?.simulateCrash());
    await expect(alert).toContainText('nothing was lost', { timeout: SIM_START_TIMEOUT });
    const resumed = await readStats(page);
    await expect.poll(async () => (await readStats(page)).events).toBeGreaterThan(resumed.events);
    await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
  });

  test('fast-forward shows progress, lands further on, and can be cancelled', async () => {
    await pause(page);
    const before = await readStats(page);
    await page.getByRole('heading', { level: 1, name: 'Sandbox' }).click();
    await page.keyboard.press('f');
    await expect(page.getByRole('progressbar')).toBeVisible();
    await snap(page, 'sandbox-fast-forward');
    await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 60_000 });
    const after = await readStats(page);
    expect(after.events).toBeGreaterThan(before.events + 10_000);
    expect(Number(after.time.split('.')[0])).toBeGreaterThanOrEqual(60);
    expect(after.hash).not.toBe(before.hash);

    // Ten minutes of virtual time take long enough to cancel part-way.
    await page.getByRole('combobox', { name: 'Fast-forward length' }).selectOption('10 min');
    await page.getByRole('button', { name: /^Fast-forward 10 min/ }).click();
    await page.getByRole('button', { name: 'Cancel fast-forward' }).click();
    await expect(page.getByRole('progressbar')).toBeHidden();
    const cancelled = await readStats(page);
    expect(Number(cancelled.time.split('.')[0])).toBeLessThan(
      Number(after.time.split('.')[0]) + 600,
    );
    await page.getByRole('button', { name: /^Step/ }).click();
    await expect.poll(async () => (await readStats(page)).events).toBe(cancelled.events + 1);
  });
});

test('the same seed and steps give the same trace hash', async ({ page }) => {
  test.setTimeout(3 * SIM_START_TIMEOUT);
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
  expect(again).toEqual(first);
});

test('links: a malformed seed falls back with a message; present and embed modes', async ({
  page,
}) => {
  test.setTimeout(2 * SIM_START_TIMEOUT);
  await page.goto('./#/sandbox?seed=banana&play=0');
  await expect(page.getByText('The seed "banana" in the link is not a whole number')).toBeVisible();

  await page.goto('./#/present/sandbox?seed=42&play=0');
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.goto('./#/embed/sandbox?seed=42');
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled({
    timeout: SIM_START_TIMEOUT,
  });
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in ElastiCache Simulator' })).toBeVisible();
  await expect(
    page
      .getByRole('term')
      .filter({ hasText: /^Seed$/ })
      .locator('xpath=following-sibling::dd[1]'),
  ).toHaveText('42');
  await snap(page, 'embed');
});
