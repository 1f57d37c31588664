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
  setSpeed,
} from './fixtures';

/**
 * The multi-AZ failover lesson through the UI only (src/scenarios/multi-az-failover): every
 * goal, faults from the canvas (TestFailover, reboot and crash in a node's panel), the failover
 * statechart and AWS's event texts while it plays, the outcome numbers, a prediction, axe.
 */

const goal = (page: Page, id: string) => page.locator(`[data-goal="${id}"]`);

async function fastForwardUntilDone(page: Page, id: string, max = 6): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await goal(page, id).getAttribute('data-state')) === 'done') return;
    await fastForward(page);
  }
  await expect(goal(page, id)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Next step/ }).click();
}

const NODES = ['orders-001', 'orders-002', 'orders-003'];

/** Opens a cache node's panel on the canvas. */
async function panelOf(page: Page, id: string) {
  await page.locator(`svg.topology [data-node="${id}"]`).click();
  const panel = page.getByRole('region', { name: id, exact: true });
  await expect(panel).toBeVisible();
  return panel;
}

/** The node that is primary now, read from each node's panel on the canvas. */
async function currentPrimary(page: Page): Promise<string> {
  for (const id of NODES) {
    const panel = await panelOf(page, id);
    const state = await panel.getByTestId('node-panel-state').innerText();
    await panel.getByRole('button', { name: /^Close/ }).click();
    if (/\bprimary,/.test(state)) return id;
  }
  throw new Error('no primary');
}

/** Applies a fault from a node's panel on the canvas. */
async function fault(page: Page, id: string, label: string): Promise<void> {
  const panel = await panelOf(page, id);
  await panel.getByRole('button', { name: label, exact: true }).click();
  await expect(
    panel.getByRole('group', { name: 'Faults and operations' }).getByRole('status'),
  ).toContainText(`${label}: done`);
  await panel.getByRole('button', { name: /^Close/ }).click();
}

const eventLog = (page: Page) => page.getByRole('list', { name: 'Event log' });

test('multi-az-failover: every goal through the UI, faults from the canvas, outcome numbers, axe', async ({
  page,
}) => {
  test.setTimeout(1_500_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLesson(page, 'Multi-AZ failover', './#/learn/multi-az-failover?seed=42');
  // Opens paused on step 1; the picture leads: canvas, step text and Play without scrolling.
  await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
  expect(simSeconds((await readStats(page)).time)).toBe(0);
  await expect(page.locator('svg.topology')).toBeInViewport();
  await expect(page.getByText(/One primary, two replicas, three AZs/).first()).toBeInViewport();
  await expect(page.getByRole('button', { name: /^Play/ })).toBeInViewport();
  await expectNoAxeViolations(page);
  await snap(page, '00-opened');

  // 1. Replication: play at 1 s/s and watch the replicas serve reads.
  await setSpeed(page, '1 s/s');
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(goal(page, 'replication')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  await pause(page);
  expect(await metric(page, 'ReplicaReads')).toBeGreaterThanOrEqual(100);
  await snap(page, '01-replication');

  // The prediction before the failover runs in a copy of the simulation.
  const before = await readStats(page);
  const predict = page.locator('[data-quiz="predict-failover-writes"]');
  await predict.getByLabel(/Far fewer/).check();
  await predict.getByRole('button', { name: 'Lock in prediction and run' }).click();
  await expect(
    predict.getByRole('table', { name: /What a copy of your simulation showed/ }),
  ).toBeVisible({ timeout: 120_000 });
  expect(await readStats(page)).toEqual(before);
  await next(page);

  // 2. TestFailover from the primary's panel on the canvas; play to watch the statechart and
  // AWS's events, then run ahead until the group has recovered.
  await fault(page, 'orders-001', 'Test failover');
  await setSpeed(page, '10 s/s');
  await page.getByRole('button', { name: /^Play/ }).click();
  await expect(
    eventLog(page)
      .getByText(/Test Failover API called for node group 0001/)
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    eventLog(page)
      .getByText(/Failover from primary node orders-001 to replica node orders-00[23] completed/)
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('machine-failover-state')).toHaveText(/recovering/i);
  await snap(page, '02-failover-promoted');
  await pause(page);
  await fastForwardUntilDone(page, 'test-failover');
  expect(await metric(page, 'SecondsWithoutWrites')).toBeGreaterThanOrEqual(7);
  expect(await metric(page, 'RecoverySeconds')).toBeGreaterThan(180);
  expect(await metric(page, 'Failovers')).toBe(1);
  const lostAfterTest = await metric(page, 'AckedWritesLost');
  await expect(page.getByTestId('metric-AckedWritesLost')).toBeVisible();
  await snap(page, '03-test-failover-recovered');
  await next(page);

  // 3. WAIT 1 on, then fail the primary (the lesson's button): no acknowledged write lost.
  await page.getByLabel('WAIT 1 after writes').check();
  await fastForward(page, '10 s');
  const lostBeforeCrash = await metric(page, 'AckedWritesLost');
  expect(lostBeforeCrash).toBe(lostAfterTest);
  await page.getByRole('button', { name: 'Fail the primary', exact: true }).click();
  await fastForwardUntilDone(page, 'wait');
  expect(await metric(page, 'AckedWritesLost')).toBe(lostBeforeCrash);
  await snap(page, '04-wait');
  await next(page);

  // 4. WAIT off, reboot the primary from its panel: no failover, the replicas reload.
  await page.getByLabel('WAIT 1 after writes').uncheck();
  const failovers = await metric(page, 'Failovers');
  await fault(page, await currentPrimary(page), 'Reboot a node');
  await fastForwardUntilDone(page, 'reboot');
  expect(await metric(page, 'Failovers')).toBe(failovers);
  expect(await metric(page, 'SecondsWithoutWrites')).toBeGreaterThanOrEqual(30);
  await snap(page, '05-reboot');
  await next(page);

  // 5. Partition the primary's AZ: stale reads, no failover.
  const stale = await metric(page, 'StaleReplicaReads');
  await page.getByRole('button', { name: 'Partition the primary’s AZ' }).click();
  await fastForward(page, '10 s');
  await expect(goal(page, 'partition')).toHaveAttribute('data-state', 'done', {
    timeout: 120_000,
  });
  expect(await metric(page, 'StaleReplicaReads')).toBeGreaterThanOrEqual(stale + 50);
  await snap(page, '06-partition');
  await next(page);

  // 6. Heal, Multi-AZ off, crash the primary from its panel: minutes without writes.
  await page.getByRole('button', { name: 'Heal the partition' }).click();
  await page.getByLabel('Multi-AZ', { exact: true }).uncheck();
  await fault(page, await currentPrimary(page), 'Crash a node');
  await fastForwardUntilDone(page, 'multi-az-off');
  expect(await metric(page, 'SecondsWithoutWrites')).toBeGreaterThanOrEqual(60);
  await snap(page, '07-multi-az-off');
  await expectNoAxeViolations(page);
  await next(page);

  // 7. No replicas (Multi-AZ is off): the picture follows the group's new shape; a failed
  // primary comes back empty.
  const replicas = page.getByLabel('Replicas', { exact: true });
  const recreate = page.getByRole('button', { name: /^Recreate the group/ });
  await replicas.fill('0');
  await recreate.click();
  await expect(page.getByText(/Applied: /).first()).toBeVisible();
  await expect(page.locator('svg.topology [data-node="orders-002"]')).toHaveCount(0);
  await expect(page.locator('svg.topology [data-node="orders-001"]')).toHaveCount(1);
  await fastForward(page);
  expect(await metric(page, 'CurrItems')).toBeGreaterThan(100);
  await page.getByRole('button', { name: 'Fail the primary', exact: true }).click();
  await fastForwardUntilDone(page, 'no-replicas');
  await snap(page, '08-no-replicas');
  await next(page);

  // 8. Multi-AZ needs a replica: refused by name until there is one. Then 2 replicas all in the
  // primary's AZ, Multi-AZ on, and the AZ outage from a node's panel takes the whole group.
  await page.getByLabel('Multi-AZ', { exact: true }).check();
  await expect(
    page.getByText(/Multi-AZ with automatic failover needs at least 1 replica per shard/).first(),
  ).toBeVisible();
  await replicas.fill('2');
  await page.getByLabel('Placement').selectOption('one-az');
  await recreate.click();
  await expect(page.locator('svg.topology [data-node="orders-003"]')).toHaveCount(1);
  // The refused attempt may have left the box ticked: apply off, then on.
  const multiAz = page.getByLabel('Multi-AZ', { exact: true });
  await multiAz.uncheck();
  await multiAz.check();
  await expect(page.getByText(/Applied: Multi-AZ/).first()).toBeVisible();
  await snap(page, '09-one-az');
  await fault(page, 'orders-002', 'AZ outage: us-east-1a');
  await fastForwardUntilDone(page, 'one-az');
  expect(await metric(page, 'NodesUp')).toBe(0);
  expect(await metric(page, 'Failovers')).toBe(0);
  await snap(page, '10-one-az-outage');
  await expectNoAxeViolations(page);

  // The phone layout.
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, '08-phone');
  await expectNoAxeViolations(page);
});
