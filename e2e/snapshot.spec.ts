import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawRedisConnection, startRealRedis } from '../test/conformance/redis-real-server';
import { expect, openSandbox, test } from './fixtures';

test('a node backup downloads as an .rdb file that a real redis-server loads with the same keys', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openSandbox(page, 'seed=42&play=0&system=replication-group');
  // A minute of traffic fills the group (writes on the primary, copied to the replicas).
  await page.getByRole('button', { name: /^Fast-forward/ }).click();
  await page.locator('svg.topology [data-node="orders-001"]').click();
  const panel = page.getByRole('region', { name: 'orders-001' });
  await expect(panel.getByTestId('node-panel-state')).toContainText(/[1-9]\d* keys/, {
    timeout: 120_000,
  });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download a snapshot (.rdb)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('orders-001.rdb');
  const said = await panel.getByTestId('node-backup-result').textContent();
  const keys = Number(/Saved orders-001\.rdb: (\d+) keys/.exec(said ?? '')?.[1]);
  expect(keys).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath('node-backup.png') });

  const dir = mkdtempSync(join(tmpdir(), 'ecsim-backup-'));
  try {
    await download.saveAs(join(dir, 'orders-001.rdb'));
    const real = await startRealRedis(['--dir', dir, '--dbfilename', 'orders-001.rdb']);
    try {
      const c = await RawRedisConnection.connect(real.port);
      expect(await c.send(['DBSIZE'])).toEqual({ kind: 'int', value: keys });
      c.close();
    } finally {
      await real.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
