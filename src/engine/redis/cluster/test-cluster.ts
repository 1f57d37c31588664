// Test support: a three-master engine cluster on a virtual clock, ticked as a server would.
import { manualClock } from '../../clock';
import type { ManualClock } from '../../clock';
import { keyHashSlot } from '../../cluster/slots';
import type { RedisEngine } from '../engine';
import type { Reply } from '../reply';
import type { BusTransport } from './bus';
import { createRedisCluster } from './create';
import type { RedisCluster } from './create';

export interface TestCluster extends RedisCluster {
  readonly clock: ManualClock;
  /** Advances the clock in 100 ms steps, ticking every node (cron, heartbeats, state). */
  run(ms: number): void;
  /** Node i's ID. */
  id(i: number): string;
}

export function testCluster(
  opts: {
    masters?: number;
    replicas?: number;
    seed?: number;
    transport?: BusTransport;
    nodeTimeoutMs?: number;
    settle?: boolean;
  } = {},
): TestCluster {
  const clock = manualClock(1_700_000_000_000);
  const c = createRedisCluster({
    clock,
    masters: opts.masters ?? 3,
    basePort: 7000,
    ...(opts.replicas !== undefined ? { replicas: opts.replicas } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.transport !== undefined ? { transport: opts.transport } : {}),
    ...(opts.nodeTimeoutMs !== undefined ? { nodeTimeoutMs: opts.nodeTimeoutMs } : {}),
  });
  const run = (ms: number): void => {
    for (let t = 0; t < ms; t += 100) {
      clock.advance(100);
      for (const n of c.nodes) n.tick();
    }
  };
  if (opts.settle !== false) run(2100); // past CLUSTER_WRITABLE_DELAY: cluster_state:ok
  return { ...c, clock, run, id: (i) => c.nodes[i]!.cluster!.myself.id };
}

/** Node serving a slot with redis-cli's allocation for three masters. */
export const ownerOf = (slot: number): number => (slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2);

/** The n-th hash tag "{tN}" whose slot satisfies `ok`. */
export function tagWhere(ok: (slot: number) => boolean, skip = 0): string {
  for (let i = 0, found = 0; ; i++) {
    const t = `{t${i}}`;
    if (ok(keyHashSlot(t)) && found++ === skip) return t;
  }
}

/** A reply's text for compact assertions: errors as "-…", bulks as text, arrays recursively. */
export function show(r: Reply | undefined): unknown {
  if (r === undefined) return 'blocked';
  switch (r.kind) {
    case 'error':
      return `-${r.message}`;
    case 'simple':
      return r.value;
    case 'int':
      return Number(r.value);
    case 'bulk':
      return r.value;
    case 'array':
      return r.items.map(show);
    default:
      return null;
  }
}

export const exec = (n: RedisEngine, ...argv: string[]): unknown => show(n.exec(argv));
