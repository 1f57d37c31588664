/**
 * ZRANGE and its older forms (zrangeGenericCommand in t_zset.c 7.0): option parsing, the
 * LIMIT/WITHSCORES/BYLEX incompatibility errors, argument order (ranges are parsed before the
 * key is looked up) and ZRANGESTORE.
 */
import { defineCommand, type Argv, type KeySpec } from '../../command';
import type { Client } from '../../client';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { readAs, isErrorReply } from '../../structures/access';
import { RedisZset } from '../../structures/zset-value';
import { NIL, scoreGteMin, scoreLteMax, type NodeRef } from '../../structures/skiplist';
import type { ZEntry } from '../../structures/zset-value';
import { lexGteMin, lexLteMax } from '../../structures/skiplist-lex';
import {
  NOT_FLOAT_RANGE,
  NOT_LEX_RANGE,
  parseLexRange,
  parseScoreRange,
  scoreReply,
  type ParsedLex,
} from './zset-args';
import { pairsReply } from '../../resp3';

type Kind = 'auto' | 'rank' | 'score' | 'lex';
type Dir = 'auto' | 'fwd' | 'rev';
type Node = ZEntry;

/** genericZrangebyrankCommand's clamping, then a walk from the start node. */
export function rangeByRank(z: RedisZset, start: number, end: number, rev: boolean): Node[] {
  const llen = z.length;
  if (start < 0) start = llen + start;
  if (end < 0) end = llen + end;
  if (start < 0) start = 0;
  if (start > end || start >= llen) return [];
  if (end >= llen) end = llen - 1;
  const zsl = z.zsl;
  const out: Node[] = [];
  let n = zsl.byRank(rev ? llen - 1 - start : start);
  for (let i = start; i <= end && n !== NIL; i++) {
    out.push({ member: zsl.member(n), score: zsl.score(n) });
    n = rev ? zsl.prev(n) : zsl.next(n);
  }
  return out;
}

/** Walks `first` onward, skipping `offset` and taking `limit` (negative = all) while `inside`. */
function walk(
  z: RedisZset,
  first: NodeRef,
  rev: boolean,
  offset: number,
  limit: number,
  inside: (n: NodeRef) => boolean,
): Node[] {
  const zsl = z.zsl;
  const out: Node[] = [];
  let n = first;
  while (n !== NIL && offset !== 0) {
    if (!inside(n)) return out;
    offset--;
    n = rev ? zsl.prev(n) : zsl.next(n);
  }
  while (n !== NIL && limit !== 0 && inside(n)) {
    out.push({ member: zsl.member(n), score: zsl.score(n) });
    limit--;
    n = rev ? zsl.prev(n) : zsl.next(n);
  }
  return out;
}

export function rangeByScore(
  z: RedisZset,
  r: ReturnType<typeof parseScoreRange> & object,
  rev: boolean,
  offset = 0,
  limit = -1,
): Node[] {
  if (offset < 0 || (offset > 0 && offset >= z.length)) return [];
  return rev
    ? walk(z, z.zsl.lastInScoreRange(r), true, offset, limit, (n) => scoreGteMin(z.zsl.score(n), r))
    : walk(z, z.zsl.firstInScoreRange(r), false, offset, limit, (n) =>
        scoreLteMax(z.zsl.score(n), r),
      );
}

export function rangeByLex(
  z: RedisZset,
  r: ParsedLex,
  rev: boolean,
  offset = 0,
  limit = -1,
): Node[] {
  if (r.empty || offset < 0 || (offset > 0 && offset >= z.length)) return [];
  // Forward walks stop past max, backward walks before min (what Redis checks on each step).
  return rev
    ? walk(z, z.lexLast(r), true, offset, limit, (n) => lexGteMin(z.zsl, z.zsl.member(n), r))
    : walk(z, z.lexFirst(r), false, offset, limit, (n) => lexLteMax(z.zsl, z.zsl.member(n), r));
}

export function nodesReply(c: Client, nodes: readonly Node[], withScores: boolean): Reply {
  const out: Reply[] = [];
  for (const n of nodes) {
    out.push(reply.bulk(n.member));
    if (withScores) out.push(scoreReply(c, n.score));
  }
  return withScores ? pairsReply(c, out) : reply.array(out);
}

function zrangeGeneric(
  c: Client,
  argv: Argv,
  at: number,
  store: boolean,
  kind: Kind,
  dir: Dir,
): Reply {
  let withScores = false;
  let offset = 0;
  let limit = -1;
  let limitGiven = false;
  for (let j = at + 3; j < argv.length; j++) {
    const a = argv[j]!;
    const left = argv.length - j - 1;
    if (!store && eqi(a, 'withscores')) withScores = true;
    else if (eqi(a, 'limit') && left >= 2) {
      const o = parseInt64(argv[j + 1]!);
      if (o === null) return reply.notInteger();
      const l = parseInt64(argv[j + 2]!);
      if (l === null) return reply.notInteger();
      offset = o;
      limit = l;
      limitGiven = l !== -1;
      j += 2;
    } else if (dir === 'auto' && eqi(a, 'rev')) dir = 'rev';
    else if (kind === 'auto' && eqi(a, 'bylex')) kind = 'lex';
    else if (kind === 'auto' && eqi(a, 'byscore')) kind = 'score';
    else return reply.syntax();
  }
  const rev = dir === 'rev';
  if (kind === 'auto') kind = 'rank';
  if (limitGiven && kind === 'rank')
    return reply.error(
      'ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX',
    );
  if (withScores && kind === 'lex')
    return reply.error('ERR syntax error, WITHSCORES not supported in combination with BYLEX');
  let minArg = argv[at + 1]!;
  let maxArg = argv[at + 2]!;
  if (rev && kind !== 'rank') [minArg, maxArg] = [maxArg, minArg];
  let pick: (z: RedisZset) => Node[];
  if (kind === 'rank') {
    const s = parseInt64(minArg);
    if (s === null) return reply.notInteger();
    const e = parseInt64(maxArg);
    if (e === null) return reply.notInteger();
    pick = (z) => rangeByRank(z, s, e, rev);
  } else if (kind === 'score') {
    const r = parseScoreRange(minArg, maxArg);
    if (r === null) return NOT_FLOAT_RANGE;
    pick = (z) => rangeByScore(z, r, rev, offset, limit);
  } else {
    const r = parseLexRange(minArg, maxArg);
    if (r === null) return NOT_LEX_RANGE;
    pick = (z) => rangeByLex(z, r, rev, offset, limit);
  }
  const z = readAs(c, argv[at]!, 'zset');
  if (isErrorReply(z)) return z;
  const nodes = z === null ? [] : pick(z);
  if (!store) return nodesReply(c, nodes, withScores);
  const dst = argv[1]!;
  if (nodes.length === 0) {
    if (c.db.delete(dst)) c.db.notify(NC.GENERIC, 'del', dst);
    return reply.int(0);
  }
  const out = new RedisZset(c.engine.config, kind === 'rank' ? nodes.length : 0);
  for (const n of nodes) out.set(n.member, n.score);
  c.db.replace(dst, 'zset', out);
  c.db.notify(NC.ZSET, 'zrangestore', dst);
  return reply.int(nodes.length);
}

const ONE: KeySpec = { first: 1, last: 1, step: 1 };

const def = (
  name: string,
  syntax: string,
  summary: string,
  kind: Kind,
  dir: Dir,
  readonlyArity = -4,
) =>
  defineCommand({
    name,
    arity: readonlyArity,
    flags: ['readonly'],
    keys: ONE,
    group: 'sorted-set',
    syntax,
    summary,
    run: (c, argv) => zrangeGeneric(c, argv, 1, false, kind, dir),
  });

export const zrange = def(
  'zrange',
  'ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]',
  'Returns members by rank, score or lex range, in either direction.',
  'auto',
  'auto',
);
export const zrevrange = def(
  'zrevrange',
  'ZREVRANGE key start stop [WITHSCORES]',
  'Returns members by rank, highest score first.',
  'rank',
  'rev',
);
export const zrangebyscore = def(
  'zrangebyscore',
  'ZRANGEBYSCORE key min max [WITHSCORES] [LIMIT offset count]',
  'Returns members with scores in [min, max] ("(" excludes).',
  'score',
  'fwd',
);
export const zrevrangebyscore = def(
  'zrevrangebyscore',
  'ZREVRANGEBYSCORE key max min [WITHSCORES] [LIMIT offset count]',
  'Members with scores in a range, highest first.',
  'score',
  'rev',
);
export const zrangebylex = def(
  'zrangebylex',
  'ZRANGEBYLEX key min max [LIMIT offset count]',
  'Members in a lexicographic range ([a (a - +).',
  'lex',
  'fwd',
);
export const zrevrangebylex = def(
  'zrevrangebylex',
  'ZREVRANGEBYLEX key max min [LIMIT offset count]',
  'Members in a lexicographic range, reversed.',
  'lex',
  'rev',
);

export const zrangestore = defineCommand({
  name: 'zrangestore',
  arity: -5,
  flags: ['write', 'denyoom'],
  keys: { first: 1, last: 2, step: 1 },
  group: 'sorted-set',
  syntax: 'ZRANGESTORE dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]',
  summary: 'Stores a ZRANGE result in another key.',
  run: (c, argv) => zrangeGeneric(c, argv, 2, true, 'auto', 'auto'),
});
