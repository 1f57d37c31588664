// Helpers for comparing two clusters' layouts (redis-cluster-replicas.test.ts): raw commands,
// replies as plain data, nodes named by their place at creation, and CLUSTER NODES / SHARDS /
// SLOTS with ids, addresses and timings made comparable.
import type { Reply } from '../../src/engine/redis/index';
import { RawRedisConnection } from './redis-real-server';

export async function send(port: number, ...argv: string[]): Promise<Reply> {
  const c = await RawRedisConnection.connect(port);
  try {
    return await c.send(argv);
  } finally {
    c.close();
  }
}

/** A reply as plain data: errors as "-…", bulks and simple strings as text. */
export function plain(r: Reply): unknown {
  switch (r.kind) {
    case 'error':
      return `-${r.message}`;
    case 'simple':
      return r.value;
    case 'bulk':
      return r.value;
    case 'int':
      return Number(r.value);
    case 'array':
      return r.items.map(plain);
    default:
      return null;
  }
}

/**
 * Names for a cluster's nodes by their place when it was created, so two clusters compare
 * although redis-cli places replicas at random on one host: masters (the first three ports)
 * are m0..m2, a replica is r0..r2 after the master it was given; IDs and addresses likewise.
 */
export interface Naming {
  readonly ports: readonly number[];
  /** Port index of the replica created for master `m`. */
  replicaOf(m: number): number;
  name(s: string): string;
}

export async function naming(ports: readonly number[]): Promise<Naming> {
  const ids = await Promise.all(ports.map(async (p) => plain(await send(p, 'CLUSTER', 'MYID'))));
  const text = String(plain(await send(ports[0]!, 'CLUSTER', 'NODES')));
  const label: string[] = [];
  for (const line of text.trim().split('\n')) {
    const [id, , flags, master] = line.split(' ');
    const i = ids.indexOf(id);
    label[i] = flags!.includes('slave') ? `r${ids.indexOf(master)}` : `m${i}`;
  }
  return {
    ports,
    replicaOf: (m) => label.indexOf(`r${m}`),
    name: (s) => {
      let out = s;
      ids.forEach((id, i) => (out = out.replaceAll(String(id), label[i]!)));
      ports.forEach((p, i) => {
        out = out.replaceAll(`127.0.0.1:${p}@${p + 10000}`, `addr-${label[i]}`);
        out = out.replaceAll(`127.0.0.1:${p}`, `addr-${label[i]}`);
      });
      return out;
    },
  };
}

/** CLUSTER NODES from `port`, named, ping/pong times masked, lines sorted. */
export async function nodesLayout(n: Naming, port: number): Promise<string[]> {
  const text = String(plain(await send(port, 'CLUSTER', 'NODES')));
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const f = n.name(line).split(' ');
      f[4] = 'ping';
      f[5] = 'pong';
      return f.join(' ');
    })
    .sort();
}

/**
 * CLUSTER SHARDS from `port`: shards sorted by first slot, ids/ports named, offsets as > 0.
 * `settled` false also masks health: until the first stream byte (a primary's first PING comes
 * up to 10 s after it started) a replica's offset is 0 and its health 'loading'; the engine's
 * ready-made cluster attaches replicas before its first replication cron, so its PING is earlier.
 */
export async function shardsLayout(n: Naming, port: number, settled = true): Promise<unknown> {
  const shards = plain(await send(port, 'CLUSTER', 'SHARDS')) as unknown[][];
  return shards
    .map((shard) => {
      const nodes = (shard[3] as unknown[][]).map((node) => {
        const m: unknown[] = [...node];
        for (let i = 0; i < m.length; i += 2) {
          if (m[i] === 'id') m[i + 1] = n.name(String(m[i + 1]));
          if (m[i] === 'port') m[i + 1] = n.name(`127.0.0.1:${String(m[i + 1])}`);
          if (m[i] === 'replication-offset') m[i + 1] = Number(m[i + 1]) > 0;
          if (!settled && m[i] === 'replication-offset') m[i + 1] = 'offset';
          if (!settled && m[i] === 'health' && m[i + 1] === 'loading') m[i + 1] = 'online';
        }
        return m;
      });
      return [shard[0], shard[1], shard[2], nodes];
    })
    .sort((a, b) => JSON.stringify(a[1]).localeCompare(JSON.stringify(b[1])));
}

/** CLUSTER SLOTS from `port`, ids/ports named. */
export async function slotsLayout(n: Naming, port: number): Promise<string> {
  const slots = JSON.stringify(plain(await send(port, 'CLUSTER', 'SLOTS')));
  return n.ports.reduce(
    (s, p) => s.replaceAll(`,${p},`, `,"${n.name(`127.0.0.1:${p}`)}",`),
    n.name(slots),
  );
}

/** Waits until every node's view of the roles is the same (role changes spread by gossip). */
export async function waitViewsAgree(n: Naming, ok: (view: string[]) => boolean): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const views = await Promise.all(n.ports.map((p) => nodesLayout(n, p)));
    const plainViews = views.map((v) => JSON.stringify(v.map((l) => l.replace('myself,', ''))));
    if (views.every(ok) && plainViews.every((v) => v === plainViews[0])) return;
    if (Date.now() > deadline) throw new Error(`views disagree:\n${views.join('\n\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
