/**
 * SINTER, SUNION, SDIFF, their *STORE forms and SINTERCARD (t_set.c). Every key is looked up
 * and type-checked first (a WRONGTYPE anywhere wins); a missing key is an empty set.
 * STORE results start as an intset and convert like any SADD (createIntsetObject + setTypeAdd).
 */
import { defineCommand, type Argv } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { readAs, isErrorReply } from '../../structures/access';
import { RedisSet } from '../../structures/set-value';
import { numkeysKeys } from '../../key-positions';
import { setReply } from '../../resp3';

type Op = 'inter' | 'union' | 'diff';

function load(c: Client, keys: readonly BinStr[]): (RedisSet | null)[] | Reply {
  const sets: (RedisSet | null)[] = [];
  for (const k of keys) {
    const s = readAs(c, k, 'set');
    if (isErrorReply(s)) return s;
    sets.push(s);
  }
  return sets;
}

function compute(op: Op, sets: readonly (RedisSet | null)[], limit = 0): BinStr[] {
  const first = sets[0] ?? null;
  if (op === 'inter') {
    if (sets.some((s) => s === null)) return [];
    const ordered = (sets as RedisSet[]).slice().sort((a, b) => a.size() - b.size());
    const out: BinStr[] = [];
    for (const m of ordered[0]!.members()) {
      if (ordered.every((s) => s.has(m))) {
        out.push(m);
        if (limit !== 0 && out.length >= limit) break;
      }
    }
    return out;
  }
  if (op === 'union') {
    const seen = new Set<BinStr>();
    for (const s of sets) if (s !== null) for (const m of s.members()) seen.add(m);
    return [...seen];
  }
  if (first === null) return [];
  return first.members().filter((m) => !sets.some((s, i) => i > 0 && s !== null && s.has(m)));
}

const STORE_EVENT = { inter: 'sinterstore', union: 'sunionstore', diff: 'sdiffstore' } as const;

function storeResult(c: Client, op: Op, dst: BinStr, members: readonly BinStr[]): Reply {
  if (members.length === 0) {
    if (c.db.delete(dst)) c.db.notify(NC.GENERIC, 'del', dst);
    return reply.int(0);
  }
  const s = new RedisSet(c.engine.config);
  for (const m of members) s.add(m);
  c.db.replace(dst, 'set', s);
  c.db.notify(NC.SET, STORE_EVENT[op], dst);
  return reply.int(s.size());
}

const def = (name: string, op: Op, store: boolean) =>
  defineCommand({
    name,
    arity: store ? -3 : -2,
    flags: store ? ['write', 'denyoom'] : ['readonly'],
    keys: store ? { first: 1, last: -1, step: 1 } : { first: 1, last: -1, step: 1 },
    group: 'set',
    syntax: store
      ? `${name.toUpperCase()} destination key [key ...]`
      : `${name.toUpperCase()} key [key ...]`,
    summary: `${op === 'inter' ? 'Intersection' : op === 'union' ? 'Union' : 'Difference'} of sets${store ? ', stored at destination' : ''}.`,
    run: (c: Client, argv: Argv): Reply => {
      const keys = argv.slice(store ? 2 : 1);
      const sets = load(c, keys);
      if (!Array.isArray(sets)) {
        const r = sets as Reply;
        // A missing key answers the empty set (shared.emptyset).
        return !store && r.kind === 'array' && r.items.length === 0 ? setReply(c, []) : r;
      }
      const members = compute(op, sets);
      return store ? storeResult(c, op, argv[1]!, members) : setReply(c, members.map(reply.bulk));
    },
  });

export const sinter = def('sinter', 'inter', false);
export const sunion = def('sunion', 'union', false);
export const sdiff = def('sdiff', 'diff', false);
export const sinterstore = def('sinterstore', 'inter', true);
export const sunionstore = def('sunionstore', 'union', true);
export const sdiffstore = def('sdiffstore', 'diff', true);

export const sintercard = defineCommand({
  name: 'sintercard',
  arity: -3,
  flags: ['readonly'],
  keys: { first: 2, last: -1, step: 1 },
  getKeys: numkeysKeys(1),
  group: 'set',
  syntax: 'SINTERCARD numkeys key [key ...] [LIMIT limit]',
  summary: 'Size of the intersection, stopping early at LIMIT.',
  run: (c, argv) => {
    const numkeys = parseInt64(argv[1]!);
    if (numkeys === null || numkeys < 1) return reply.error('ERR numkeys should be greater than 0');
    if (numkeys > argv.length - 2)
      return reply.error("ERR Number of keys can't be greater than number of args");
    let limit = 0;
    for (let j = 2 + numkeys; j < argv.length; j++) {
      if (eqi(argv[j]!, 'limit') && argv.length - 1 - j > 0) {
        const n = parseInt64(argv[++j]!);
        if (n === null || n < 0) return reply.error("ERR LIMIT can't be negative");
        limit = n;
      } else {
        return reply.syntax();
      }
    }
    const sets = load(c, argv.slice(2, 2 + numkeys));
    if (!Array.isArray(sets)) return sets as Reply;
    return reply.int(compute('inter', sets, limit).length);
  },
});
