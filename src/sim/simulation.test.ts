import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { createSandboxModel } from './sandbox/sandbox.model';
import type { UserAction } from './model';

async function runSandbox(
  seed: number,
  untilUs: number,
  actions: { atUs: number; action: UserAction }[] = [],
) {
  const sim = new Simulation(createSandboxModel, seed);
  for (const { atUs, action } of actions) {
    await sim.runUntil(atUs);
    expect((await sim.act(action)).ok).toBe(true);
  }
  await sim.runUntil(untilUs);
  return sim;
}

const ACTIONS = [
  { atUs: 200_000, action: { type: 'workload.writes', params: { share: 0.3 } } },
  { atUs: 400_000, action: { type: 'cache.crash' } },
  { atUs: 450_000, action: { type: 'cache.recover' } },
  { atUs: 700_000, action: { type: 'cache.flush' } },
];

describe('Simulation determinism', () => {
  it('100k+ events twice with the same seed and action log give the identical trace hash', async () => {
    const a = await runSandbox(42, 30_000_000, ACTIONS);
    const b = await runSandbox(42, 30_000_000, ACTIONS);
    expect(a.kernel.fired).toBeGreaterThan(100_000);
    expect(a.traceHash).toBe(b.traceHash);
    expect(a.state()).toEqual(b.state());
  });

  it('a different seed gives a different trace hash', async () => {
    const a = await runSandbox(42, 1_000_000, ACTIONS);
    const b = await runSandbox(43, 1_000_000, ACTIONS);
    expect(a.traceHash).not.toBe(b.traceHash);
  });

  it('a different action log gives a different trace hash', async () => {
    const a = await runSandbox(42, 1_000_000, ACTIONS);
    const b = await runSandbox(42, 1_000_000, ACTIONS.slice(0, 2));
    expect(a.traceHash).not.toBe(b.traceHash);
  });

  it('running in chunks gives the same trace as one run', async () => {
    const whole = await runSandbox(9, 500_000);
    const chunked = new Simulation(createSandboxModel, 9);
    let done = false;
    while (!done) ({ done } = await chunked.runChunk(500_000, 97));
    expect(chunked.traceHash).toBe(whole.traceHash);
  });

  it('an invalid action is refused and changes nothing', async () => {
    const a = await runSandbox(5, 300_000);
    const before = a.state();
    expect(await a.act({ type: 'cache.recover' })).toEqual({
      ok: false,
      error: 'The cache node is already up.',
    });
    expect(await a.act({ type: 'workload.writes', params: { share: 'lots' } })).toMatchObject({
      ok: false,
    });
    expect(await a.act({ type: 'nope' })).toMatchObject({
      ok: false,
      error: expect.stringContaining('Unknown action'),
    });
    expect(a.state()).toEqual(before);
  });

  it('events of ctx.wait() promises hold the clock until they settle', async () => {
    const sim = new Simulation(
      () => ({
        id: 't',
        topology: { region: 'r', azs: [{ id: 'a', label: 'a' }], nodes: [], links: [] },
        actions: [],
        start(ctx) {
          ctx.kernel.after(10, () =>
            ctx.wait(new Promise<number>((r) => setTimeout(() => r(5), 5)), (v) =>
              ctx.emit('scenario.note', '', '', { text: `got ${v} at ${ctx.kernel.now}` }),
            ),
          );
          ctx.kernel.after(11, () =>
            ctx.emit('scenario.note', '', '', { text: `later at ${ctx.kernel.now}` }),
          );
        },
        apply: () => ({ ok: true as const }),
        nodeStatus: () => ({}),
        metrics: () => ({}),
      }),
      1,
    );
    const notes: string[] = [];
    sim.onEvent((e) => e.kind === 'scenario.note' && notes.push(e.payload.text));
    await sim.runUntil(100);
    expect(notes).toEqual(['got 5 at 10', 'later at 11']);
  });
});

describe('sandbox model', () => {
  it('serves hits from the cache after warm-up and counts misses, with sane latency', async () => {
    const sim = await runSandbox(1, 2_000_000);
    const m = sim.state().metrics;
    expect(m.Requests).toBeGreaterThan(500);
    expect(m.CacheHitRate).toBeGreaterThan(50);
    expect(m.LatencyP50Ms).toBeGreaterThan(0.1);
    expect(m.LatencyP99Ms).toBeGreaterThan(m.LatencyP50Ms!);
  });

  it('a miss makes the three trips: cache GET, database query, cache SET', async () => {
    const sim = new Simulation(createSandboxModel, 3);
    const hops: string[] = [];
    sim.onEvent((e) => {
      if (e.kind === 'msg.sent' && e.payload.requestId === 1)
        hops.push(`${e.from}>${e.to}:${e.payload.label.split(' ')[0]}`);
    });
    await sim.runUntil(100_000);
    expect(hops).toEqual([
      'client>app-1:GET',
      'app-1>cache-1:GET',
      'cache-1>app-1:(nil)',
      'app-1>db:SELECT',
      'db>app-1:rows',
      'app-1>cache-1:SET',
      'cache-1>app-1:OK',
      'app-1>client:200',
    ]);
  });
});
