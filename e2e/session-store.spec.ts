import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  fastForward,
  metric,
  openLesson,
  pause,
  readStats,
  simSeconds,
  snap,
  test,
} from './fixtures';

/** The lesson's goals, in order (src/scenarios/session-store/steps.ts). */
const GOALS = [
  'round-robin',
  'sticky',
  'sticky-terminate',
  'sticky-skew',
  'elasticache',
  'look-inside',
  'cache-restart',
  'ttl',
];

async function goalDone(page: Page, id: string): Promise<void> {
  await expect(page.locator(`[data-goal="${id}"]`)).toHaveAttribute('data-state', 'done', {
    timeout: 30_000,
  });
}

async function fastForwardUntilDone(page: Page, id: string, max = 8): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.locator(`[data-goal="${id}"]`).getAttribute('data-state')) === 'done') return;
    await fastForward(page);
  }
  await goalDone(page, id);
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Next step/ }).click();
}

/** Terminates an instance through the controls; returns what the simulator announced. */
async function terminate(
  page: Page,
  id: string,
): Promise<{ sessions: number; users: number } | null> {
  await page.getByLabel('Instance', { exact: true }).selectOption(id);
  await page.getByRole('button', { name: 'Terminate instance' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Applied: Terminate an instance.' }),
  ).toBeVisible();
  // Each call terminates a different instance, so its note is unique in the log.
  const note = page
    .getByRole('list', { name: 'Event log' })
    .getByText(new RegExp(`App instance ${id.slice(4)} is gone`))
    .first();
  await expect(note).toBeVisible();
  const m = /with the (\d+) sessions in its memory: (\d+) users? will be logged out/.exec(
    await note.innerText(),
  );
  return m ? { sessions: Number(m[1]), users: Number(m[2]) } : null;
}

test('session-store: every goal through the UI, logout counts per mode, no axe violations', async ({
  page,
}) => {
  test.setTimeout(900_000);
  await openLesson(page, 'Session store', './#/learn/session-store?seed=42');
  // The lesson opens paused on step 1: no time passes until the student starts it.
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
  expect(simSeconds((await readStats(page)).time)).toBe(0);
  await expectNoAxeViolations(page);
  await snap(page, '00-opened');

  // 1. In-memory sessions behind round robin: users are logged out.
  await fastForwardUntilDone(page, 'round-robin');
  expect(await metric(page, 'UnexpectedLogouts')).toBeGreaterThanOrEqual(20);
  expect(await metric(page, 'CartsLost')).toBeGreaterThan(0);
  // A terminated instance in in-memory mode takes exactly its sessions with it.
  await pause(page);
  const sessionsBefore = await metric(page, 'ActiveSessions');
  const loggedInBefore = await metric(page, 'LoggedInUsers');
  const inMemory = await terminate(page, 'app-3');
  expect(inMemory).not.toBeNull();
  expect(inMemory!.sessions).toBeGreaterThan(0);
  await expect.poll(() => metric(page, 'ActiveSessions')).toBe(sessionsBefore - inMemory!.sessions);
  await expect.poll(() => metric(page, 'LoggedInUsers')).toBe(loggedInBefore - inMemory!.users);
  await snap(page, '01-in-memory-terminated');
  await next(page);

  // 2. Sticky sessions: no more logouts once users are pinned.
  await page.getByLabel('Session mode').selectOption('sticky');
  await fastForwardUntilDone(page, 'sticky');
  // Let the idle users come back once too (pauses last up to 4 min), so every browser is pinned
  // to the instance that holds its session before anything fails.
  for (let i = 0; i < 4; i++) await fastForward(page);
  await snap(page, '02-sticky');
  await next(page);

  // 3. Sticky + terminate: exactly the users pinned to the instance are logged out.
  await pause(page);
  const stickyBefore = await metric(page, 'UnexpectedLogouts');
  const pinned = await terminate(page, 'app-2');
  expect(pinned).not.toBeNull();
  expect(pinned!.users).toBeGreaterThan(0);
  // Idle users come back within 4 minutes: by then every pinned user has found out.
  for (let i = 0; i < 5; i++) await fastForward(page);
  await goalDone(page, 'sticky-terminate');
  expect((await metric(page, 'UnexpectedLogouts')) - stickyBefore).toBe(pinned!.users);
  await snap(page, '03-sticky-terminated');
  await next(page);

  // 4. Sticky + scale out: the new instance gets almost nothing.
  await page.getByRole('button', { name: 'Scale out' }).click();
  await fastForwardUntilDone(page, 'sticky-skew');
  expect(await metric(page, 'LoadSkew')).toBeGreaterThanOrEqual(3);
  await snap(page, '04-sticky-skew');
  await next(page);

  // 5. ElastiCache store: after the switch has settled, terminating loses nobody.
  await page.getByLabel('Session mode').selectOption('elasticache');
  for (let i = 0; i < 5; i++) await fastForward(page);
  const storeBefore = await metric(page, 'UnexpectedLogouts');
  const store = await terminate(page, 'app-1');
  expect(store).toBeNull(); // "It held no sessions"
  await fastForwardUntilDone(page, 'elasticache');
  expect(await metric(page, 'UnexpectedLogouts')).toBe(storeBefore);
  expect(await metric(page, 'BytesPerSession')).toBeGreaterThan(0);
  await snap(page, '05-elasticache-terminated');
  await next(page);

  // 6. The sessions are real Redis hashes with a TTL.
  const consoles = page.getByRole('region', { name: 'Consoles' });
  const input = consoles.getByRole('textbox').first();
  await input.fill('KEYS session:*');
  await input.press('Enter');
  const log = consoles.getByRole('log').first();
  await expect(log).toContainText(/session:[0-9a-f]{16}/);
  const key = /session:[0-9a-f]{16}/.exec(await log.innerText())![0];
  await input.fill(`HGETALL ${key}`);
  await input.press('Enter');
  await expect(log).toContainText('"user"');
  await input.fill(`TTL ${key}`);
  await input.press('Enter');
  await expect(log).toContainText(/\(integer\) \d+/);
  await goalDone(page, 'look-inside');
  await snap(page, '06-console');
  await next(page);

  // 7. Rebooting the single node without a replica logs everybody out (a reboot never fails over).
  await pause(page);
  const loggedIn = await metric(page, 'LoggedInUsers');
  const restartBefore = await metric(page, 'UnexpectedLogouts');
  await page.getByRole('button', { name: 'Reboot the cache node' }).click();
  for (let i = 0; i < 5; i++) await fastForward(page);
  await goalDone(page, 'cache-restart');
  expect((await metric(page, 'UnexpectedLogouts')) - restartBefore).toBe(loggedIn);
  const box = page.getByLabel('Course notes correction');
  await expect(box).toContainText('a reboot is never a failover');
  await expect(box).not.toContainText('Outdated');
  await snap(page, '07-cache-restart');
  await next(page);

  // 8. A 60 s TTL: idle users expire, nobody else is logged out.
  const beforeTtl = await metric(page, 'UnexpectedLogouts');
  // A range input: Home is its minimum (10 s), each ArrowRight one step of 10 s.
  const ttl = page.getByLabel('TTL', { exact: true });
  await ttl.focus();
  await ttl.press('Home');
  for (let i = 0; i < 5; i++) await ttl.press('ArrowRight');
  await expect(ttl).toHaveValue('60');
  await page.getByRole('button', { name: /Apply TTL/ }).click();
  await fastForwardUntilDone(page, 'ttl', 10);
  expect(await metric(page, 'SessionsExpired')).toBeGreaterThanOrEqual(3);
  expect(await metric(page, 'UnexpectedLogouts')).toBe(beforeTtl);
  await snap(page, '08-ttl');

  for (const id of GOALS) await goalDone(page, id);
  await expect(page.getByRole('heading', { name: /Goals/ })).toContainText(
    `${GOALS.length} of ${GOALS.length} done`,
  );

  // A quiz item from the course notes, answered and explained.
  const quiz = page.locator('[data-quiz="exam-session-store"]');
  await quiz.getByText('Instance 2 reads the session from ElastiCache').click();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
  await expect(quiz).toContainText('shared session store');
  await expectNoAxeViolations(page);
  await snap(page, '09-done');
});
