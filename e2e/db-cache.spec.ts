import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  openLesson,
  pause,
  readStats,
  snap,
  test,
} from './fixtures';

/**
 * The db-cache lesson through the UI only: every goal, a quiz item and a prediction, reload,
 * step back, a share link opened in a fresh browser context (same trace hash), an experiment.
 */
const SEED = 7;
const LESSON = `./#/learn/db-cache?seed=${SEED}`;
// Fast-forwarding seconds of traffic through the real Redis engine and PGlite takes a while.
const SLOW = { timeout: 180_000 };

test.describe.configure({ timeout: 1_200_000 });

const currentGoal = (page: Page) => page.getByTestId('current-goal');

async function expectGoalDone(page: Page): Promise<void> {
  await expect(currentGoal(page)).toContainText('done!', SLOW);
}

const virtualSeconds = async (page: Page) =>
  Number((await readStats(page)).time.replace(/[^0-9.]/g, ''));

async function runAhead(page: Page, seconds: 1 | 5 | 30): Promise<void> {
  const before = await virtualSeconds(page);
  await page
    .getByRole('button', {
      name: `Run ${seconds} second${seconds === 1 ? '' : 's'} of simulated time`,
    })
    .click();
  // Within a microsecond: the readout is in whole µs, the sum of two of them in floating point.
  await expect
    .poll(() => virtualSeconds(page), SLOW)
    .toBeGreaterThanOrEqual(before + seconds - 1e-6);
  // The playback controls are disabled while a fast-forward runs.
  await expect(page.getByRole('button', { name: /^Fast-forward/ })).toBeEnabled(SLOW);
}

async function nextStep(page: Page, title: string, shot: string): Promise<void> {
  await snap(page, shot);
  await page.getByRole('button', { name: /^(Next step|Finish lesson)/ }).click();
  if (title) await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

async function setStrategy(page: Page, value: 'lazy' | 'write-through'): Promise<void> {
  await page.getByLabel('Strategy', { exact: true }).selectOption(value);
  await expect(
    page.getByRole('status').filter({ hasText: 'Applied: Caching strategy.' }),
  ).toBeVisible();
}

async function playFast(page: Page): Promise<void> {
  const faster = page.getByRole('button', { name: 'Faster' });
  for (let i = 0; i < 3 && (await faster.isEnabled()); i++) await faster.click();
  const play = page.getByRole('button', { name: /^Play/ });
  if (await play.isVisible()) await play.click();
}

/** Reveals the step's hints up to Show me / Skip step (idle time may have shown some already). */
async function revealAllHints(page: Page): Promise<void> {
  const showMe = page.getByRole('button', { name: 'Show me' });
  for (let i = 0; i < 5 && !(await showMe.isVisible()); i++)
    await page.getByRole('button', { name: /^(Hint|Next hint)$/ }).click();
  await expect(showMe).toBeVisible();
}

const goalsRegion = (page: Page) => page.getByRole('region', { name: /^Goals/ });

test('db-cache lesson: opens paused, idling meets nothing; every goal through the UI, quiz, reload, step back, share link', async ({
  page,
  browser,
}) => {
  await openLesson(page, 'Database cache', LESSON, SLOW.timeout);
  // Paused on step 1 with its text: nothing happens until the student starts it.
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'A cold cache misses' })).toBeVisible();
  const atOpen = await readStats(page);
  await page.waitForTimeout(30_000);
  expect(await readStats(page)).toEqual(atOpen);
  await expect(goalsRegion(page)).toContainText('0 of 10 done');
  // Idle: the first hint is a question, then the procedure; the target picture waits beside it.
  await expect(page.getByTestId('hints')).toContainText('Think first:');
  await expect(page.getByTestId('goal-target')).toContainText('CacheMisses');
  await expectNoAxeViolations(page);

  // 1. A cold cache misses.
  await runAhead(page, 1);
  await expectGoalDone(page);
  await expect(page.getByTestId('machine-request-state')).not.toHaveText('none yet');
  await nextStep(page, 'The warm-up curve', '01-cold-miss');

  // 2. Warm-up: the hit ratio climbs past 80 %.
  await runAhead(page, 5);
  await runAhead(page, 5);
  await expectGoalDone(page);
  await nextStep(page, 'Lazy loading serves stale data', '02-warm-up');

  // 3. Change product 1 behind the cache's back; a read of product 1 is stale (seen playing).
  await expect(page.getByTestId('goal-target')).toContainText('Update a product in the database');
  await page.getByRole('button', { name: 'Update this product in the database' }).click();
  await expect(page.getByTestId('goal-target')).toContainText(
    'stale read of the product you updated',
  );
  await playFast(page);
  await expectGoalDone(page);
  await pause(page);
  await nextStep(page, 'A TTL set late', '03-stale-read');

  // 4. A TTL set late: new keys expire; the correction box says what the notes got wrong.
  const box = page.getByRole('complementary', { name: 'Course notes correction' });
  await expect(box).toContainText('In fact:');
  await expect(box).not.toContainText('Outdated');
  await page.getByLabel('TTL', { exact: true }).fill('5');
  await page.getByRole('button', { name: /^Apply TTL/ }).click();
  await runAhead(page, 5);
  await runAhead(page, 5);
  await expectGoalDone(page);
  await expect(page.locator('.lesson-explanation')).toContainText('never expires');
  await nextStep(page, 'Flush, then every key has a TTL', '04-ttl');

  // 5. FLUSHALL in the Redis console: every key comes back with the TTL; staleness is bounded.
  const consoles = page.getByRole('region', { name: 'Consoles' });
  const redis = consoles.getByRole('textbox', { name: /Redis command/ });
  await redis.fill('FLUSHALL');
  await redis.press('Enter');
  await expect(consoles.getByRole('log', { name: 'Redis console output' })).toContainText(
    'OK',
    SLOW,
  );
  await runAhead(page, 5);
  await expect(page.getByTestId('goal-target')).toContainText('Stale read rate');
  for (let i = 0; i < 2; i++) await runAhead(page, 5);
  await expectGoalDone(page);
  await nextStep(page, 'Invalidate on write', '05-ttl-flush');

  // 6. Invalidate on write: the app DELs keys it writes (seen in the trace while playing).
  await page.getByLabel('Invalidate on write (DEL the key)').check();
  await playFast(page);
  await expectGoalDone(page);
  await pause(page);
  await nextStep(page, 'Write-through: fresh, but churn', '06-invalidate');

  // 7. Write-through churns unread keys.
  await setStrategy(page, 'write-through');
  await runAhead(page, 5);
  await expectGoalDone(page);
  await nextStep(page, 'A full cache evicts — or refuses writes', '07-write-through');

  // 8. A full node: keys with the TTL are evicted; refused writes have their own metric.
  await expect(page.getByRole('region', { name: /Metrics/ })).toContainText('Cache write errors');
  await page.getByLabel(/^maxmemory \(simulator shortcut/).fill('1');
  await page.getByRole('button', { name: /^Apply memory settings/ }).click();
  await runAhead(page, 5);
  await expectGoalDone(page);
  await nextStep(page, 'Losing the node under lazy loading', '08-eviction');

  // 9. Replace the node under lazy loading: a miss storm, then the hit ratio recovers.
  await setStrategy(page, 'lazy');
  await page.getByLabel(/^maxmemory \(simulator shortcut/).fill('8');
  await page.getByRole('button', { name: /^Apply memory settings/ }).click();
  await page.getByRole('button', { name: 'Replace cache node' }).click();
  await runAhead(page, 5);
  await runAhead(page, 5);
  await expectGoalDone(page);
  await nextStep(page, 'Losing the node under write-through', '09-replace-lazy');

  // 10. Under write-through the data stays missing after a replacement for 10 s in a row.
  await setStrategy(page, 'write-through');
  await page.getByRole('button', { name: 'Replace cache node' }).click();
  for (let i = 0; i < 3; i++) await runAhead(page, 5);
  await expectGoalDone(page);
  await snap(page, '10-replace-write-through');
  await expect(goalsRegion(page)).toContainText('10 of 10 done');

  // Quiz: a wrong answer shows why it is wrong and can be retried; then a prediction runs in a
  // copy of the simulation, leaving the lesson's own run (its trace hash) unchanged.
  await pause(page);
  const exam = page.locator('[data-quiz="exam-invalidation"]');
  await exam.getByLabel(/never runs out of memory/).check();
  await exam.getByRole('button', { name: 'Check answer' }).click();
  await expect(exam).toContainText('✗ Not quite.');
  await expect(exam).toContainText('Why not: Running out of memory is handled by eviction');
  await exam.getByRole('button', { name: 'Try again' }).click();
  await exam.getByLabel(/see the current rows/).check();
  await exam.getByRole('button', { name: 'Check answer' }).click();
  await expect(exam).toContainText('✓ Correct.');
  const beforePrediction = await readStats(page);
  const predict = page.locator('[data-quiz="predict-ttl"]');
  await predict.getByLabel(/New keys expire/).check();
  await predict.getByRole('button', { name: 'Lock in prediction and run' }).click();
  const table = predict.getByRole('table', { name: /What a copy of your simulation showed/ });
  await expect(table).toBeVisible(SLOW);
  await expect(table.getByRole('columnheader')).toHaveText(['Metric', 'Last 10 s', 'Next 10 s']);
  expect(await readStats(page)).toEqual(beforePrediction);
  await expect(page.getByTestId('quiz-score')).toContainText('2 of 9 right');
  await snap(page, '11-quiz');
  await expectNoAxeViolations(page);

  // Reload: goals, step and quiz answers are kept, and the simulation is rebuilt.
  await pause(page);
  const beforeReload = await readStats(page);
  await page.reload();
  await openLesson(page, 'Database cache', LESSON, SLOW.timeout);
  await expect(goalsRegion(page)).toContainText('10 of 10 done');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Losing the node under write-through' }),
  ).toBeVisible();
  await expect(page.getByTestId('quiz-score')).toContainText('2 of 9 right');
  expect((await readStats(page)).hash).toBe(beforeReload.hash);
  await snap(page, '12-after-reload');

  // Step back: the last action is undone.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByText(/Stepped back/)).toBeVisible(SLOW);
  await expect(page.getByRole('button', { name: 'Step back' })).toBeEnabled(SLOW);
  await pause(page);
  await snap(page, '13-step-back');

  // Share: a fresh browser (no saved progress) opening the link reaches the same trace.
  const here = await readStats(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#\/learn\/db-cache\?seed=7&share=1\.[0-9a-f]{8}\./);
  const other = await browser.newContext();
  const p2 = await other.newPage();
  const errors: string[] = [];
  p2.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openLesson(p2, 'Database cache', link, SLOW.timeout);
  expect((await readStats(p2)).hash).toBe(here.hash);
  await snap(p2, '14-shared-link');

  // A tampered link is refused with a clear message, and nothing from it is loaded.
  await p2.goto(link.replace(/share=1\.[0-9a-f]{8}/, 'share=1.00000000'));
  await p2.reload();
  await expect(p2.getByRole('alert').filter({ hasText: 'checksum does not match' })).toBeVisible(
    SLOW,
  );
  await expect(
    p2.getByRole('alert').filter({ hasText: 'Nothing from it was loaded' }),
  ).toBeVisible();
  await snap(p2, '15-tampered-link');
  await other.close();
  expect(errors).toEqual([]);
});

test('later goals are not met early; hints end in Show me and Skip step', async ({ page }) => {
  await openLesson(page, 'Database cache', `./#/learn/db-cache?seed=${SEED + 1}`, SLOW.timeout);
  // Hints (on request, or already shown when idle): a question, then the procedure, then Show me
  // (which plays step 1).
  await revealAllHints(page);
  await expect(page.getByTestId('hints')).toContainText('Think first:');
  await page.getByRole('button', { name: 'Show me' }).click();
  await expectGoalDone(page);
  await pause(page);
  await nextStep(page, 'The warm-up curve', 'free-01-show-me');

  // Skip step: on to the next one, the skipped goal left undone.
  await revealAllHints(page);
  await page.getByRole('button', { name: 'Skip step' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Lazy loading serves stale data' }),
  ).toBeVisible();
  await expect(page.locator('[data-goal="warm-up"]')).toHaveAttribute('data-state', 'to do');

  // Doing what later steps ask before their step counts for nothing there.
  await page.getByRole('button', { name: 'Replace cache node' }).click();
  await runAhead(page, 5);
  await runAhead(page, 5);
  await setStrategy(page, 'write-through');
  await page.getByRole('button', { name: 'Replace cache node' }).click();
  await runAhead(page, 5);
  for (const id of ['replace-lazy', 'replace-write-through', 'ttl', 'eviction'])
    await expect(page.locator(`[data-goal="${id}"]`)).toHaveAttribute('data-state', 'to do');
  await expect(goalsRegion(page)).toContainText('1 of 10 done');
  await snap(page, 'free-later-goals-wait');
});

test('experiment: 1M requests per strategy with progress, then charts', async ({ page }) => {
  // Instructor mode's lesson view shows the experiment without working through the steps first.
  await page.goto(`./#/present/db-cache?view=lesson&seed=${SEED}`);
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  const experiment = page.getByRole('region', { name: /^Experiment/ });
  await experiment.getByRole('button', { name: /^Run 1,000,000 requests per strategy/ }).click();
  await expect(experiment.getByRole('progressbar')).toBeVisible();
  await expect(experiment.getByTestId('experiment-charts')).toBeVisible({ timeout: 240_000 });
  await expect(
    experiment.getByRole('img', { name: /Cache hit ratio over requests/ }),
  ).toBeVisible();
  await snap(page, '15-experiment');
  await expectNoAxeViolations(page);
});

test('present mode: larger type, jump to a step, reveal an answer; embed mode is minimal', async ({
  page,
}) => {
  await page.goto(`./#/present/db-cache?view=lesson&seed=${SEED}`);
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  await page
    .getByRole('region', { name: /^Goals/ })
    .getByRole('button', { name: /A full cache evicts/ })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'A full cache evicts — or refuses writes' }),
  ).toBeVisible();
  const item = page.locator('[data-quiz="default-policy"]');
  await item.getByRole('button', { name: 'Reveal answer' }).click();
  await expect(item).toContainText('volatile-* policies only evict keys that have an expiry');
  await snap(page, 'present-mode');
  await expectNoAxeViolations(page);

  await page.goto(`./#/embed/db-cache?seed=${SEED}`);
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  await expect(page.getByRole('region', { name: 'Simulation' })).toHaveCount(0);
  await snap(page, 'embed-mode');
  await expectNoAxeViolations(page);
});
