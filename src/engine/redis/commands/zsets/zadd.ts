/** ZADD and ZINCRBY (zaddGenericCommand / zsetAdd in t_zset.c 7.0). */
import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import { eqi } from '../../bytes';
import { parseDouble } from '../../args';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeAs, isErrorReply } from '../../structures/access';
import { RedisZset } from '../../structures/zset-value';
import { scoreReply } from './zset-args';

const NAN_ERR = 'ERR resulting score is not a number (NaN)';

interface Flags {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
  ch: boolean;
  incr: boolean;
}

function zaddGeneric(c: Client, argv: Argv, incrCommand: boolean): Reply {
  const f: Flags = { nx: false, xx: false, gt: false, lt: false, ch: false, incr: incrCommand };
  let i = 2;
  for (; i < argv.length; i++) {
    const o = argv[i]!;
    if (eqi(o, 'nx')) f.nx = true;
    else if (eqi(o, 'xx')) f.xx = true;
    else if (eqi(o, 'ch')) f.ch = true;
    else if (eqi(o, 'incr')) f.incr = true;
    else if (eqi(o, 'gt')) f.gt = true;
    else if (eqi(o, 'lt')) f.lt = true;
    else break;
  }
  const rest = argv.length - i;
  if (rest % 2 !== 0 || rest === 0) return reply.syntax();
  if (f.nx && f.xx) return reply.error('ERR XX and NX options at the same time are not compatible');
  if ((f.gt && f.nx) || (f.lt && f.nx) || (f.gt && f.lt))
    return reply.error('ERR GT, LT, and/or NX options at the same time are not compatible');
  if (f.incr && rest > 2)
    return reply.error('ERR INCR option supports a single increment-element pair');
  const scores: number[] = [];
  for (let j = i; j < argv.length; j += 2) {
    const s = parseDouble(argv[j]!);
    if (s === null) return reply.notFloat();
    scores.push(s);
  }
  const w = writeAs(c, argv[1]!, 'zset');
  if (isErrorReply(w)) return w;
  let z: RedisZset;
  let entry;
  if (w === null) {
    if (f.xx) return f.incr ? reply.nil() : reply.int(0);
    z = new RedisZset(c.engine.config, 0, argv[i + 1]!.length);
    entry = c.db.add(argv[1]!, 'zset', z);
  } else {
    z = w.value;
    entry = w.entry;
  }
  let added = 0;
  let updated = 0;
  let processed = 0;
  let last = 0;
  let error: Reply | null = null;
  for (let k = 0; k < scores.length; k++) {
    const member = argv[i + 1 + k * 2]!;
    let score = scores[k]!;
    const cur = z.score(member);
    if (cur !== undefined) {
      if (f.nx) continue;
      if (f.incr) {
        score += cur;
        if (Number.isNaN(score)) {
          error = reply.error(NAN_ERR);
          break;
        }
      }
      if ((f.lt && score >= cur) || (f.gt && score <= cur)) continue;
      processed++;
      last = score;
      if (score !== cur) {
        z.set(member, score);
        updated++;
      }
    } else if (!f.xx) {
      z.set(member, score);
      added++;
      processed++;
      last = score;
    }
  }
  // The key was created before the loop, as dbAdd in Redis; an empty one must not stay behind.
  if (added + updated > 0) c.db.afterWrite(entry, NC.ZSET, f.incr ? 'zincr' : 'zadd');
  else if (w === null) c.db.afterWrite(entry);
  if (error !== null) return error;
  if (f.incr) return processed > 0 ? scoreReply(c, last) : reply.nil();
  return reply.int(f.ch ? added + updated : added);
}

export const zadd = defineCommand({
  name: 'zadd',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]',
  summary: 'Adds members with scores or updates their scores.',
  run: (c, argv) => zaddGeneric(c, argv, false),
});

export const zincrby = defineCommand({
  name: 'zincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'sorted-set',
  syntax: 'ZINCRBY key increment member',
  summary: 'Adds to the score of a member (created at 0) and returns the new score.',
  run: (c, argv) => zaddGeneric(c, argv, true),
});
