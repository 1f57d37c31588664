import { describe, expect, it } from 'vitest';
import { createSimClient } from './client';
import { forkIn } from './fork';
import { SimHost } from './sim-host';
import { nodeEnvironment } from '../../test/support/node-environment';

function client(hosts: SimHost[]) {
  return createSimClient({
    spawn: () => {
      const host = new SimHost(
        {
          now: () => performance.now(),
          setTimeout: (fn, ms) => setTimeout(fn, ms),
          clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
        },
        nodeEnvironment,
      );
      hosts.push(host);
      return {
        // The worker entry attaches the fork beside the host (sim.worker.ts).
        api: Object.assign(host, { fork: forkIn(nodeEnvironment) }),
        proxy: (fn) => fn,
        terminate: () => void host.pause(),
        onCrash: () => {},
      };
    },
    heartbeatMs: 0,
  });
}

describe('fork (a prediction’s “what happens next”)', { timeout: 120_000 }, () => {
  it('runs the actions in a fresh simulation from seed + log; the live one is untouched', async () => {
    const hosts: SimHost[] = [];
    const c = client(hosts);
    await c.load('session-store', 42);
    expect((await c.act({ type: 'mode.set', params: { mode: 'elasticache' } })).ok).toBe(true);
    const live = await c.fastForward(3_000_000, () => {});
    const result = await c.fork({
      untilUs: live.now,
      actions: [{ type: 'cache.restart' }],
      periodUs: 2_000_000,
      samples: 4,
    });
    const after = await hosts[0]!.snapshot();
    expect(after.traceHash).toBe(live.traceHash);
    expect(after.now).toBe(live.now);
    expect(c.log).toHaveLength(1);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.before.map((s) => s.tUs)).toEqual([
      live.now - 2_000_000,
      live.now - 1_500_000,
      live.now - 1_000_000,
      live.now - 500_000,
      live.now,
    ]);
    expect(result.after.at(-1)!.tUs).toBe(live.now + 2_000_000);
    const logouts = (s: { metrics: Record<string, number> }) => s.metrics.UnexpectedLogouts ?? 0;
    // The reboot logs users out in the fork, not before the moment.
    expect(logouts(result.after.at(-1)!)).toBeGreaterThan(logouts(result.before.at(-1)!));
    // A refused action is reported, not thrown.
    const refused = await c.fork({
      untilUs: live.now,
      actions: [{ type: 'no.such' }],
      periodUs: 1_000_000,
      samples: 2,
    });
    expect(refused.ok).toBe(false);
    c.dispose();
  });
});
