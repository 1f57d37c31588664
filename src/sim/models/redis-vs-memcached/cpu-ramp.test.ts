import { describe, expect, it } from 'vitest';
import { isMetricKey } from '../../metrics/index';
import { Simulation } from '../../simulation';
import { CPU_RAMP } from './cpu-ramp';
import { createRedisVsMemcachedModel } from './redis-vs-memcached.model';

const S = 1_000_000;
const RAMP_US = CPU_RAMP.steps * CPU_RAMP.stepUs;

/** The table's CPU figures after one ramp with `params`, started at 1 s. */
async function ramp(params: Record<string, string | number> = {}, seed = 3) {
  const s = new Simulation((_s, o) => createRedisVsMemcachedModel(o), seed, { detail: 'summary' });
  await s.runUntil(1 * S);
  expect(await s.act({ type: 'cpu.ramp', params })).toMatchObject({ ok: true });
  await s.runUntil(1 * S + RAMP_US + 1);
  const m = s.state().metrics;
  await s.dispose();
  return m;
}

describe('redis-vs-memcached CPU row: one main thread vs a worker per vCPU, measured on a ramp', () => {
  it('on 4 vCPUs, Valkey’s main thread saturates (EngineCPUUtilization 100 %) while CPUUtilization stays under half; Memcached uses every core', async () => {
    const m = await ramp({ nodeType: 'cache.m7g.xlarge', peak: 400_000 });
    expect(m.CpuRedisRun).toBe(1);
    expect(m.CpuMemcachedRun).toBe(1);
    expect(m.CpuVcpus).toBe(4);
    expect(m.CpuMcThreads).toBe(4);
    expect(m.CpuPeakRate).toBe(400_000);
    // 4 µs of execution per request on one thread: about 250,000 requests/s fill it.
    expect(m.CpuRedisEngine).toBe(100);
    expect(m.CpuRedisSaturationRate).toBeGreaterThanOrEqual(225_000);
    expect(m.CpuRedisSaturationRate).toBeLessThanOrEqual(275_000);
    // The host: the main thread plus the I/O threads, over 4 cores — stuck below 50 % however
    // much load arrives, while requests queue behind the main thread.
    expect(m.CpuRedisHost!).toBeGreaterThan(35);
    expect(m.CpuRedisHost!).toBeLessThan(50);
    expect(m.CpuRedisHostAtSaturation!).toBeLessThan(50);
    expect(m.CpuRedisWaitMs!).toBeGreaterThan(1);
    // Memcached did the same requests on 4 workers: 400k × 7 µs over 4 cores = 70 %, no queue.
    expect(Math.abs(m.CpuMcHost! - 70)).toBeLessThan(4);
    expect(m.CpuMcWaitMs!).toBeLessThan(0.1);
    expect(m.CpuRampRate).toBe(0); // the ramp is over
    for (const k of Object.keys(m)) expect(isMetricKey(k), k).toBe(true);
  }, 60_000);

  it('the figures come from the run: more vCPUs or less load change them', async () => {
    const eight = await ramp({ nodeType: 'cache.m7g.2xlarge', peak: 400_000 });
    expect(eight.CpuVcpus).toBe(8);
    expect(eight.CpuMcThreads).toBe(8);
    // The same main thread saturates at the same load, but it is a smaller share of the host.
    expect(eight.CpuRedisEngine).toBe(100);
    expect(eight.CpuRedisHost!).toBeLessThan(25);
    expect(Math.abs(eight.CpuMcHost! - 35)).toBeLessThan(3);

    // Two vCPUs: no enhanced I/O, the socket work stays on the main thread: it fills sooner.
    const two = await ramp({ nodeType: 'cache.m7g.large', peak: 400_000 });
    expect(two.CpuRedisSaturationRate!).toBeLessThan(175_000);
    expect(Math.abs(two.CpuRedisHost! - 50)).toBeLessThan(3);

    // A lighter load never fills the main thread: no saturation, no queue.
    const light = await ramp({ nodeType: 'cache.m7g.xlarge', peak: 100_000 });
    expect(light.CpuRedisSaturationRate).toBe(0);
    expect(Math.abs(light.CpuRedisEngine! - 40)).toBeLessThan(4);
    expect(light.CpuRedisWaitMs!).toBeLessThan(0.1);
  }, 60_000);

  it('shows the ramp live, refuses a second one meanwhile, and refuses bad input with a sentence', async () => {
    const s = new Simulation((_s, o) => createRedisVsMemcachedModel(o), 3, { detail: 'summary' });
    await s.runUntil(1 * S);
    expect(await s.act({ type: 'cpu.ramp', params: { nodeType: 'cache.t3.micro' } })).toMatchObject(
      { ok: false, error: expect.stringMatching(/"nodeType" must be one of cache\.m7g\.large/) },
    );
    expect(await s.act({ type: 'cpu.ramp', params: { peak: 5 } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/"peak" must be a number/),
    });
    expect(s.state().metrics.Experiments).toBe(0);
    expect(await s.act({ type: 'cpu.ramp' })).toMatchObject({ ok: true });
    await s.runUntil(1 * S + RAMP_US / 2);
    const m = s.state().metrics;
    expect(m.CpuRampRate!).toBeGreaterThan(0);
    expect(m.CpuRampRate!).toBeLessThan(CPU_RAMP.peak);
    expect(m.CpuRampRedisEngine!).toBeGreaterThan(m.CpuRampRedisHost!);
    expect(m.CpuRedisRun).toBe(0);
    expect(await s.act({ type: 'cpu.ramp' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/still going/),
    });
    await s.dispose();
  }, 60_000);
});
