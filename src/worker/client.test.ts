import { describe, expect, it } from 'vitest';
import { createSimClient, type WorkerHandle } from './client';
import { SimHost } from './sim-host';
import type { TraceBatch } from './protocol';
import { nodeEnvironment } from '../../test/support/node-environment';

/** An in-process "worker": the same SimHost the Web Worker runs, with Node's timers. */
function inProcess(
  spawned: SimHost[],
  proxy: WorkerHandle['proxy'] = (fn) => fn,
): () => WorkerHandle {
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
    return {
      api: host,
      proxy,
      terminate: () => void host.pause(),
      onCrash: () => {},
    };
  };
}

// Each test starts real simulations with PGlite (≈ 1–2 s of CPU apiece when idle); on a machine
// whose cores are shared with other test runs they take several times longer, so the budget is
// generous. These tests check outcomes, never durations.
describe('SimClient', { timeout: 120_000 }, () => {
  it('rebuilds a dead worker from seed + action log and lands in the same state', async () => {
    const hosts: SimHost[] = [];
    const client = createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 });
    await client.load('sandbox', 42);
    await client.fastForward(150_000, () => {});
    expect(
      (await client.act({ type: 'strategy.set', params: { strategy: 'write-through' } })).ok,
    ).toBe(true);
    await client.fastForward(100_000, () => {});
    expect((await client.act({ type: 'cache.flush' })).ok).toBe(true);
    const before = await client.fastForward(50_000, () => {});

    const notices: (string | null)[] = [];
    client.onStatus((s) => notices.push(s.notice));
    client.simulateCrash();
    await new Promise<void>((resolve) => {
      const off = client.onStatus((s) => s.state === 'ready' && (off(), resolve()));
    });
    expect(hosts).toHaveLength(2);
    const after = await hosts[1]!.snapshot();
    expect(after.now).toBe(before.now);
    expect(after.traceHash).toBe(before.traceHash);
    expect(after.eventsProcessed).toBe(before.eventsProcessed);
    expect(notices.at(-1)).toBe(
      'The simulation stopped unexpectedly. We rebuilt it from your 2 actions — nothing was lost.',
    );
    client.dispose();
  });

  it('steps back to the state just before the last action', async () => {
    const hosts: SimHost[] = [];
    const client = createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 });
    await client.load('sandbox', 7);
    await client.fastForward(80_000, () => {});
    const beforeAction = await hosts[0]!.snapshot();
    expect((await client.act({ type: 'cache.use-memcached' })).ok).toBe(true);
    await client.fastForward(80_000, () => {});
    const back = await client.stepBack();
    expect(client.log).toHaveLength(0);
    expect(back?.now).toBe(beforeAction.now);
    expect(back?.traceHash).toBe(beforeAction.traceHash);
    expect(back?.nodes.cache?.detail).toContain('in use');
    client.dispose();
  });

  it('refused actions are not logged', async () => {
    const client = createSimClient({ spawn: inProcess([]), heartbeatMs: 0 });
    await client.load('sandbox', 1);
    const r = await client.act({ type: 'cache.use-redis' });
    expect(r).toEqual({ ok: false, error: 'The app already uses the Redis node.' });
    expect(client.log).toHaveLength(0);
    client.dispose();
  });

  it('streams at most one batch per tick while playing, with snapshots that move forward', async () => {
    const client = createSimClient({ spawn: inProcess([]), heartbeatMs: 0 });
    await client.load('sandbox', 3);
    const batches: TraceBatch[] = [];
    client.onBatch((b) => batches.push(b));
    await client.setSpeed(0.008);
    await client.play();
    await new Promise((r) => setTimeout(r, 400));
    await client.pause();
    // ~400 ms at one tick per 16 ms: a couple of dozen batches, not one per event.
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.length).toBeLessThan(60);
    const nows = batches.map((b) => b.snapshot.now);
    for (let i = 1; i < nows.length; i++) expect(nows[i]!).toBeGreaterThanOrEqual(nows[i - 1]!);
    expect(batches.at(-1)!.snapshot.playing).toBe(false);
    client.dispose();
  });

  it('step processes exactly one event', async () => {
    const hosts: SimHost[] = [];
    const client = createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 });
    await client.load('sandbox', 3);
    const a = await client.step();
    const b = await client.step();
    expect(b.snapshot.eventsProcessed - a.snapshot.eventsProcessed).toBe(1);
    client.dispose();
  });

  it('a progress report that arrives after its fast-forward or experiment finished is dropped', async () => {
    // In the browser, callbacks travel on their own MessagePort, so a report can arrive after
    // the call's result; here every report is delivered 30 ms late, after the call resolved.
    const late: WorkerHandle['proxy'] = (fn) =>
      ((...args: never[]) => void setTimeout(() => fn(...args), 30)) as unknown as typeof fn;
    const client = createSimClient({ spawn: inProcess([], late), heartbeatMs: 0 });
    await client.load('sandbox', 5);
    const reports: string[] = [];
    await client.fastForward(200_000, (p) => reports.push(`ff ${p.doneUs}`));
    await client.runExperiment(
      { requests: 200, sampleEvery: 100, variants: [{ label: 'as is', actions: [] }] },
      (p) => reports.push(`exp ${p.requests}`),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(reports).toEqual([]);
    client.dispose();
  });

  it('rejects unknown scenarios and bad seeds with a clear message', async () => {
    const client = createSimClient({ spawn: inProcess([]), heartbeatMs: 0 });
    await expect(client.load('nope', 1)).rejects.toThrow('Unknown scenario "nope"');
    await expect(client.load('sandbox', 1.5)).rejects.toThrow('Seed must be an integer');
    client.dispose();
  });
});

describe('SimClient experiments and restore', () => {
  it('runs an experiment per variant without touching the live simulation', async () => {
    const hosts: SimHost[] = [];
    const client = createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 });
    await client.load('sandbox', 5);
    const before = await hosts[0]!.snapshot();
    const progress: number[] = [];
    const result = await client.runExperiment(
      {
        requests: 2_000,
        sampleEvery: 500,
        variants: [
          { label: 'lazy', actions: [] },
          {
            label: 'write-through',
            actions: [{ type: 'strategy.set', params: { strategy: 'write-through' } }],
          },
        ],
      },
      (p) => progress.push(p.requests),
    );
    expect(result.cancelled).toBe(false);
    expect(result.variants.map((v) => v.label)).toEqual(['lazy', 'write-through']);
    for (const v of result.variants) {
      expect(v.samples.map((s) => s.requests)).toEqual([500, 1000, 1500, 2000]);
      // Each sample is taken when exactly its count of requests has completed.
      for (const s of v.samples) expect(s.metrics.Requests).toBe(s.requests);
      expect(v.final.Requests).toBeGreaterThanOrEqual(2_000);
    }
    expect(progress.length).toBeGreaterThan(0);
    expect((await hosts[0]!.snapshot()).traceHash).toBe(before.traceHash);
    client.dispose();
  });

  it('a disposed host holds no simulation and loads another', async () => {
    const hosts: SimHost[] = [];
    inProcess(hosts)();
    const h = hosts[0]!;
    await h.load({ scenario: 'sandbox', seed: 3 });
    await h.dispose();
    await expect(h.snapshot()).rejects.toThrow('No scenario is loaded yet');
    await h.load({ scenario: 'sandbox', seed: 3 });
    expect((await h.snapshot()).seed).toBe(3);
    await h.dispose();
  });

  it('restores a saved log in one call to the same state', async () => {
    const hosts: SimHost[] = [];
    const client = createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 });
    await client.load('sandbox', 8);
    await client.fastForward(60_000, () => {});
    await client.act({ type: 'cache.flush' });
    const target = await client.fastForward(40_000, () => {});
    const saved = [...client.log];
    await client.load('sandbox', 8);
    const restored = await client.restore(saved, target.now);
    expect(restored.traceHash).toBe(target.traceHash);
    expect(client.log).toEqual(saved);
    client.dispose();
  });
});
