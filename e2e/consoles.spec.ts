import { test, expect, expectNoAxeViolations, snap } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

/** The consoles panel of the sandbox and its parts, found by role and name. */
function consoles(page: Page) {
  const panel = page.getByRole('region', { name: 'Consoles' });
  return {
    panel,
    tab: (name: 'Redis' | 'Memcached' | 'SQL') => panel.getByRole('tab', { name }),
    log: (name: 'Redis' | 'Memcached' | 'SQL') =>
      panel.getByRole('log', { name: `${name} console output` }),
    input: (label: RegExp) => panel.getByRole('textbox', { name: label }),
  };
}

// The sandbox runs the real engines and PostgreSQL; on a busy CI machine a test takes minutes.
test.describe.configure({ timeout: 180_000 });

/** The sandbox, paused: console lines run at the paused virtual time and typing stays quick. */
async function openConsoles(page: Page): Promise<void> {
  await page.goto('./#/sandbox?seed=42');
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeVisible();
  // The first load starts PostgreSQL (PGlite) in the worker: seconds, more on a busy machine.
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled({
    timeout: 120_000,
  });
  const pauseButton = page.getByRole('button', { name: /^Pause/ });
  if (await pauseButton.isVisible()) await pauseButton.click();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
}

async function run(input: Locator, line: string): Promise<void> {
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

/** The reply text of the last entry in a console log (the printed text, without the ✖ / ? marks). */
const lastReply = (log: Locator) =>
  log.locator('.console-entry').last().locator('.console-out pre').last();

test('redis console: replies as redis-cli prints them, help, completion, history, clear', async ({
  page,
}) => {
  await openConsoles(page);
  const c = consoles(page);
  await expect(c.tab('Redis')).toHaveAttribute('aria-selected', 'true');
  const input = c.input(/Redis command/);
  const log = c.log('Redis');
  await expect(page.getByText('127.0.0.1:6379>', { exact: false }).first()).toBeVisible();

  // Inline help while typing the first word.
  await input.fill('SET');
  await expect(c.panel.getByText(/^SET key value/)).toBeVisible();

  await run(input, 'SET greeting hello');
  await expect(lastReply(log)).toHaveText('OK');
  await run(input, 'GET greeting');
  await expect(lastReply(log)).toHaveText('"hello"');
  await run(input, 'INCR greeting');
  await expect(lastReply(log)).toContainText('(error) ERR value is not an integer or out of range');
  await expect(log.locator('.console-entry').last().locator('.console-error')).toBeVisible();
  await run(input, 'GET nosuchkey');
  await expect(lastReply(log)).toHaveText('(nil)');
  // The reply is announced in the polite status region.
  await expect(c.panel.getByRole('status').filter({ hasText: '(nil)' })).toBeAttached();

  // Local help: nothing is sent.
  await run(input, 'help get');
  await expect(lastReply(log)).toContainText('summary:');

  // Tab completes command names as redis-cli does (upper case); ↑ recalls the last line.
  await input.fill('getr');
  await input.press('Tab');
  await expect(input).toHaveValue('GETRANGE');
  await expect(input).toBeFocused();
  await input.press('Escape');
  await expect(input).toHaveValue('');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('help get');
  await input.press('Escape');

  // SELECT changes the prompt like redis-cli: the db index when not 0.
  await run(input, 'SELECT 1');
  await expect(lastReply(log)).toHaveText('OK');
  await expect(
    c.panel.locator('label .console-prompt, .console-input-row .console-prompt').first(),
  ).toContainText('127.0.0.1:6379[1]>');
  await run(input, 'SELECT 0');
  await snap(page, 'console-redis');

  await run(input, 'clear');
  await expect(log.locator('.console-entry')).toHaveCount(0);
});

test('memcached console: a storage command waits for its data line, like telnet', async ({
  page,
}) => {
  await openConsoles(page);
  const c = consoles(page);
  await c.tab('Memcached').click();
  const input = c.input(/Memcached command/);
  const log = c.log('Memcached');
  await input.fill('set k 0 0 1');
  await input.press('Enter');
  await expect(c.panel.getByText(/type the data block \(1 byte\)/)).toBeVisible();
  await run(input, 'v');
  await expect(lastReply(log)).toHaveText('STORED');
  await run(input, 'get k');
  await expect(lastReply(log)).toHaveText('VALUE k 0 1\nv\nEND');
  await run(input, 'bogus');
  await expect(lastReply(log)).toHaveText('ERROR');
  await snap(page, 'console-memcached');
});

test('sql console: a result grid and PostgreSQL errors', async ({ page }) => {
  await openConsoles(page);
  const c = consoles(page);
  await c.tab('SQL').click();
  const input = c.input(/SQL statement/);
  const log = c.log('SQL');
  await run(input, 'SELECT id, name FROM products ORDER BY id LIMIT 3;');
  // The first query may wait for PostgreSQL (PGlite) to start.
  const table = log.getByRole('table').last();
  await expect(table).toBeVisible({ timeout: 45_000 });
  await expect(table.getByRole('columnheader')).toHaveText(['id', 'name']);
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(lastReply(log)).toContainText('(3 rows)');

  // Shift+Enter continues the statement; Enter runs it once it ends with ;.
  await input.fill('SELECT count(*)');
  await input.press('Shift+Enter');
  await input.pressSequentially('FROM users');
  await input.press('Enter');
  await expect(input).toHaveValue('SELECT count(*)\nFROM users\n');
  await input.press('Backspace');
  await input.pressSequentially(';');
  await input.press('Enter');
  await expect(input).toHaveValue('');
  await expect(log.getByRole('table').last().getByRole('columnheader')).toHaveText(['count']);

  await run(input, 'SELEC 1;');
  await expect(lastReply(log)).toContainText('syntax error at or near "SELEC"');
  await expect(log.locator('.console-entry').last().locator('.console-error')).toBeVisible();
  await snap(page, 'console-sql');

  // A big result is cut in the grid, with a note saying so.
  await run(input, 'SELECT n FROM generate_series(1, 500) AS n;');
  await expect(log.getByText(/Output truncated: showing the first 200 of 500 rows/)).toBeVisible();
  await expect(log.getByRole('table').last().locator('tbody tr')).toHaveCount(200);
});

test('consoles have no axe violations, in every tab', async ({ page }) => {
  // axe over the whole sandbox takes ~20 s on a busy 2-core machine: one full-page pass, then
  // the other tabs checked within the consoles region only.
  await openConsoles(page);
  const c = consoles(page);
  await run(c.input(/Redis command/), 'PING');
  await expectNoAxeViolations(page);
  await c.tab('Memcached').click();
  await run(c.input(/Memcached command/), 'version');
  await expectNoConsoleAxeViolations(page);
  await c.tab('SQL').click();
  await run(c.input(/SQL statement/), 'help');
  await expectNoConsoleAxeViolations(page);
});

async function expectNoConsoleAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('section.consoles').analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, 'axe violations in the consoles').toEqual([]);
}

test('consoles are keyboard operable: arrow keys move between tabs, Tab reaches the input', async ({
  page,
}) => {
  await openConsoles(page);
  const c = consoles(page);
  await c.tab('Redis').focus();
  await page.keyboard.press('ArrowRight');
  await expect(c.tab('Memcached')).toBeFocused();
  await expect(c.tab('Memcached')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(c.tab('SQL')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(c.tab('Redis')).toBeFocused();
  // Tab from the tab list reaches the scrollback and then the input; focus is visible.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const input = c.input(/Redis command/);
  await expect(input).toBeFocused();
  expect(await input.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  // An empty line has nothing to complete: Tab leaves the console (no keyboard trap).
  await page.keyboard.press('Tab');
  await expect(input).not.toBeFocused();
});

test.describe('when the worker fails', () => {
  // The console logs the failed call with console.error('[console] …') on purpose.
  test.use({ expectedConsoleErrors: [/\[console\] act failed/] });

  test('a worker error is shown as a clear message and the console keeps working', async ({
    page,
  }) => {
    await openConsoles(page);
    const c = consoles(page);
    const input = c.input(/Redis command/);
    const log = c.log('Redis');
    // Make the next call to the worker fail the way a lost worker's RPC does.
    await page.evaluate(() => {
      const client = window.__sim!.client;
      const act = client.act.bind(client);
      client.act = () => {
        client.act = act;
        return Promise.reject(new Error('worker terminated'));
      };
    });
    await run(input, 'PING');
    const failure = log.locator('.console-entry').last().locator('.console-failure');
    await expect(failure).toContainText('Not run.');
    await expect(failure).toContainText('The simulation did not answer (worker terminated)');
    // Empty lines are ignored; the next line goes through again.
    await input.press('Enter');
    await expect(log.locator('.console-entry')).toHaveCount(1);
    await run(input, 'help ping');
    await expect(lastReply(log)).toContainText('PING');
  });
});

test('the consoles load lazily: the catalog never fetches them, the sandbox does', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((s) => /consoles-panel/.test(s))).toEqual([]);
  await openConsoles(page);
  await expect(consoles(page).tab('Redis')).toBeVisible();
  expect(scripts.some((s) => /consoles-panel/.test(s))).toBe(true);
});

test.describe('in a lesson (db-cache: Redis and SQL consoles on the real engine and PGlite)', () => {
  const LESSON = './#/learn/db-cache?seed=42';
  const SLOW = { timeout: 120_000 };

  async function openLesson(page: Page): Promise<void> {
    await page.goto(LESSON);
    await expect(page.getByRole('heading', { level: 1, name: 'Database cache' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
    // Paused, the page's thread is free for typing: console lines run at the paused virtual time.
    const pauseButton = page.getByRole('button', { name: /^Pause/ });
    if (await pauseButton.isVisible()) await pauseButton.click();
    await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
  }

  test('redis-cli replies, SQL grid and PostgreSQL errors, no axe violations', async ({ page }) => {
    test.setTimeout(360_000);
    await openLesson(page);
    const c = consoles(page);
    // This lesson offers Redis and SQL only.
    await expect(c.panel.getByRole('tab')).toHaveText(['Redis', 'SQL']);
    const redis = c.input(/Redis command/);
    const redisLog = c.log('Redis');
    await run(redis, 'SET greeting hello');
    await expect(lastReply(redisLog)).toHaveText('OK', SLOW);
    await run(redis, 'GET greeting');
    await expect(lastReply(redisLog)).toHaveText('"hello"');
    await run(redis, 'INCR greeting');
    await expect(lastReply(redisLog)).toHaveText(
      '(error) ERR value is not an integer or out of range',
    );
    await expect(redisLog.locator('.console-entry').last().locator('.console-error')).toBeVisible();
    await run(redis, 'GET nosuchkey');
    await expect(lastReply(redisLog)).toHaveText('(nil)');
    await run(redis, 'SELECT 1');
    // The lesson's console names the cache's endpoint, as redis-cli -h would, and notes TLS.
    await expect(c.panel.locator('.console-input-row .console-prompt').first()).toContainText(
      'app-cache.t32v96.ng.0001.use1.cache.amazonaws.com:6379[1]>',
    );
    await expect(c.panel).toContainText('redis-cli needs --tls');
    await run(redis, 'SELECT 0');
    await snap(page, 'lesson-console-redis');

    await c.tab('SQL').click();
    const sql = c.input(/SQL statement/);
    const sqlLog = c.log('SQL');
    await run(sql, 'SELECT id, name FROM products ORDER BY id LIMIT 3;');
    const table = sqlLog.getByRole('table').last();
    await expect(table).toBeVisible(SLOW);
    await expect(table.getByRole('columnheader')).toHaveText(['id', 'name']);
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('1');
    await expect(lastReply(sqlLog)).toHaveText('(3 rows)');
    await run(sql, 'SELEC 1;');
    await expect(lastReply(sqlLog)).toContainText('ERROR:  syntax error at or near "SELEC"');
    await expect(lastReply(sqlLog)).toContainText('LINE 1: SELEC 1;');
    await run(sql, 'SELECT n FROM generate_series(1, 500) AS n;');
    await expect(
      sqlLog.getByText(/Output truncated: showing the first 200 of 500 rows/),
    ).toBeVisible();
    await snap(page, 'lesson-console-sql');
    await expectNoConsoleAxeViolations(page);
  });
});
