// Reads a whole keyspace through ordinary commands (KEYS, TYPE, OBJECT ENCODING, PEXPIRETIME
// and the type's read command), the same way from the engine and from a real redis-server, so
// two servers can be compared key for key without trusting either one's serialisation. Expiry
// is read as an absolute time, so keyspaces read a few seconds apart still compare exactly.
import type { Reply } from '../../src/engine/redis/index';

export type Send = (argv: string[]) => Promise<Reply> | Reply | undefined;

export interface KeyState {
  readonly type: string;
  readonly encoding: string;
  /** PEXPIRETIME: -1 for no TTL, else the absolute expiry in Unix ms. */
  readonly expireAt: number;
  /** The value as read back: text for strings, JSON for aggregates. */
  readonly value: string;
  /** Clock readings inside the value (stream delivery and seen times), compared with slack. */
  readonly times: readonly number[];
}

const bulk = (r: Reply | undefined): string => {
  if (r?.kind === 'bulk' || r?.kind === 'simple') return r.value;
  throw new Error(`expected a bulk reply, got ${JSON.stringify(r)}`);
};
const bulks = (r: Reply | undefined): string[] => {
  if (r?.kind !== 'array') throw new Error(`expected an array reply, got ${JSON.stringify(r)}`);
  return r.items.map(bulk);
};
const int = (r: Reply | undefined): number => {
  if (r?.kind !== 'int') throw new Error(`expected an integer reply, got ${JSON.stringify(r)}`);
  return Number(r.value);
};

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function valueOf(send: Send, key: string, type: string, encoding: string): Promise<string> {
  switch (type) {
    case 'string':
      return bulk(await send(['GET', key]));
    case 'list':
      return JSON.stringify(bulks(await send(['LRANGE', key, '0', '-1'])));
    case 'set':
      return JSON.stringify(bulks(await send(['SMEMBERS', key])).sort(byteOrder));
    case 'zset':
      return JSON.stringify(bulks(await send(['ZRANGE', key, '0', '-1', 'WITHSCORES'])));
    case 'hash': {
      const flat = bulks(await send(['HGETALL', key]));
      const pairs: string[][] = [];
      for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
      // A listpack hash returns fields in listpack order on every server; a hashtable's order
      // depends on the dict, so only the set of pairs is compared.
      if (encoding !== 'listpack') pairs.sort((a, b) => byteOrder(a[0]!, b[0]!));
      return JSON.stringify(pairs);
    }
    case 'stream':
      return JSON.stringify(maskTimes(await send(['XINFO', 'STREAM', key, 'FULL', 'COUNT', '0'])));
    default:
      throw new Error(`no reader for type ${type}`);
  }
}

/**
 * XINFO STREAM FULL with its clock readings (delivery and seen times) replaced by '<time>': a
 * stream built by the same commands on two servers differs only there. Within one server's
 * round trip (SAVE → load, DUMP → RESTORE) they are compared through `times` instead.
 */
function maskTimes(r: Reply | undefined, path: readonly number[] = [], times?: number[]): unknown {
  if (r?.kind === 'array') return r.items.map((x, i) => maskTimes(x, [...path, i], times));
  if (r?.kind === 'int' && isStreamTime(path)) {
    times?.push(Number(r.value));
    return '<time>';
  }
  return r?.kind === 'int' ? Number(r.value) : r?.kind === 'bulk' ? r.value : (r?.kind ?? null);
}

/** Groups at index 17; in a group, pending [id, consumer, time, count] at 11, consumers at 13. */
const isStreamTime = (p: readonly number[]): boolean =>
  p[0] === 17 &&
  ((p.length === 5 && p[2] === 11 && p[4] === 2) ||
    (p.length === 5 && p[2] === 13 && p[4] === 3) ||
    (p.length === 7 && p[2] === 13 && p[4] === 7 && p[6] === 1));

/** A stream's clock readings, in XINFO STREAM FULL order. */
async function streamTimes(send: Send, key: string): Promise<number[]> {
  const times: number[] = [];
  maskTimes(await send(['XINFO', 'STREAM', key, 'FULL', 'COUNT', '0']), [], times);
  return times;
}

/** Every key of the given databases: `${db}:${key}` → its state. Leaves database 0 selected. */
export async function readKeyspace(
  send: Send,
  dbs: readonly number[],
): Promise<Map<string, KeyState>> {
  const out = new Map<string, KeyState>();
  for (const db of dbs) {
    await send(['SELECT', String(db)]);
    for (const key of bulks(await send(['KEYS', '*'])).sort(byteOrder)) {
      const type = bulk(await send(['TYPE', key]));
      const encoding = bulk(await send(['OBJECT', 'ENCODING', key]));
      const expireAt = int(await send(['PEXPIRETIME', key]));
      out.set(`${db}:${key}`, {
        type,
        encoding,
        expireAt,
        value: await valueOf(send, key, type, encoding),
        times: type === 'stream' ? await streamTimes(send, key) : [],
      });
    }
  }
  await send(['SELECT', '0']);
  return out;
}

/**
 * Differences between two keyspaces (empty = equal): missing keys, and per key any difference
 * in type, encoding or value, or TTLs more than `ttlSlackMs` apart.
 */
export function diffKeyspaces(
  a: ReadonlyMap<string, KeyState>,
  b: ReadonlyMap<string, KeyState>,
  ttlSlackMs = 1000,
): string[] {
  const out: string[] = [];
  const show = (k: string) => JSON.stringify(k.length > 60 ? `${k.slice(0, 60)}…` : k);
  for (const [k, x] of a) {
    const y = b.get(k);
    if (y === undefined) {
      out.push(`${show(k)} missing on the right`);
      continue;
    }
    if (x.type !== y.type) out.push(`${show(k)} type ${x.type} vs ${y.type}`);
    if (x.encoding !== y.encoding) out.push(`${show(k)} encoding ${x.encoding} vs ${y.encoding}`);
    if (x.value !== y.value) out.push(`${show(k)} value differs`);
    const ttlOk =
      (x.expireAt < 0 && x.expireAt === y.expireAt) ||
      (x.expireAt >= 0 && y.expireAt >= 0 && Math.abs(x.expireAt - y.expireAt) <= ttlSlackMs);
    if (!ttlOk) out.push(`${show(k)} expiry ${x.expireAt} vs ${y.expireAt}`);
    const timesOk =
      x.times.length === y.times.length &&
      x.times.every((t, i) => Math.abs(t - y.times[i]!) <= ttlSlackMs);
    if (!timesOk) out.push(`${show(k)} stream times ${x.times.join(',')} vs ${y.times.join(',')}`);
  }
  for (const k of b.keys()) if (!a.has(k)) out.push(`${show(k)} missing on the left`);
  return out;
}
