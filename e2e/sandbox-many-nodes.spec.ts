import { test, expect, openSandbox, snap } from './fixtures';
import type { Page } from '@playwright/test';

/** Every text the topology draws (not the moving packet labels), with its box on screen. */
async function topologyTexts(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.topology text')]
      .filter((t) => !t.closest('[data-testid="packet"], [data-testid="busy-link"]'))
      .map((t) => {
        const r = t.getBoundingClientRect();
        const node = t.closest('g.node');
        const box = node?.querySelector('rect.node-box')?.getBoundingClientRect() ?? null;
        return {
          text: t.textContent ?? '',
          cls: t.getAttribute('class') ?? '',
          x: r.x,
          y: r.y,
          w: r.width,
          h: r.height,
          fontPx: parseFloat(getComputedStyle(t).fontSize),
          box: box ? { x: box.x, y: box.y, w: box.width, h: box.height } : null,
        };
      }),
  );
}

type Box = { x: number; y: number; w: number; h: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

async function openSystem(page: Page, system: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSandbox(page, `seed=42&play=0&system=${system}`);
}

async function checkLabels(page: Page, expectedNodes: number): Promise<void> {
  const svg = page.locator('svg.topology');
  await expect(svg.locator('g.node')).toHaveCount(expectedNodes);
  const texts = await topologyTexts(page);
  const svgBox = (await svg.boundingBox())!;
  const viewWidth = Number((await svg.getAttribute('viewBox'))!.split(' ')[2]);
  // Fits the 1280-px-wide page: nothing drawn outside the picture.
  expect(svgBox.x + svgBox.width).toBeLessThanOrEqual(1280);
  const problems: string[] = [];
  for (const t of texts) {
    if (t.text.trim() === '') continue;
    // Readable: at least 11 px on screen.
    const px = t.fontPx * (svgBox.width / viewWidth);
    if (px < 11) problems.push(`"${t.text}" is ${px.toFixed(1)} px`);
    // A node's texts stay inside its box.
    if (t.box && (t.x < t.box.x - 1 || t.x + t.w > t.box.x + t.box.w + 1))
      problems.push(`"${t.text}" leaves its node box`);
  }
  const shown = texts.filter((t) => t.text.trim() !== '');
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++)
      if (overlap(shown[i]!, shown[j]!))
        problems.push(`"${shown[i]!.text}" overlaps "${shown[j]!.text}"`);
  expect(problems).toEqual([]);
}

test.describe('sandbox with many nodes (1280×720)', () => {
  test('a 3-AZ replication group: one primary and two replicas, one per AZ, every label readable', async ({
    page,
  }) => {
    await openSystem(page, 'replication-group');
    await expect(page.getByLabel('System')).toHaveValue('sandbox-replication-group');
    for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c'])
      await expect(page.locator('svg.topology')).toContainText(az);
    await checkLabels(page, 3 + 3);
    // Run a little so requests and the replication stream are on the wire, then look again.
    await page.getByRole('button', { name: /^Play/ }).click();
    await page.waitForTimeout(1_500);
    await page.getByRole('button', { name: /^Pause/ }).click();
    await checkLabels(page, 3 + 3);
    await snap(page, 'sandbox-replication-group-1280x720');
    await page.screenshot({
      path: test.info().outputPath('sandbox-replication-group-viewport.png'),
    });
  });

  test('a 5-shard cluster: 15 nodes in shard rows across 3 AZs, every label readable', async ({
    page,
  }) => {
    // Chosen in the page: the link follows the choice.
    await openSystem(page, 'replication-group');
    await page.getByLabel('System').selectOption({ label: 'Cluster, 5 shards' });
    await expect(page).toHaveURL(/system=cluster/);
    await expect(page.locator('svg.topology g.node')).toHaveCount(3 + 15, { timeout: 60_000 });
    await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled({
      timeout: 60_000,
    });
    for (let s = 1; s <= 5; s++)
      await expect(page.locator('svg.topology')).toContainText(`000${s}`);
    await checkLabels(page, 3 + 15);
    await page.getByRole('button', { name: /^Play/ }).click();
    await page.waitForTimeout(1_500);
    await page.getByRole('button', { name: /^Pause/ }).click();
    await checkLabels(page, 3 + 15);
    await snap(page, 'sandbox-cluster-1280x720');
    await page.screenshot({ path: test.info().outputPath('sandbox-cluster-viewport.png') });
  });
});
