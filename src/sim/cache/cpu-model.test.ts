import { describe, expect, it } from 'vitest';
import { CpuModel, requestWork } from './cpu-model';
import { NODE_TYPES, type NodeType } from './node-types';

const type = (name: string): NodeType => NODE_TYPES.get(name)!;
const SECOND = 1_000_000;

/** Feeds `rate` small requests per second for `span` µs (one second) over `connections` connections. */
function load(cpu: CpuModel, rate: number, connections: number, span = SECOND): number[] {
  const threads = Array.from({ length: connections }, () => cpu.assignThread());
  const done: number[] = [];
  const n = Math.round((rate * span) / SECOND);
  for (let i = 0; i < n; i++) {
    const now = Math.floor((i * SECOND) / rate);
    done.push(cpu.serve(now, requestWork(100), threads[i % connections]!) - now);
  }
  return done;
}

describe('CpuModel', () => {
  it('shows EngineCPUUtilization far above CPUUtilization on a busy 4-vCPU Redis node', () => {
    const cpu = new CpuModel('redis', type('cache.m7g.xlarge'));
    expect(cpu.enhancedIo).toBe(true);
    load(cpu, 200_000, 50); // 200k × 4 µs = 80 % of the main thread
    const s = cpu.sample(SECOND);
    expect(s.engineCpuUtilization).toBeCloseTo(80, 0);
    // Host: (0.8 s engine + 0.6 s I/O threads) over 4 cores = 35 %.
    expect(s.cpuUtilization).toBeCloseTo(35, 0);
  });

  it('shows them about equal on a busy 4-vCPU Memcached node with enough connections', () => {
    const cpu = new CpuModel('memcached', type('cache.m7g.xlarge'));
    load(cpu, 400_000, 16);
    const s = cpu.sample(SECOND);
    expect(s.cpuUtilization).toBeCloseTo(70, 0); // 400k × 7 µs over 4 threads
    expect(Math.abs(s.engineCpuUtilization - s.cpuUtilization)).toBeLessThan(0.5);
  });

  it('a 2-vCPU Redis node does its socket work on the main thread (no enhanced I/O)', () => {
    const cpu = new CpuModel('redis', type('cache.m7g.large'));
    load(cpu, 100_000, 10);
    const s = cpu.sample(SECOND);
    expect(s.engineCpuUtilization).toBeCloseTo(70, 0);
    expect(s.cpuUtilization).toBeCloseTo(35, 0); // one of two cores
  });

  it('a single-threaded engine queues: latency grows past the main thread capacity', () => {
    const redis = new CpuModel('redis', type('cache.m7g.xlarge'));
    const memcached = new CpuModel('memcached', type('cache.m7g.xlarge'));
    const overloaded = load(redis, 300_000, 16); // 1.2 s of main-thread work per second
    const spread = load(memcached, 300_000, 16); // 2.1 s of work over 4 threads
    expect(overloaded[overloaded.length - 1]!).toBeGreaterThan(100_000); // 0.2 s behind
    expect(spread.reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(100);
    expect(redis.sample(SECOND).engineCpuUtilization).toBe(100);
  });

  it('Memcached pins a connection to one worker: one connection uses one core of four', () => {
    const cpu = new CpuModel('memcached', type('cache.m7g.xlarge'));
    load(cpu, 100_000, 1);
    const s = cpu.sample(SECOND);
    expect(s.cpuUtilization).toBeCloseTo(17.5, 0);
  });

  it('counts only work done inside the window, and drops work queued when the process dies', () => {
    const cpu = new CpuModel('redis', type('cache.m7g.large'));
    cpu.serve(0, { engineUs: 600_000, ioUs: 0 });
    expect(cpu.sample(SECOND / 2).engineCpuUtilization).toBe(100);
    cpu.reset(SECOND / 2); // the rest of that command died with the process
    expect(cpu.sample(SECOND).engineCpuUtilization).toBe(0);
  });

  it('an overloaded main thread holds its I/O threads back: CPUUtilization stops rising with the load', () => {
    const TENTH = SECOND / 10;
    const host = (rate: number) => {
      const cpu = new CpuModel('redis', type('cache.m7g.xlarge'));
      load(cpu, rate, 16, TENTH);
      return cpu.sample(TENTH).cpuUtilization;
    };
    // 250k × 4 µs fills the main thread: (1 s engine + 0.75 s I/O) over 4 cores.
    expect(host(250_000)).toBeCloseTo(43.75, 0);
    // Twice the load is executed no faster, so the I/O threads have no more replies to write.
    expect(host(500_000)).toBeCloseTo(43.75, 0);
    const cpu = new CpuModel('redis', type('cache.m7g.xlarge'));
    load(cpu, 500_000, 16, TENTH);
    cpu.reset(TENTH); // the queued half dies unexecuted: its I/O never happens
    expect(cpu.sample(2 * TENTH).cpuUtilization).toBeCloseTo(43.75 / 2, 0);
  });
});
