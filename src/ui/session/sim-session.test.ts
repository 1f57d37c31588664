import { afterEach, describe, expect, it } from 'vitest';
// Tests may reach below the worker's public API: this runs the real SimHost in-process.
import { createSimClient, type WorkerHandle } from '../../worker/client';
import { SimHost } from '../../worker/sim-host';
import { useUiStore } from '../store/ui-store';
import { SimSession } from './sim-session';
import { nodeEnvironment } from '../../../test/support/node-environment';

function inProcess(hosts: SimHost[]): () => WorkerHandle {
  return () => {
    const host = new SimHost(
      {
        now: () => performance.now(),
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
      },
      nodeEnvironment,
    );
    hosts.push(host);
    return { api: host, proxy: (fn) => fn, terminate: () => void host.pause(), onCrash: () => {} };
  };
}

let session: SimSession | null = null;
afterEach(() => session?.dispose());

async function loaded(seed = 42): Promise<{ s: SimSession; hosts: SimHost[] }> {
  const hosts: SimHost[] = [];
  session = new SimSession(createSimClient({ spawn: inProcess(hosts), heartbeatMs: 0 }));
  await session.load('sandbox', seed, false);
  return { s: session, hosts };
}

describe('SimSession', () => {
  it('logs one entry per step and keeps the store in step with the worker', async () => {
    const { s, hosts } = await loaded();
    const seen: number[] = [];
    s.feed.subscribe((events) => seen.push(...events.map((e) => e.seq)));
    for (let i = 0; i < 5; i++) await s.step();
    const st = useUiStore.getState();
    expect(st.snapshot?.eventsProcessed).toBe(5);
    expect(
      st.log.filter((e) => e.type === 'step').map((e) => (e.type === 'step' ? e.step : 0)),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(st.snapshot?.traceHash).toBe((await hosts[0]!.snapshot()).traceHash);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('applies quick repeated speed changes in order', async () => {
    const { s, hosts } = await loaded();
    await Promise.all([s.changeSpeed(1), s.changeSpeed(1), s.changeSpeed(1), s.changeSpeed(-1)]);
    // 1 → 2 → 5 → 10 → 5 ms of virtual time per second (worker speed.ts SPEED_LADDER).
    expect(useUiStore.getState().speed).toBe(0.005);
    expect((await hosts[0]!.snapshot()).speed).toBe(0.005);
    await Promise.all(Array.from({ length: 10 }, () => s.changeSpeed(-1)));
    expect(useUiStore.getState().speed).toBe(0.001);
  });

  it('fast-forwards, reports progress, and clears the progress when done', async () => {
    const { s } = await loaded();
    const progress: number[] = [];
    const off = useUiStore.subscribe(
      (st) => st.fastForward && progress.push(st.fastForward.doneUs),
    );
    await s.fastForward(200_000);
    off();
    const st = useUiStore.getState();
    expect(st.fastForward).toBeNull();
    expect(st.snapshot?.now).toBe(200_000);
    expect(progress.at(-1)).toBe(200_000);
  });

  it('returns the scenario’s refusal for an invalid action and null for a valid one', async () => {
    const { s } = await loaded();
    expect(await s.act({ type: 'cache.flush' })).toBeNull();
    expect(await s.act({ type: 'no.such.action' })).toMatch(/Unknown action/);
  });
});
