/**
 * ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE, ZUNION, ZINTER, ZDIFF, ZINTERCARD
 * (zunionInterDiffGenericCommand, t_zset.c 7.0). Plain sets are accepted as inputs with score 1.
 */
import { defineCommand, type Argv } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseDouble, parseInt64 } from '../../args';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { isErrorReply } from '../../structures/access';
import { RedisZset } from '../../structures/zset-value';
import { compareBinary } from '../../structures/skiplist';
import { scoreReply } from './zset-args';
import { numkeysKeys } from '../../key-positions';
import { pairsReply } from '../../resp3';

type Op = 'union' | 'inter' | 'diff';
const STORE_EVENT = { union: 'zunionstore', inter: 'zinterstore', diff: 'zdiffstore' } as const;
type Agg = 'sum' | 'min' | 'max';
interface Src {
  entries: Map<BinStr, number> | null;
  weight: number;
}

function aggregate(agg: Agg, a: number, b: number): number {
  if (agg === 'sum') {
    const s = a + b;
    return Number.isNaN(s) ? 0 : s;
  }
  return agg === 'min' ? (b < a ? b : a) : b > a ? b : a;
}

function loadSource(c: Client, key: BinStr): Map<BinStr, number> | null | Reply {
  const e = c.db.lookupRead(key);
  if (e === undefined) return null;
  if (e.type === 'zset') return e.value.dict;
  if (e.type === 'set') return new Map(e.value.members().map((m) => [m, 1] as const));
  return reply.wrongType();
}

function generic(
  c: Client,
  argv: Argv,
  numkeysAt: number,
  op: Op,
  store: boolean,
  cardOnly: boolean,
  name: string,
): Reply {
  const setnum = parseInt64(argv[numkeysAt]!);
  if (setnum === null) return reply.notInteger();
  if (setnum < 1) return reply.error(`ERR at least 1 input key is needed for '${name}' command`);
  if (setnum > argv.length - (numkeysAt + 1)) return reply.syntax();
  const srcs: Src[] = [];
  for (let i = 0; i < setnum; i++) {
    const s = loadSource(c, argv[numkeysAt + 1 + i]!);
    if (isErrorReply(s)) return s;
    srcs.push({ entries: s as Map<BinStr, number> | null, weight: 1 });
  }
  let agg: Agg = 'sum';
  let withScores = false;
  let limit = 0;
  for (let j = numkeysAt + 1 + setnum; j < argv.length;) {
    const remaining = argv.length - j;
    const a = argv[j]!;
    if (op !== 'diff' && !cardOnly && remaining >= setnum + 1 && eqi(a, 'weights')) {
      j++;
      for (let i = 0; i < setnum; i++, j++) {
        const w = parseDouble(argv[j]!);
        if (w === null) return reply.error('ERR weight value is not a float');
        srcs[i]!.weight = w;
      }
    } else if (op !== 'diff' && !cardOnly && remaining >= 2 && eqi(a, 'aggregate')) {
      const v = argv[j + 1]!;
      if (eqi(v, 'sum')) agg = 'sum';
      else if (eqi(v, 'min')) agg = 'min';
      else if (eqi(v, 'max')) agg = 'max';
      else return reply.syntax();
      j += 2;
    } else if (remaining >= 1 && !store && !cardOnly && eqi(a, 'withscores')) {
      withScores = true;
      j++;
    } else if (cardOnly && remaining >= 2 && eqi(a, 'limit')) {
      const n = parseInt64(argv[j + 1]!);
      if (n === null || n < 0) return reply.error("ERR LIMIT can't be negative");
      limit = n;
      j += 2;
    } else return reply.syntax();
  }
  const result = new Map<BinStr, number>();
  const weighted = (s: Src, v: number) => {
    const x = s.weight * v;
    return Number.isNaN(x) ? 0 : x;
  };
  if (op === 'union') {
    for (const s of srcs) {
      if (s.entries === null) continue;
      for (const [m, v] of s.entries) {
        const x = weighted(s, v);
        const cur = result.get(m);
        result.set(m, cur === undefined ? x : aggregate(agg, cur, x));
      }
    }
  } else if (op === 'inter') {
    // Redis walks the smallest input first (zuiCompareByCardinality); the result is the same set.
    const order = srcs.slice().sort((a, b) => (a.entries?.size ?? 0) - (b.entries?.size ?? 0));
    const first = order[0]!;
    if (first.entries !== null && order.every((s) => s.entries !== null)) {
      for (const [m, v] of first.entries) {
        let score = weighted(first, v);
        let ok = true;
        for (let i = 1; i < order.length; i++) {
          const other = order[i]!.entries!.get(m);
          if (other === undefined) {
            ok = false;
            break;
          }
          score = aggregate(agg, score, order[i]!.weight * other);
        }
        if (!ok) continue;
        result.set(m, score);
        if (cardOnly && limit !== 0 && result.size >= limit) break;
      }
    }
  } else if (srcs[0]!.entries !== null) {
    for (const [m, v] of srcs[0]!.entries)
      if (!srcs.some((s, i) => i > 0 && s.entries?.has(m))) result.set(m, v);
  }
  if (cardOnly) return reply.int(result.size);
  const sorted = [...result].sort((a, b) => a[1] - b[1] || compareBinary(a[0], b[0]));
  if (store) {
    const dst = argv[1]!;
    if (sorted.length === 0) {
      if (c.db.delete(dst)) c.db.notify(NC.GENERIC, 'del', dst);
      return reply.int(0);
    }
    const maxLen = sorted.reduce((m, [k]) => Math.max(m, k.length), 0);
    const z = new RedisZset(c.engine.config, sorted.length, maxLen);
    for (const [m, s] of sorted) z.set(m, s);
    c.db.replace(dst, 'zset', z);
    c.db.notify(NC.ZSET, STORE_EVENT[op], dst);
    return reply.int(z.length);
  }
  const out: Reply[] = [];
  for (const [m, s] of sorted) {
    out.push(reply.bulk(m));
    if (withScores) out.push(scoreReply(c, s));
  }
  return withScores ? pairsReply(c, out) : reply.array(out);
}

const storeKeys = { first: 1, last: 1, step: 1 };
const def = (name: string, op: Op, store: boolean, syntax: string, summary: string) =>
  defineCommand({
    name,
    arity: store ? -4 : -3,
    flags: store ? ['write', 'denyoom'] : ['readonly'],
    keys: store ? storeKeys : { first: 2, last: -1, step: 1 },
    getKeys: store ? numkeysKeys(2, 1) : numkeysKeys(1),
    group: 'sorted-set',
    syntax,
    summary,
    run: (c, argv) => generic(c, argv, store ? 2 : 1, op, store, false, name),
  });

export const zunionstore = def(
  'zunionstore',
  'union',
  true,
  'ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX]',
  'Stores the union of sorted sets.',
);
export const zinterstore = def(
  'zinterstore',
  'inter',
  true,
  'ZINTERSTORE destination numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX]',
  'Stores the intersection of sorted sets.',
);
export const zdiffstore = def(
  'zdiffstore',
  'diff',
  true,
  'ZDIFFSTORE destination numkeys key [key ...]',
  'Stores the members of the first sorted set not in the others.',
);
export const zunion = def(
  'zunion',
  'union',
  false,
  'ZUNION numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]',
  'Union of sorted sets.',
);
export const zinter = def(
  'zinter',
  'inter',
  false,
  'ZINTER numkeys key [key ...] [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES]',
  'Intersection of sorted sets.',
);
export const zdiff = def(
  'zdiff',
  'diff',
  false,
  'ZDIFF numkeys key [key ...] [WITHSCORES]',
  'Members of the first sorted set not in the others.',
);

export const zintercard = defineCommand({
  name: 'zintercard',
  arity: -3,
  flags: ['readonly'],
  keys: { first: 2, last: -1, step: 1 },
  getKeys: numkeysKeys(1),
  group: 'sorted-set',
  syntax: 'ZINTERCARD numkeys key [key ...] [LIMIT limit]',
  summary: 'Size of the intersection of sorted sets, stopping early at LIMIT.',
  run: (c, argv) => generic(c, argv, 1, 'inter', false, true, 'zintercard'),
});
