// Real cluster tooling against the engine's cluster (`npm run serve:redis -- --cluster 3`):
// `redis-cli --cluster check` finds nothing wrong.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEngineCluster } from './redis-cluster-servers';
import type { ClusterUnderTest } from './redis-cluster-servers';

const run = promisify(execFile);

let ours: ClusterUnderTest;
beforeAll(async () => {
  ours = await startEngineCluster();
}, 60_000);
afterAll(async () => {
  await ours?.stop();
});

/** `redis-cli --cluster check`: exit status and output (redis-cli exits 1 when it finds errors). */
async function check(port: number): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run('redis-cli', ['--cluster', 'check', `127.0.0.1:${port}`], {
      timeout: 20000,
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    return { code: e.code ?? -1, out: e.stdout ?? '' };
  }
}

it('passes redis-cli --cluster check from every node', async () => {
  for (const port of ours.ports) {
    const { code, out } = await check(port);
    expect(out).not.toContain('[ERR]');
    expect(out).not.toContain('[WARNING]');
    expect(out).toContain('[OK] All nodes agree about slots configuration.');
    expect(out).toContain('[OK] All 16384 slots covered.');
    expect(code).toBe(0);
  }
}, 30_000);
