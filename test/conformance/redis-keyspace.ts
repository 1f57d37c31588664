// Reads a whole keyspace over RESP (any server: real or the engine's TCP server), key by key:
// type, value (unordered types sorted) and absolute expiry, for comparing two servers.
import { encodeCommand } from '../../src/engine/redis/index';
import type { Reply } from '../../src/engine/redis/index';
import type { RawRedisConnection } from './redis-real-server';

const bulk = (r: Reply): string =>
  r.kind === 'bulk' || r.kind === 'simple' ? r.value : `<${r.kind}>`;
const items = (r: Reply): string[] => (r.kind === 'array' ? r.items.map(bulk) : [`<${r.kind}>`]);

export interface KeyState {
  readonly key: string;
  readonly type: string;
  readonly value: string;
  /** PEXPIRETIME: absolute ms, -1 without TTL. */
  readonly expireAt: number;
}

/** Sends `cmds` pipelined and returns the replies in order. */
async function all(c: RawRedisConnection, cmds: string[][]): Promise<Reply[]> {
  c.write(cmds.map((a) => encodeCommand(a)).join(''));
  const out: Reply[] = [];
  for (let i = 0; i < cmds.length; i++) out.push(await c.next());
  return out;
}

export async function readKeyspace(
  c: RawRedisConnection,
  dbs = 16,
): Promise<Map<string, KeyState>> {
  const out = new Map<string, KeyState>();
  for (let db = 0; db < dbs; db++) {
    await c.send(['SELECT', String(db)]);
    const keys = items(await c.send(['KEYS', '*']));
    const types = (
      await all(
        c,
        keys.map((k) => ['TYPE', k]),
      )
    ).map(bulk);
    const reads = keys.map((key, i): string[] => {
      const type = types[i]!;
      if (type === 'string') return ['GET', key];
      if (type === 'hash') return ['HGETALL', key];
      if (type === 'list') return ['LRANGE', key, '0', '-1'];
      if (type === 'set') return ['SMEMBERS', key];
      if (type === 'zset') return ['ZRANGE', key, '0', '-1', 'WITHSCORES'];
      return ['TYPE', key];
    });
    const values = await all(c, reads);
    const ttls = await all(
      c,
      keys.map((k) => ['PEXPIRETIME', k]),
    );
    keys.forEach((key, i) => {
      const type = types[i]!;
      const r = values[i]!;
      let v = r.kind === 'array' ? items(r) : [bulk(r)];
      if (type === 'hash') v = pairs(v);
      if (type === 'set') v.sort();
      const t = ttls[i]!;
      out.set(`${db}/${key}`, {
        key,
        type,
        value: JSON.stringify(v),
        expireAt: t.kind === 'int' ? Number(t.value) : -3,
      });
    });
  }
  await c.send(['SELECT', '0']);
  return out;
}

function pairs(flat: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < flat.length; i += 2) out.push(`${flat[i]}=${flat[i + 1]}`);
  return out.sort();
}

/** Differences between two keyspaces; TTLs may differ by `ttlToleranceMs`. */
export function keyspaceDiff(
  a: Map<string, KeyState>,
  b: Map<string, KeyState>,
  ttlToleranceMs = 1000,
): string[] {
  const diffs: string[] = [];
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y === undefined) diffs.push(`${k}: only on the first (${x.type})`);
    else if (x.type !== y.type || x.value !== y.value)
      diffs.push(`${k}: ${x.type} ${x.value} vs ${y.type} ${y.value}`);
    else if (
      (x.expireAt === -1) !== (y.expireAt === -1) ||
      Math.abs(x.expireAt - y.expireAt) > ttlToleranceMs
    ) {
      diffs.push(`${k}: expires ${x.expireAt} vs ${y.expireAt}`);
    }
  }
  for (const k of b.keys()) if (!a.has(k)) diffs.push(`${k}: only on the second`);
  return diffs.slice(0, 10);
}
