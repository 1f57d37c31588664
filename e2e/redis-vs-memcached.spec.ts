import type { Locator, Page } from '@playwright/test';
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
  setSpeed,
} from './fixtures';

/**
 * The Redis-vs-Memcached lesson through the UI only (src/scenarios/redis-vs-memcached): every
 * experiment from its button, form or a node's panel on the canvas, the comparison table
 * filled with measured figures (each with its run) that change when the workload changes, a
 * prediction, a requirement card, axe, and the first screen at 1280 × 720.
 */

const open = (page: Page) =>
  openLesson(page, 'Redis vs Memcached', './#/learn/redis-vs-memcached?seed=42');

const goal = (page: Page, id: string) => page.locator(`[data-goal="${id}"]`);

/** Plays until the step's goal is met, then pauses. */
async function playUntilDone(page: Page, id: string): Promise<void> {
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(goal(page, id)).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await pause(page);
}

async function fastForwardUntilDone(page: Page, id: string, max = 4): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await goal(page, id).getAttribute('data-state')) === 'done') return;
    await fastForward(page);
  }
  await expect(goal(page, id)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Next step/ }).click();
}

/** A comparison-table cell (column 0 = Valkey, 1 = Memcached) once it is filled. */
async function cell(page: Page, row: string, column: 0 | 1): Promise<string> {
  const td = page.getByTestId(`compare-${row}-${column}`);
  await expect(td).toHaveAttribute('data-filled', 'yes', { timeout: 60_000 });
  return td.innerText();
}

/** The numbers in a cell's text, in order (thousands separators dropped). */
const numbers = (text: string): number[] =>
  [...text.replace(/(\d),(\d)/g, '$1$2').matchAll(/\d+(\.\d+)?/g)].map((m) => Number(m[0]));

const runOf = (text: string): number => Number(/run (\d+)/.exec(text)![1]);

test('redis-vs-memcached: every experiment through the UI fills the table with measured figures', async ({
  page,
}) => {
  test.setTimeout(900_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  // Opens paused on step 1; the picture leads: canvas, step text and Play without scrolling.
  expect(simSeconds((await readStats(page)).time)).toBe(0);
  await expect(page.locator('svg.topology')).toBeInViewport();
  await expect(page.getByText(/One workload, two caches/).first()).toBeInViewport();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeInViewport();
  // Nothing measured yet.
  await expect(page.getByTestId('compare-node-loss-1')).toHaveAttribute('data-filled', 'no');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath('00-first-screen-1280x720.png') });
  await snap(page, '00-opened');

  // 1. Both caches answer the same reads.
  await setSpeed(page, '1 s/s');
  await playUntilDone(page, 'same-workload');
  expect(await metric(page, 'McHits')).toBeGreaterThanOrEqual(300);
  expect(await metric(page, 'RedisHits')).toBeGreaterThanOrEqual(300);
  expect(await metric(page, 'McDatabaseReads')).toBe(0);
  await next(page);

  // 2. The leaderboard from its form: fewer round trips and bytes with the sorted set.
  const form = page.getByRole('group', { name: 'Leaderboard' });
  await form.getByRole('button', { name: 'Run the leaderboard' }).click();
  await playUntilDone(page, 'leaderboard');
  const trips = [
    await cell(page, 'leaderboard-trips', 0),
    await cell(page, 'leaderboard-trips', 1),
  ];
  const [redisTrips, updates] = numbers(trips[0]!);
  const [mcTrips, , conflicts] = numbers(trips[1]!);
  expect(updates).toBe(200);
  expect(redisTrips).toBe(201);
  expect(mcTrips).toBe(2 * 200 + 2 * conflicts! + 1);
  const bytes = [
    await cell(page, 'leaderboard-bytes', 0),
    await cell(page, 'leaderboard-bytes', 1),
  ];
  expect(numbers(bytes[0]!)[0]!).toBeLessThan(numbers(bytes[1]!)[0]!);
  expect(bytes[1]).toContain('boards agree');
  // A requirement card, answered with the row in view.
  const card = page.locator('[data-quiz="card-leaderboard"]');
  await card.getByLabel('Valkey / Redis OSS').check();
  await card.getByRole('button', { name: 'Check answer' }).click();
  await expect(card.getByText(/ZINCRBY is one small round trip/)).toBeVisible();
  // More players: the list grows, and so do Memcached's bytes per update; Valkey's do not.
  await form.getByLabel('Players').fill('200');
  await form.getByRole('button', { name: 'Run the leaderboard' }).click();
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect
    .poll(async () => runOf(await cell(page, 'leaderboard-bytes', 1)), { timeout: 60_000 })
    .toBeGreaterThan(runOf(bytes[1]!));
  await pause(page);
  const moreBytes = await cell(page, 'leaderboard-bytes', 1);
  expect(numbers(moreBytes)[0]!).toBeGreaterThan(2 * numbers(bytes[1]!)[0]!);
  await snap(page, '01-leaderboard');

  // The prediction before the node kill runs in a copy of the simulation.
  const before = await readStats(page);
  const predict = page.locator('[data-quiz="predict-node-loss"]');
  await predict.getByLabel(/Many more/).check();
  await predict.getByRole('button', { name: 'Lock in prediction and run' }).click();
  await expect(
    predict.getByRole('table', { name: /What a copy of your simulation showed/ }),
  ).toBeVisible({ timeout: 120_000 });
  expect(await readStats(page)).toEqual(before);
  await next(page);

  // 3. Kill a Memcached node: about a third of the keys lost, a miss storm on that side only.
  await page.getByRole('button', { name: 'Kill a Memcached node', exact: true }).click();
  await playUntilDone(page, 'kill-memcached');
  const lost = await cell(page, 'node-loss', 1);
  const [lostPct, lostKeys, keysBefore] = numbers(lost);
  expect(Math.abs(lostPct! - 100 / 3)).toBeLessThan(5);
  expect(keysBefore).toBeGreaterThanOrEqual(3000);
  expect(lostKeys).toBeGreaterThan(800);
  expect(await cell(page, 'remap', 1)).toMatch(
    /exactly the lost keys; 0 of the other nodes’ keys moved/,
  );
  expect(await metric(page, 'McDatabaseReads')).toBeGreaterThanOrEqual(200);
  expect(await metric(page, 'RedisDatabaseReads')).toBe(0);
  await snap(page, '02-kill-memcached');
  await next(page);

  // 4. Kill the Valkey primary: the replica is promoted with every replicated key.
  await setSpeed(page, '10 s/s');
  await page.getByRole('button', { name: 'Kill the Valkey primary', exact: true }).click();
  await playUntilDone(page, 'kill-valkey');
  const valkeyLoss = await cell(page, 'node-loss', 0);
  expect(valkeyLoss).toMatch(/^0 of [\d,]+ replicated keys lost/);
  expect(numbers(valkeyLoss)[1]!).toBeGreaterThanOrEqual(3000);
  await snap(page, '03-kill-valkey');
  await next(page);

  // 5. Restore Valkey from a snapshot; reboot a Memcached node from its panel on the canvas.
  await page.getByRole('button', { name: 'Back up Valkey and restore', exact: true }).click();
  await page.locator('svg.topology [data-node="mc-0001"]').click();
  const panel = page.getByRole('region', { name: 'mc-0001', exact: true });
  await panel.getByRole('button', { name: 'Reboot a node', exact: true }).click();
  await expect(
    panel.getByRole('group', { name: 'Faults and operations' }).getByRole('status'),
  ).toContainText('Reboot a node: done');
  await panel.getByRole('button', { name: /^Close/ }).click();
  await fastForwardUntilDone(page, 'restore');
  const restored = await cell(page, 'restore', 0);
  const [got, had] = numbers(restored);
  expect(got).toBe(had);
  expect(had).toBeGreaterThanOrEqual(3000);
  expect(await cell(page, 'restore', 1)).toMatch(/^0 keys when back \(held [\d,]+ before\)/);
  await snap(page, '04-restore');
  await next(page);

  // 6. Add a Memcached node: the ring moves about a quarter, hash mod N about three quarters;
  // add a Valkey shard (cluster mode enabled): a third of the slots move with their keys.
  await page.getByRole('button', { name: 'Add a Memcached node', exact: true }).click();
  await page.getByRole('button', { name: 'Add a Valkey shard', exact: true }).click();
  await fastForwardUntilDone(page, 'scale-out');
  const shard = await cell(page, 'scale-out', 0);
  expect(shard).toMatch(
    /^cluster mode enabled, 2 → 3 shards: 5,461 of 16,384 slots \(33\.3 %\) moved/,
  );
  expect(shard).toMatch(/; 0 keys lost/);
  const [, , , , , keysMoved, keysHeld] = numbers(shard);
  expect(keysHeld).toBeGreaterThanOrEqual(3000);
  expect(Math.abs((100 * keysMoved!) / keysHeld! - 100 / 3)).toBeLessThan(5);
  const scale = await cell(page, 'scale-out', 1);
  const [ring, modulo, keys] = numbers(scale);
  expect(Math.abs(ring! - 25)).toBeLessThan(5);
  expect(Math.abs(modulo! - 75)).toBeLessThan(5);

  // The workload changes (more keys, more requests): measured again, the figures follow.
  const workload = page.getByRole('group', { name: 'The app’s workload' });
  await workload.getByLabel('Keys').fill('8000');
  await workload.getByLabel('Requests/s per app').fill('400');
  await workload.getByRole('button', { name: 'Apply workload' }).click();
  await fastForward(page);
  await page.getByRole('button', { name: 'Add a Memcached node', exact: true }).click();
  await expect
    .poll(async () => runOf(await cell(page, 'scale-out', 1)), { timeout: 30_000 })
    .toBeGreaterThan(runOf(scale));
  const rescaled = numbers(await cell(page, 'scale-out', 1));
  expect(rescaled[2]!).toBeGreaterThan(keys!);
  // …and a second snapshot restore holds the new keys too.
  await page.getByRole('button', { name: 'Back up Valkey and restore', exact: true }).click();
  await expect
    .poll(async () => runOf(await cell(page, 'restore', 0)), { timeout: 30_000 })
    .toBeGreaterThan(runOf(restored));
  const [got2, had2] = numbers(await cell(page, 'restore', 0));
  expect(got2).toBe(had2);
  expect(had2).toBeGreaterThan(had!);
  await next(page);

  // 7. Item size and TTL rules, asked of the engines.
  await page.getByRole('button', { name: 'Test item size and TTL', exact: true }).click();
  await expect(goal(page, 'limits')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(await cell(page, 'item-size', 1)).toMatch(/^1,048,507 bytes: the 1 MB default item limit/);
  expect(await cell(page, 'item-size', 0)).toMatch(/^a 2,097,152-byte string stored/);
  expect(await cell(page, 'ttl', 1)).toMatch(/^30 days: kept; 31 days: gone at once/);
  expect(await cell(page, 'ttl', 0)).toMatch(/TTL 2,678,400 s/);

  await next(page);

  // 8. CPU: the same rising load on a 4-vCPU node of each engine, then on 8 vCPUs.
  const ramp = page.getByRole('group', { name: 'CPU ramp' });
  await ramp.getByRole('button', { name: 'Ramp up the load' }).click();
  await playUntilDone(page, 'cpu');
  const redisCpu = await cell(page, 'cpu', 0);
  expect(redisCpu).toMatch(
    /^at 400,000 requests\/s: EngineCPUUtilization 100\.0 %, CPUUtilization \d+\.\d % \(4 vCPUs\); the main thread saturated at [\d,]+ requests\/s/,
  );
  const hostPct = (text: string) =>
    Number(
      /CPUUtilization (\d+\.\d) %/.exec(text.replace(/EngineCPUUtilization [\d.]+ %/, ''))![1],
    );
  expect(hostPct(redisCpu)).toBeLessThan(50);
  const mcCpu = await cell(page, 'cpu', 1);
  expect(mcCpu).toMatch(
    /^at 400,000 requests\/s: CPUUtilization \d+\.\d % — 4 worker threads on 4 vCPUs/,
  );
  expect(hostPct(mcCpu)).toBeGreaterThan(hostPct(redisCpu));
  await ramp.getByLabel('Node type').selectOption('cache.m7g.2xlarge');
  await ramp.getByRole('button', { name: 'Ramp up the load' }).click();
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect
    .poll(async () => runOf(await cell(page, 'cpu', 0)), { timeout: 60_000 })
    .toBeGreaterThan(runOf(redisCpu));
  await pause(page);
  const eight = await cell(page, 'cpu', 0);
  expect(eight).toContain('(8 vCPUs)');
  expect(hostPct(eight)).toBeLessThan(hostPct(redisCpu));
  await snap(page, '06-cpu');

  const table = page.getByRole('region', { name: /Valkey vs Memcached, measured/ });
  await table.scrollIntoViewIfNeeded();
  await table.screenshot({ path: test.info().outputPath('05-table.png') });
  await snap(page, '05-table-filled');
  await expectNoAxeViolations(page);
});

test('redis-vs-memcached consoles: pub/sub, MULTI/EXEC and a sorted set on Valkey; Memcached answers ERROR', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The phone layout: the picture, the step text and Play without scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await expect(page.locator('svg.topology')).toBeInViewport();
  await expect(page.getByText(/One workload, two caches/).first()).toBeInViewport();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('00-first-screen-390x844.png') });

  const panel = page.getByRole('region', { name: 'Consoles' });
  await panel.scrollIntoViewIfNeeded();
  const last = (log: Locator) =>
    log.locator('.console-entry').last().locator('.console-out pre').last();
  const type = async (input: Locator, line: string) => {
    await input.fill(line);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  };
  const redis = panel.getByRole('textbox', { name: /Redis command/ });
  const redisLog = panel.getByRole('log', { name: 'Redis console output' });
  // A transaction: queued, then executed as one.
  await type(redis, 'MULTI');
  await expect(last(redisLog)).toHaveText('OK');
  await type(redis, 'INCR visits');
  await expect(last(redisLog)).toHaveText('QUEUED');
  await type(redis, 'EXEC');
  await expect(last(redisLog)).toHaveText('1) (integer) 1');
  // A rich type: a sorted set, read back in score order.
  await type(redis, 'ZADD board 10 ann 7 bob');
  await expect(last(redisLog)).toHaveText('(integer) 2');
  await type(redis, 'ZREVRANGE board 0 -1 WITHSCORES');
  await expect(last(redisLog)).toHaveText('1) "ann"\n2) "10"\n3) "bob"\n4) "7"');
  // Pub/sub: PUBLISH answers with the subscribers reached; SUBSCRIBE confirms the channel.
  await type(redis, 'PUBLISH news hello');
  await expect(last(redisLog)).toHaveText('(integer) 0');
  await type(redis, 'SUBSCRIBE news');
  await expect(last(redisLog)).toHaveText('1) "subscribe"\n2) "news"\n3) (integer) 1');

  // The same ideas on Memcached: its text protocol has none of them — memcached's own ERROR.
  await panel.getByRole('tab', { name: 'Memcached' }).click();
  const mc = panel.getByRole('textbox', { name: /Memcached command/ });
  const mcLog = panel.getByRole('log', { name: 'Memcached console output' });
  for (const line of ['multi', 'zadd board 10 ann', 'publish news hello', 'subscribe news']) {
    await type(mc, line);
    await expect(last(mcLog)).toHaveText('ERROR');
    await expect(mcLog.locator('.console-entry').last().locator('.console-error')).toBeVisible();
  }
  // …while plain keys work: the warm cache's hottest key is there.
  await type(mc, 'get item:0');
  await expect(last(mcLog)).toContainText('VALUE item:0 0 200');
  await expectNoAxeViolations(page);
  await snap(page, '07-consoles');
});
