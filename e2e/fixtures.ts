import { test as base, expect, type Frame, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Every test fails on a console error or an uncaught page error, except errors the test itself
 * provokes (a deliberate worker crash logs "[worker] … lost") — those are listed by the test.
 */
export const test = base.extend<{ expectedConsoleErrors: RegExp[] }>({
  expectedConsoleErrors: [[], { option: true }],
  page: async ({ page, expectedConsoleErrors }, use, testInfo) => {
    const watch = watchConsole(page);
    watch.expected = expectedConsoleErrors;
    await use(page);
    await watch.check(testInfo);
  },
});

/**
 * Collects console errors and page errors (for tests that share one page across steps, call
 * `check` after each step; `expected` lists errors the step provokes on purpose).
 */
export function watchConsole(page: Page): {
  expected: RegExp[];
  check: (info: TestInfo) => Promise<void>;
} {
  let problems: string[] = [];
  const watch = {
    expected: [] as RegExp[],
    async check(info: TestInfo) {
      const found = problems;
      problems = [];
      if (found.length > 0) {
        await info.attach('console-errors', { body: found.join('\n'), contentType: 'text/plain' });
      }
      expect(found, 'no console errors or page errors').toEqual([]);
    },
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (watch.expected.some((re) => re.test(text))) return;
    problems.push(`console.error: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return watch;
}

/** Starting a simulation waits for PostgreSQL (PGlite) in the worker: seconds, more on a busy machine. */
export const SIM_START_TIMEOUT = 60_000;

export { expect };

/** Saves a full-page screenshot under test-results/<test>/ (kept as a test artifact). */
export async function snap(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Opens the sandbox with a fixed seed and waits until the simulation has loaded. */
export async function openSandbox(page: Page, query = 'seed=42'): Promise<void> {
  await page.goto(`./#/sandbox?${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled({
    timeout: SIM_START_TIMEOUT,
  });
}

/**
 * Waits until a lesson page is ready: its title shown, Play enabled (the worker — and its
 * database — have answered) and no rebuild in progress. Goes to `path` first when given; without
 * it, waits on the page as it is (after a reload).
 */
export async function openLesson(
  page: Page,
  title: string,
  path?: string,
  timeout = SIM_START_TIMEOUT,
): Promise<void> {
  if (path) await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout });
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled({ timeout });
  await expect(page.getByText('Rebuilding your simulation')).toHaveCount(0, { timeout });
}

/** Virtual seconds from the panel's time text ("12.5 s" → 12.5). */
export const simSeconds = (time: string): number => Number(time.replace(/[^\d.]/g, ''));

/**
 * Fast-forwards 1 min (the default length) or 10 s of virtual time and waits until the clock has
 * moved that far and the button is enabled again; a 10 s run sets the length back to 1 min after.
 */
export async function fastForward(page: Page, length: '10 s' | '1 min' = '1 min'): Promise<void> {
  const short = length === '10 s';
  const button = page.getByRole('button', {
    name: short ? /^Fast-forward 10 s/ : /^Fast-forward (60 s|1 min)/,
  });
  const lengthChoice = page.getByRole('combobox', { name: 'Fast-forward length' });
  const before = simSeconds((await readStats(page)).time);
  if (short) await lengthChoice.selectOption('10 s');
  await button.click();
  await expect
    .poll(async () => simSeconds((await readStats(page)).time), { timeout: 120_000 })
    .toBeGreaterThanOrEqual(before + (short ? 9.9 : 59.9));
  await expect(button).toBeEnabled({ timeout: 60_000 });
  if (short) await lengthChoice.selectOption('1 min');
}

/** Pauses the simulation if it is playing, and waits until Play shows. */
export async function pause(page: Page): Promise<void> {
  const pauseButton = page.getByRole('button', { name: /^Pause/ });
  if (await pauseButton.isVisible()) await pauseButton.click();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
}

/** The run's fingerprint: trace hash, events processed and virtual time (read in the frame). */
export const traceHash = (frame: Frame) =>
  frame.evaluate(() => {
    type Snap = { traceHash: string; eventsProcessed: number; now: number };
    const s = (window as unknown as { __sim?: { snapshot(): Snap | null } }).__sim?.snapshot();
    return s ? `${s.traceHash}/${s.eventsProcessed}/${s.now}` : '';
  });

/** Sets the playback speed with the + key (the ladder of src/ui/controls) until it reads `target`. */
export async function setSpeed(page: Page, target: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).click();
  const speed = page.getByRole('status', { name: 'Current speed' });
  for (let i = 0; i < 16 && (await speed.innerText()) !== target; i++)
    await page.keyboard.press('+');
  await expect(speed).toHaveText(target);
}

/** A lesson metric's shown value (`data-testid="metric-<name>"`) as a number. */
export async function metric(page: Page, name: string): Promise<number> {
  const text = await page.getByTestId(`metric-${name}`).innerText();
  return Number(text.replace(/[^\d.-]/g, ''));
}

/** The numbers the simulation panel shows. */
export async function readStats(
  page: Page,
): Promise<{ time: string; events: number; hash: string }> {
  const panel = page.getByRole('region', { name: 'Simulation' });
  const value = (label: string) =>
    panel
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  const [time, events, hash] = await Promise.all([
    value('Virtual time').innerText(),
    value('Events processed').innerText(),
    value('Trace hash').innerText(),
  ]);
  return { time, events: Number(events.replace(/,/g, '')), hash };
}
