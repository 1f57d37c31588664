import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import type { ScenarioModel, UserAction } from './model';

/**
 * A kernel fixture, not an engine: clients send pings over the topology to a server that
 * answers after a seeded service time; actions change the rate or take the server down.
 */
function pingModel(): ScenarioModel {
  let up = true;
  let meanGapUs = 500;
  let next = 1;
  let served = 0;
  return {
    id: 'ping',
    topology: {
      region: 'r',
      azs: [
        { id: 'a', label: 'a' },
        { id: 'b', label: 'b' },
      ],
      nodes: [
        { id: 'client', label: 'Client', kind: 'client', az: 'a' },
        { id: 'server', label: 'Server', kind: 'cache', az: 'b' },
      ],
      links: [{ from: 'client', to: 'server' }],
    },
    actions: [],
    start(ctx) {
      const w = ctx.rng.stream('workload');
      const svc = ctx.rng.stream('service');
      const ping = (): void => {
        const id = next++;
        const sent = ctx.kernel.now;
        const done = (outcome: 'hit' | 'error'): void =>
          ctx.emit('request.completed', 'client', 'client', {
            requestId: id,
            op: 'read',
            key: 'ping',
            latencyUs: ctx.kernel.now - sent,
            outcome,
          });
        ctx.send('client', 'server', { label: 'PING', requestId: id, bytes: 14 }, () => {
          if (!up) return done('error');
          ctx.kernel.after(svc.exponential(20), () =>
            ctx.send('server', 'client', { label: 'PONG', requestId: id, bytes: 7 }, () => {
              served++;
              done('hit');
            }),
          );
        });
        ctx.kernel.after(w.exponential(meanGapUs), ping);
      };
      ctx.kernel.after(10, ping);
    },
    apply(action) {
      if (action.type === 'server.down') up = false;
      else if (action.type === 'server.up') {
        if (up) return { ok: false, error: 'The server is already up.' };
        up = true;
      } else if (action.type === 'rate.set') {
        const gap = Number(action.params?.gapUs);
        if (!(gap >= 10)) return { ok: false, error: 'gapUs must be ≥ 10.' };
        meanGapUs = gap;
      } else return { ok: false, error: `Unknown action "${action.type}".` };
      return { ok: true };
    },
    nodeStatus: () => ({ server: { up, detail: `${served} served` } }),
    metrics: () => ({ Requests: served }),
  };
}

async function runPing(
  seed: number,
  untilUs: number,
  actions: { atUs: number; action: UserAction }[] = [],
) {
  const sim = new Simulation(pingModel, seed);
  for (const { atUs, action } of actions) {
    await sim.runUntil(atUs);
    expect((await sim.act(action)).ok).toBe(true);
  }
  await sim.runUntil(untilUs);
  return sim;
}

const ACTIONS = [
  { atUs: 200_000, action: { type: 'rate.set', params: { gapUs: 300 } } },
  { atUs: 400_000, action: { type: 'server.down' } },
  { atUs: 450_000, action: { type: 'server.up' } },
  { atUs: 700_000, action: { type: 'rate.set', params: { gapUs: 800 } } },
];

describe('Simulation determinism', () => {
  it('100k+ events twice with the same seed and action log give the identical trace hash', async () => {
    const a = await runPing(42, 20_000_000, ACTIONS);
    const b = await runPing(42, 20_000_000, ACTIONS);
    expect(a.kernel.fired).toBeGreaterThan(100_000);
    expect(a.traceHash).toBe(b.traceHash);
    expect(a.state()).toEqual(b.state());
  });

  it('a different seed gives a different trace hash', async () => {
    const a = await runPing(42, 1_000_000, ACTIONS);
    const b = await runPing(43, 1_000_000, ACTIONS);
    expect(a.traceHash).not.toBe(b.traceHash);
  });

  it('a different action log gives a different trace hash', async () => {
    const a = await runPing(42, 1_000_000, ACTIONS);
    const b = await runPing(42, 1_000_000, ACTIONS.slice(0, 2));
    expect(a.traceHash).not.toBe(b.traceHash);
  });

  it('running in chunks gives the same trace as one run', async () => {
    const whole = await runPing(9, 500_000);
    const chunked = new Simulation(pingModel, 9);
    let done = false;
    while (!done) ({ done } = await chunked.runChunk(500_000, 97));
    expect(chunked.traceHash).toBe(whole.traceHash);
  });

  it('an invalid action is refused and changes nothing', async () => {
    const a = await runPing(5, 300_000);
    const before = a.state();
    expect(await a.act({ type: 'server.up' })).toEqual({
      ok: false,
      error: 'The server is already up.',
    });
    expect(await a.act({ type: 'rate.set', params: { gapUs: 'lots' } })).toMatchObject({
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
