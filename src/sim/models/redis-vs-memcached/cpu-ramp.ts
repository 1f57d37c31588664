import { numberParam, type ActionParams } from '../../action-params';
import { CpuModel, NODE_TYPES, nodeType, requestWork, type NodeType } from '../../cache/index';
import type { SimContext } from '../../model';
import type { RandomStream } from '../../rng';
import type { Micros } from '../../trace';
import type { ComparisonTable, RunRef } from './comparison';
import { WORKLOAD } from './config';

/**
 * The CPU experiment (row `cpu`): one load-test node of each engine, of the same node type,
 * under a load that rises step by step — the same small requests at the same instants on both.
 * Their CPU is the core's model (src/sim/cache/cpu-model.ts, docs/cpu-model.md): Memcached deals
 * connections round robin to one worker thread per vCPU; Valkey executes every command on its
 * one main thread (with enhanced I/O, from 4 vCPUs, the socket work on other cores). Each step
 * is sampled as CloudWatch would publish it for that period: EngineCPUUtilization (the main
 * thread's share of its core) and CPUUtilization (the whole host, all vCPUs).
 */
export const CPU_RAMP = {
  /** 4 vCPUs: enough cores for enhanced I/O and for Memcached's threads to show. */
  nodeType: 'cache.m7g.xlarge',
  /** Requests per second at the top of the ramp (both nodes get all of them). */
  peak: 400_000,
  steps: 16,
  /** Virtual time per step: one sampling period. */
  stepUs: 125_000,
  /** Client connections (Memcached pins each to one worker). */
  connections: 32,
} as const;

/** The node types the experiment offers: the general-purpose family (2 to 16 vCPUs). */
export const CPU_NODE_TYPES = [...NODE_TYPES.values()]
  .filter((t) => t.family === 'general' && t.name.startsWith('cache.m7g.'))
  .map((t) => t.name);

/** A main thread this busy over a period counts as saturated (CloudWatch shows it as 100 %). */
const SATURATED_PCT = 99;

export interface CpuRampParams {
  type: NodeType;
  peak: number;
}

/** Reads the experiment's params, or a sentence saying which one is wrong. */
export function cpuRampParams(params: ActionParams): CpuRampParams | string {
  const name = params?.nodeType ?? CPU_RAMP.nodeType;
  if (typeof name !== 'string' || !CPU_NODE_TYPES.includes(name))
    return `"nodeType" must be one of ${CPU_NODE_TYPES.join(', ')}.`;
  const peak = numberParam({ peak: CPU_RAMP.peak, ...params }, 'peak', 20_000, 1_000_000);
  if (typeof peak === 'string') return peak;
  return { type: nodeType(name) as NodeType, peak: Math.round(peak) };
}

/** One step as the two nodes saw it. */
export interface CpuStep {
  rate: number;
  redisEngine: number;
  redisHost: number;
  memcachedHost: number;
  /** Mean time a request waited for its thread, ms. */
  redisWaitMs: number;
  memcachedWaitMs: number;
}

/** What the panel shows while the ramp runs (0 when no ramp is running). */
export interface CpuLive {
  step: CpuStep | null;
}

/**
 * Runs the ramp over virtual time, one step per period, from `peak / steps` to `peak`
 * requests/s: each step's requests arrive (Poisson, over the connections) during its period and
 * are served by both nodes' threads; at its end both nodes are sampled. When the last step is
 * sampled the row is filled and `done` is called.
 */
export function runCpuRamp(
  c: SimContext,
  p: CpuRampParams,
  rng: RandomStream,
  table: ComparisonTable,
  run: RunRef,
  live: CpuLive,
  done: () => void,
): void {
  const start = c.kernel.now;
  const redis = new CpuModel('redis', p.type, start);
  const memcached = new CpuModel('memcached', p.type, start);
  const workerOf = Array.from({ length: CPU_RAMP.connections }, () => memcached.assignThread());
  // A GET or SET of the workload's value: request and reply together.
  const work = requestWork(WORKLOAD.valueBytes + 50);
  const busyUs = work.engineUs + work.ioUs;
  const steps: CpuStep[] = [];
  let t: Micros = start;

  const step = (k: number) => {
    const rate = Math.round((p.peak * k) / CPU_RAMP.steps);
    const end = start + k * CPU_RAMP.stepUs;
    let n = 0;
    let redisWait = 0;
    let memcachedWait = 0;
    for (t += rng.exponential(1e6 / rate); t < end; t += rng.exponential(1e6 / rate)) {
      const conn = rng.int(CPU_RAMP.connections);
      // Wait = time to the reply minus the request's own work on its thread(s).
      redisWait += redis.serve(t, work) - t - busyUs;
      memcachedWait += memcached.serve(t, work, workerOf[conn]) - t - busyUs;
      n++;
    }
    const r = redis.sample(end);
    const m = memcached.sample(end);
    const s: CpuStep = {
      rate,
      redisEngine: r.engineCpuUtilization,
      redisHost: r.cpuUtilization,
      memcachedHost: m.cpuUtilization,
      redisWaitMs: n ? redisWait / n / 1000 : 0,
      memcachedWaitMs: n ? memcachedWait / n / 1000 : 0,
    };
    steps.push(s);
    live.step = s;
    if (k < CPU_RAMP.steps) {
      c.kernel.after(CPU_RAMP.stepUs, () => step(k + 1));
      return;
    }
    live.step = null;
    fillCpuRow(table, run, p, steps);
    done();
  };
  c.kernel.after(CPU_RAMP.stepUs, () => step(1));
}

/** The row's figures: the top of the ramp on both nodes, and where Valkey's main thread filled. */
function fillCpuRow(
  table: ComparisonTable,
  run: RunRef,
  p: CpuRampParams,
  steps: readonly CpuStep[],
): void {
  const top = steps[steps.length - 1]!;
  const saturated = steps.find((s) => s.redisEngine >= SATURATED_PCT);
  table.fill('cpu', 'redis', run, {
    CpuVcpus: p.type.vcpus,
    CpuPeakRate: top.rate,
    CpuRedisSaturationRate: saturated?.rate ?? 0,
    CpuRedisHostAtSaturation: saturated?.redisHost ?? 0,
    CpuRedisEngine: top.redisEngine,
    CpuRedisHost: top.redisHost,
    CpuRedisWaitMs: top.redisWaitMs,
  });
  table.fill('cpu', 'memcached', run, {
    CpuMcThreads: p.type.memcachedThreads,
    CpuMcHost: top.memcachedHost,
    CpuMcWaitMs: top.memcachedWaitMs,
  });
}
