import { describe, expect, it } from 'vitest';
import { createSimClient, type WorkerHandle } from './client';
import { SimHost } from './sim-host';
import type { TraceBatch } from './protocol';
import { FLOW_SAMPLE_EVENTS, isRoutine } from './batcher';
import { nodeEnvironment } from '../../test/support/node-environment';

function inProcess(spawned: SimHost[]): () => WorkerHandle {
  return () => {
    const host = new SimHost(
      {
        now: () => performance.now(),
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
      },
      nodeEnvironment,
    );
    spawned.push(host);
    return { api: host, proxy: (fn) => fn, terminate: () => void host.pause(), onCrash: () => {} };
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Real simulations with PGlite: generous budgets for a shared machine; nothing checks a duration.
describe('the timeline: scrubbing and speeds', { timeout: 120_000 }, () => {
  it('scrubs back to the hash the run had there; later actions replay at their times', async () => {
    const client = createSimClient({ spawn: inProcess([]), heartbeatMs: 0 });
    await client.load('sandbox', 11);
    await client.fastForward(40_000, () => {});
    await client.act({ type: 'cache.flush' });
    const first = await client.fastForward(30_000, () => {});
    await client.act({ type: 'strategy.set', params: { strategy: 'write-through' } });
    const second = await client.fastForward(30_000, () => {});

    const back = await client.scrub(first.now);
    expect(back.traceHash).toBe(first.traceHash);
    expect(client.log).toHaveLength(1);
    expect(client.future).toHaveLength(1);
    expect(back.scheduled).toBe(1);

    // Running on passes the strategy change at its time again: the same run, the same hash.
    const again = await client.fastForward(second.now - first.now, () => {});
    expect(again.traceHash).toBe(second.traceHash);
    expect(client.log).toHaveLength(2);
    expect(client.future).toHaveLength(0);

    // Forward within the run, then a new action there drops the later ones (a new branch).
    await client.scrub(first.now - 10_000);
    expect(client.log).toHaveLength(1);
    expect(client.future).toHaveLength(1);
    expect((await client.act({ type: 'cache.flush' })).ok).toBe(true);
    expect(client.future).toHaveLength(0);
    expect((await client.fastForward(50_000, () => {})).scheduled).toBe(0);
    client.dispose();
  });

  it('steps onto a scheduled action when it comes before the next event', async () => {
    const hosts: SimHost[] = [];
    const client = createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 });
    await client.load('sandbox', 12);
    const before = await client.fastForward(20_000, () => {});
    await client.act({ type: 'cache.flush' });
    await client.fastForward(20_000, () => {});
    await client.scrub(before.now);
    let applied = 0;
    for (let i = 0; i < 200 && applied === 0; i++)
      applied = (await client.step()).snapshot.actionsApplied;
    expect(applied).toBe(1);
    expect(client.log).toHaveLength(1);
    expect(client.future).toHaveLength(0);
    client.dispose();
  });

  it('playing fast leaves every snapshot at a state a replay to its time reaches', async () => {
    const hosts: SimHost[] = [];
    const client = createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 });
    await client.load('sandbox', 13);
    const batches: TraceBatch[] = [];
    client.onBatch((b) => batches.push(b));
    await client.setSpeed(10);
    await client.play();
    await sleep(1_500);
    await client.pause();
    const played = batches.filter((b) => b.snapshot.playing);
    expect(played.length).toBeGreaterThan(3);
    // At flow speeds a batch carries rates and only a sample of the per-request events.
    const busy = played.find((b) => (b.flows?.links.length ?? 0) > 0);
    expect(busy?.flows?.requestsPerSecond).toBeGreaterThan(0);
    for (const b of played)
      expect(b.events.filter((e) => isRoutine(e.kind)).length).toBeLessThanOrEqual(
        FLOW_SAMPLE_EVENTS,
      );
    const mid = played[Math.floor(played.length / 2)]!.snapshot;
    const replayed = await client.scrub(mid.now);
    // The same trace (a replay runs in summary detail: fewer kernel events, the same record).
    expect(replayed.traceHash).toBe(mid.traceHash);
    expect(replayed.now).toBe(mid.now);
    client.dispose();
  });
});
