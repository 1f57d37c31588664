import type { Micros } from '../trace';
import type { NodeType } from './node-types';

/**
 * Where a cache node's CPU time goes, so CloudWatch's two CPU metrics come out as they do on
 * ElastiCache (docs/cpu-model.md):
 *
 * - Valkey/Redis OSS run commands on one main thread. Without enhanced I/O (nodes under 4
 *   vCPUs) that thread also reads and writes the sockets; with it, network I/O runs on
 *   dedicated threads on the other cores. EngineCPUUtilization is the main thread's share of
 *   one core; CPUUtilization is the whole host, all cores — so a 4-vCPU node whose engine is
 *   busy 80 % shows CPUUtilization well under 50 %.
 * - Memcached runs `num_threads` worker threads (= vCPUs on ElastiCache). A connection is
 *   handed to one worker when accepted (round robin, as memcached's dispatch_conn_new does)
 *   and all its requests run there: the load spreads over every core once there are enough
 *   connections, and the process's share equals the host's.
 *
 * Each thread is a FIFO server: a request starts when its thread is free, so a busy main
 * thread shows as queueing delay, the way a single-threaded engine saturates. Work is always
 * scheduled at the current virtual time, which keeps each thread's future work one contiguous
 * stretch — utilisation over any window is then exact.
 */
export interface RequestWork {
  /** Command execution (the engine's own work). */
  engineUs: Micros;
  /** Reading the request and writing the reply on the socket. */
  ioUs: Micros;
}

/**
 * Per-request CPU cost — simulator figures, not AWS's (docs/cpu-model.md): a small GET or SET
 * costs 4 µs of execution and 3 µs of socket work, so moving the socket work off the main
 * thread raises a Redis node's ceiling by 75 % (AWS quotes "up to 83 %" for enhanced I/O), and
 * one busy core serves about 140,000 small requests a second. Larger payloads add a
 * microsecond per KiB of socket work and per 4 KiB of execution.
 */
export const COST = { engineUs: 4, ioUs: 3, ioBytesPerUs: 1024, engineBytesPerUs: 4096 } as const;

/** The work of one request moving `bytes` (request + reply) through the node. */
export function requestWork(bytes: number): RequestWork {
  return {
    engineUs: COST.engineUs + Math.floor(bytes / COST.engineBytesPerUs),
    ioUs: COST.ioUs + Math.floor(bytes / COST.ioBytesPerUs),
  };
}

export interface CpuSample {
  /** Percent of all vCPUs busy over the window (CloudWatch CPUUtilization). */
  cpuUtilization: number;
  /**
   * Percent of one core used by the Redis main thread (CloudWatch EngineCPUUtilization). For
   * Memcached — which CloudWatch gives no engine metric — the worker threads' share of their
   * cores, for comparison.
   */
  engineCpuUtilization: number;
  /** Window length. */
  windowUs: Micros;
}

/** One FIFO thread: when it is next free and how much work it has taken on. */
class Thread {
  freeAt: Micros = 0;
  scheduledUs: Micros = 0;

  serve(now: Micros, us: Micros): Micros {
    const start = Math.max(now, this.freeAt);
    this.freeAt = start + us;
    this.scheduledUs += us;
    return this.freeAt;
  }

  /** Work done up to `now` (its future work is contiguous from now, see the class note). */
  doneBy(now: Micros): Micros {
    return this.scheduledUs - Math.max(0, this.freeAt - now);
  }
}

export class CpuModel {
  readonly vcpus: number;
  readonly engine: 'redis' | 'memcached';
  readonly enhancedIo: boolean;
  private threads: Thread[];
  private ioDoneUs = 0;
  /** I/O-thread work waiting for its request's execution: [executed at, µs] pairs, in order. */
  private ioPending: number[] = [];
  private ioHead = 0;
  private nextThread = 0;
  private lastSampleAt: Micros;
  private lastEngineUs = 0;
  private lastHostUs = 0;

  constructor(engine: 'redis' | 'memcached', type: NodeType, now: Micros = 0) {
    this.engine = engine;
    this.vcpus = type.vcpus;
    this.enhancedIo = engine === 'redis' && type.enhancedIo;
    const n = engine === 'memcached' ? type.memcachedThreads : 1;
    this.threads = Array.from({ length: n }, () => new Thread());
    this.lastSampleAt = now;
  }

  /** The worker a new connection is pinned to (Memcached); Redis has one engine thread. */
  assignThread(): number {
    const t = this.nextThread;
    this.nextThread = (this.nextThread + 1) % this.threads.length;
    return t;
  }

  /** Schedules one request arriving now; returns when its reply is ready to leave the node. */
  serve(now: Micros, work: RequestWork, thread = 0): Micros {
    const t = this.threads[thread % this.threads.length]!;
    if (!this.enhancedIo) return t.serve(now, work.engineUs + work.ioUs);
    // Enhanced I/O: the I/O threads read and write around the main thread's execution; there
    // are vCPUs − 1 of them, so they are not the bottleneck the main thread is. Their work is
    // counted once the main thread has executed the request: an overloaded main thread holds
    // its I/O threads back too (CPUUtilization stops rising with it).
    const executed = t.serve(now, work.engineUs);
    this.ioPending.push(executed, work.ioUs);
    return executed + work.ioUs;
  }

  /** Counts the I/O work of every request executed by `now`. */
  private settleIo(now: Micros): void {
    const q = this.ioPending;
    while (this.ioHead < q.length && q[this.ioHead]! <= now) {
      this.ioDoneUs += q[this.ioHead + 1]!;
      this.ioHead += 2;
    }
    if (this.ioHead > 4096 && this.ioHead * 2 > q.length) {
      this.ioPending = q.slice(this.ioHead);
      this.ioHead = 0;
    }
  }

  /**
   * Work off the engine thread on another core (a forked child writing a snapshot for a full
   * sync): it counts in CPUUtilization, not in EngineCPUUtilization.
   */
  background(_now: Micros, us: Micros): void {
    this.ioDoneUs += us;
  }

  /** A new process (reboot, replacement): idle threads, connections re-dealt from worker 0. */
  reset(now: Micros): void {
    // Requests the old process had not executed yet never get their replies written.
    this.settleIo(now);
    this.ioPending = [];
    this.ioHead = 0;
    for (const t of this.threads) {
      // Work queued past now died with the old process: it never runs.
      t.scheduledUs -= Math.max(0, t.freeAt - now);
      t.freeAt = Math.min(t.freeAt, now);
    }
    this.nextThread = 0;
  }

  /** Utilisation since the previous sample (CloudWatch publishes per period; see docs). */
  sample(now: Micros): CpuSample {
    const windowUs = Math.max(0, now - this.lastSampleAt);
    this.settleIo(now);
    const engineUs = this.threads.reduce((s, t) => s + t.doneBy(now), 0);
    const hostUs = engineUs + this.ioDoneUs;
    const dEngine = engineUs - this.lastEngineUs;
    const dHost = hostUs - this.lastHostUs;
    this.lastSampleAt = now;
    this.lastEngineUs = engineUs;
    this.lastHostUs = hostUs;
    if (windowUs === 0) return { cpuUtilization: 0, engineCpuUtilization: 0, windowUs };
    const pct = (busy: number, cores: number) => Math.min(100, (100 * busy) / (windowUs * cores));
    return {
      cpuUtilization: pct(dHost, this.vcpus),
      engineCpuUtilization: pct(dEngine, this.threads.length),
      windowUs,
    };
  }
}
