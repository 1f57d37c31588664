import {
  createRedisEngine,
  type Client,
  type MaxmemoryPolicy,
  type RedisEngine,
  type RedisEngineOptions,
  type Reply,
} from '../../engine/redis/index';
import type { Kernel } from '../kernel/kernel';
import type { RandomStream } from '../rng';

/**
 * Virtual time 0 as wall-clock time for the engines (2026-01-01T00:00:00Z), so TIME, EXPIREAT
 * and TTLs look like real timestamps and stay deterministic.
 */
export const SIM_EPOCH_MS = 1_767_225_600_000;

/** Redis's default `hz` is 10: the active expire cycle runs every 100 ms. */
const ACTIVE_EXPIRE_EVERY_US = 100_000;

export interface RedisNodeOptions {
  maxmemory: number;
  policy: MaxmemoryPolicy;
}

/** What an ElastiCache node adds to its engine at each process start (cluster mode, …). */
export interface RedisNodeBoot {
  /** Extra engine options, asked for at every process start (e.g. a cluster bus and node ID). */
  engine?: () => Partial<RedisEngineOptions>;
  /**
   * Run the engine's whole serverCron every 100 ms (engine.tick: expiry, cluster cron,
   * replication cron) rather than only the active expire cycle.
   */
  fullCron?: boolean;
}

/**
 * One simulated ElastiCache (Valkey/Redis OSS) node: the real engine with the ElastiCache
 * profile, on the simulator's virtual clock, with its active expire cycle scheduled on the
 * kernel. `replace()` models a node replacement: same endpoint, empty data.
 */
export class RedisNode {
  engine: RedisEngine;
  /** The application's connection and the student's console connection. */
  app: Client;
  console: Client;
  up = true;
  private expireCycle: ReturnType<Kernel['after']> | null = null;

  constructor(
    private readonly kernel: Kernel,
    private readonly rng: RandomStream,
    private options: RedisNodeOptions,
    private readonly onKeyspaceEvent?: (event: 'expired' | 'evicted', key: string) => void,
    private readonly extra: RedisNodeBoot = {},
  ) {
    this.engine = this.boot();
    this.app = this.engine.connect({ name: 'app' });
    this.console = this.engine.connect({ name: 'console' });
    this.scheduleExpireCycle();
  }

  /** Runs one command from the app (arguments are ASCII here, so text = bytes). */
  exec(argv: string[]): Reply {
    return this.app.exec(argv) ?? { kind: 'null' };
  }

  /**
   * Changes the node's parameter group values. ElastiCache refuses CONFIG from clients (the
   * profile answers it as an unknown command), so this goes through the engine, as a
   * ModifyCacheParameterGroup would.
   */
  configure(options: RedisNodeOptions): void {
    this.options = options;
    const err = this.engine.configure({
      maxmemory: options.maxmemory,
      'maxmemory-policy': options.policy,
    });
    if (err !== null) throw new Error(`invalid cache parameters: ${err}`);
  }

  /** The node is replaced (or restarted without a replica): it comes back with no data. */
  replace(): void {
    this.leaveCluster();
    this.engine = this.boot();
    this.app = this.engine.connect({ name: 'app' });
    this.console = this.engine.connect({ name: 'console' });
    this.up = true;
  }

  crash(): void {
    this.up = false;
    this.leaveCluster();
  }

  /**
   * The process is gone and its data with it: a fresh, empty engine outside any cluster stands
   * in until the next start, so a stopped node reports nothing.
   */
  wipe(): void {
    this.crash();
    this.engine = this.boot(false);
    this.app = this.engine.connect({ name: 'app' });
    this.console = this.engine.connect({ name: 'console' });
  }

  /** A stopped process is off the cluster bus: its peers stop hearing from it. */
  private leaveCluster(): void {
    const c = this.engine.cluster;
    if (c) c.bus.detach(c);
  }

  private boot(withExtra = true): RedisEngine {
    const engine = createRedisEngine({
      ...(withExtra ? this.extra.engine?.() : undefined),
      clock: { nowMs: () => SIM_EPOCH_MS + this.kernel.now / 1000 },
      rng: { next: () => this.rng.next(), int: (n) => this.rng.int(n) },
      profile: 'elasticache',
      maxmemory: this.options.maxmemory,
      maxmemoryPolicy: this.options.policy,
    });
    if (this.onKeyspaceEvent) {
      const listener = this.onKeyspaceEvent;
      engine.onKeyspaceEvent('xe', (event, key) => {
        if (event === 'expired' || event === 'evicted') listener(event, key);
      });
    }
    return engine;
  }

  private scheduleExpireCycle(): void {
    this.expireCycle = this.kernel.after(ACTIVE_EXPIRE_EVERY_US, () => {
      if (this.up) {
        if (this.extra.fullCron) this.engine.tick();
        else this.engine.activeExpireCycle();
      }
      this.scheduleExpireCycle();
    });
  }

  dispose(): void {
    if (this.expireCycle) this.kernel.cancel(this.expireCycle);
  }
}
