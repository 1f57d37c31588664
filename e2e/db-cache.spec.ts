import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, readStats, snap } from './fixtures';

/**
 * The db-cache lesson through the UI only: every goal, a quiz item and a prediction, reload,
 * step back, a share link opened in a fresh browser context (same trace hash), an experiment.
 */
const SEED = 7;
const LESSON = `./#/learn/db-cache?seed=${SEED}`;
// Fast-forwarding seconds of traffic through the real Redis engine and PGlite takes a while.
const SLOW = { timeout: 180_000 };

test.describe.configure({ timeout: 1_200_000 });

async function openLesson(page: Page, url = LESSON): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Database cache' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  await expect(page.getByText('Rebuilding your simulation')).toHaveCount(0, SLOW);
}

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
  await expect.poll(() => virtualSeconds(page), SLOW).toBeGreaterThanOrEqual(before + seconds);
  // The playback controls are disabled while a fast-forward runs.
  await expect(page.getByRole('button', { name: /^Fast-forward/ })).toBeEnabled(SLOW);
}

async function nextStep(page: Page, title: string, shot: string): Promise<void> {
  await snap(page, shot);
  await page.getByRole('button', { name: /^(Next step|Finish lesson)/ }).click();
  if (title) await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** A goal in the goal list is done (goals met out of order count too). */
async function expectGoalListed(page: Page, goalId: string): Promise<void> {
  await expect(page.locator(`[data-goal="${goalId}"]`)).toHaveAttribute('data-state', 'done', SLOW);
}

async function setStrategy(page: Page, value: 'lazy' | 'write-through'): Promise<void> {
  await page.getByLabel('Strategy', { exact: true }).selectOption(value);
  await expect(
    page.getByRole('status').filter({ hasText: 'Applied: Caching strategy.' }),
  ).toBeVisible();
}

async function pause(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: /^Pause/ });
  if (await button.isVisible()) await button.click();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
}

test('db-cache lesson: goals 1–6 through the UI, quiz, reload, step back, share link', async ({
  page,
  browser,
}) => {
  await openLesson(page);
  await expectNoAxeViolations(page);

  // 1. A cold cache misses.
  await expect(page.getByRole('heading', { level: 2, name: 'A cold cache misses' })).toBeVisible();
  await runAhead(page, 1);
  await expectGoalDone(page);
  await expect(page.getByTestId('machine-request-state')).not.toHaveText('none yet');
  await nextStep(page, 'The warm-up curve', '01-cold-miss');

  // 2. Warm-up: the hit ratio climbs past 80 %.
  await runAhead(page, 5);
  await runAhead(page, 5);
  await expectGoalDone(page);
  await nextStep(page, 'Lazy loading serves stale data', '02-warm-up');

  // 3. Change product 1 behind the cache's back: stale reads.
  await page.getByRole('button', { name: 'Update this product in the database' }).click();
  await runAhead(page, 1);
  await expectGoalDone(page);
  await nextStep(page, 'Invalidate on write', '03-stale-read');

  // 4. Invalidate on write: the app DELs keys it writes (seen in the trace while playing).
  await page.getByLabel('Invalidate on write (DEL the key)').check();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Faster' }).click();
  const play = page.getByRole('button', { name: /^Play/ });
  if (await play.isVisible()) await play.click();
  await expectGoalDone(page);
  await nextStep(page, 'TTL bounds staleness', '04-invalidate');

  // 5. TTL: keys expire.
  await page.getByLabel('TTL', { exact: true }).fill('5');
  await page.getByRole('button', { name: /^Apply TTL/ }).click();
  await runAhead(page, 5);
  await runAhead(page, 1);
  await expectGoalDone(page);
  await nextStep(page, 'Write-through: fresh, but churn', '05-ttl');

  // 6. Write-through churns unread keys.
  await setStrategy(page, 'write-through');
  await runAhead(page, 5);
  await expectGoalDone(page);
  await nextStep(page, 'A full cache evicts', '06-write-through');
  await expect(page.getByRole('region', { name: /^Goals/ })).toContainText('6 of 9 done');

  // Quiz: a multiple-choice item, then a prediction answered before the simulator shows it.
  const exam = page.locator('[data-quiz="exam-invalidation"]');
  await exam.getByLabel(/serves current data/).check();
  await exam.getByRole('button', { name: 'Check answer' }).click();
  await expect(exam).toContainText('✓ Correct.');
  const predict = page.locator('[data-quiz="predict-ttl"]');
  await predict.getByLabel(/Keys start expiring/).check();
  await predict.getByRole('button', { name: 'Lock in prediction and run' }).click();
  await expect(predict.getByRole('table', { name: 'What the simulator showed' })).toBeVisible(SLOW);
  await expect(page.getByTestId('quiz-score')).toContainText('2 of 10 right');
  await snap(page, '10-quiz');
  await expectNoAxeViolations(page);

  // Reload: goals, step and quiz answers are kept, and the simulation is rebuilt.
  await pause(page);
  const beforeReload = await readStats(page);
  await page.reload();
  await openLesson(page);
  await expect(page.getByRole('region', { name: /^Goals/ })).toContainText('6 of 9 done');
  await expect(page.getByRole('heading', { level: 2, name: 'A full cache evicts' })).toBeVisible();
  await expect(page.getByTestId('quiz-score')).toContainText('2 of 10 right');
  expect((await readStats(page)).hash).toBe(beforeReload.hash);
  await snap(page, '11-after-reload');

  // Step back: the last action (the prediction's TTL change) is undone.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByText(/Stepped back/)).toBeVisible(SLOW);
  await expect(page.getByRole('button', { name: 'Step back' })).toBeEnabled(SLOW);
  await pause(page);
  await snap(page, '12-step-back');

  // Share: a fresh browser (no saved progress) opening the link reaches the same trace.
  const here = await readStats(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#\/learn\/db-cache\?seed=7&share=1\.[0-9a-f]{8}\./);
  const other = await browser.newContext();
  const p2 = await other.newPage();
  const errors: string[] = [];
  p2.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openLesson(p2, link);
  expect((await readStats(p2)).hash).toBe(here.hash);
  await snap(p2, '13-shared-link');

  // A tampered link is refused with a clear message, and nothing from it is loaded.
  await p2.goto(link.replace(/share=1\.[0-9a-f]{8}/, 'share=1.00000000'));
  await p2.reload();
  await expect(p2.getByRole('alert').filter({ hasText: 'checksum does not match' })).toBeVisible(
    SLOW,
  );
  await expect(
    p2.getByRole('alert').filter({ hasText: 'Nothing from it was loaded' }),
  ).toBeVisible();
  await snap(p2, '14-tampered-link');
  await other.close();
  expect(errors).toEqual([]);
});

test('eviction and node-loss goals count when met early, in any order', async ({ page }) => {
  // Free exploration: still on step 1, the student does what later steps ask.
  await openLesson(page, `./#/learn/db-cache?seed=${SEED + 1}`);
  await runAhead(page, 5);

  // Replace the node under lazy loading: a miss storm, then the hit ratio recovers.
  await page.getByRole('button', { name: 'Replace cache node' }).click();
  await runAhead(page, 5);
  await expectGoalListed(page, 'replace-lazy');
  await snap(page, 'free-08-replace-lazy');

  // Under write-through the data stays missing after a replacement.
  await setStrategy(page, 'write-through');
  await page.getByRole('button', { name: 'Replace cache node' }).click();
  await runAhead(page, 5);
  await expectGoalListed(page, 'replace-write-through');
  await snap(page, 'free-09-replace-write-through');
  // A full cache evicts (allkeys-lru, 1 MB).
  await page.getByLabel('maxmemory', { exact: true }).fill('1');
  await page.getByLabel('maxmemory-policy').selectOption('allkeys-lru');
  await page.getByRole('button', { name: /^Apply memory settings/ }).click();
  await runAhead(page, 5);
  await expectGoalListed(page, 'eviction');
  await snap(page, 'free-07-eviction');

  // The lesson itself is still on its first step; the later goals wait there, met.
  await expect(page.getByRole('heading', { level: 2, name: 'A cold cache misses' })).toBeVisible();
});

test('experiment: 1M requests per strategy with progress, then charts', async ({ page }) => {
  // Instructor mode shows the experiment without working through the steps first.
  await page.goto(`./#/present/db-cache?seed=${SEED}`);
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
  await page.goto(`./#/present/db-cache?seed=${SEED}`);
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  await page
    .getByRole('region', { name: /^Goals/ })
    .getByRole('button', { name: /A full cache evicts/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'A full cache evicts' })).toBeVisible();
  const item = page.locator('[data-quiz="default-policy"]');
  await item.getByRole('button', { name: 'Reveal answer' }).click();
  await expect(item).toContainText('volatile-* policies only evict keys that have an expiry');
  await snap(page, 'present-mode');
  await expectNoAxeViolations(page);

  await page.goto(`./#/embed/db-cache?seed=${SEED}`);
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  await expect(page.getByRole('region', { name: /Check yourself/ })).toHaveCount(0);
  await snap(page, 'embed-mode');
  await expectNoAxeViolations(page);
});
