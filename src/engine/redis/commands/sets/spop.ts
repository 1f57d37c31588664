import { defineCommand, ONE_KEY } from '../../command';
import type { BinStr } from '../../bytes';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { readAs, writeAs, isErrorReply } from '../../structures/access';
import { parseRandomCount, pickDistinct } from '../../structures/random-pick';
import { RedisSet } from '../../structures/set-value';
import { parsePositiveLong } from '../lists/list-args';
import { setReply } from '../../resp3';

export const spop = defineCommand({
  name: 'spop',
  arity: -2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SPOP key [count]',
  summary: 'Removes and returns random members.',
  run: (c, argv) => {
    const rng = c.engine.rng;
    if (argv.length > 3) return reply.syntax();
    if (argv.length === 3) {
      const count = parsePositiveLong(argv[2]!);
      if (isErrorReply(count)) return count;
      const w = writeAs(c, argv[1]!, 'set');
      if (w === null || isErrorReply(w)) return w ?? setReply(c, []);
      if (count === 0) return setReply(c, []);
      const s = w.value;
      let out: BinStr[];
      if (count >= s.size()) {
        // Redis answers this case through SUNION of the key, a second (read) lookup that counts a hit.
        c.db.lookupRead(argv[1]!);
        out = s.members();
        for (const m of out) s.delete(m);
        c.propagateAs(['DEL', argv[1]!]); // the whole set went: replicated as DEL (t_set.c)
      } else {
        out = [];
        for (let i = 0; i < count; i++) {
          const m = s.at(rng.int(s.size()));
          s.delete(m);
          out.push(m);
          c.alsoPropagate(['SREM', argv[1]!, m]); // one SREM per member, never SPOP itself
        }
        c.preventPropagation();
        // spopWithCountCommand CASE 3 (count near the size): redis builds a new set from the
        // members that stay, so a hashtable of integers becomes an intset again.
        if (s.size() * 5 <= count) {
          const rest = s.members();
          const fresh = new RedisSet(c.engine.config, rest[0]);
          for (const m of rest) fresh.add(m);
          w.entry.value = fresh;
        }
      }
      c.db.afterWrite(w.entry, NC.SET, 'spop');
      return setReply(c, out.map(reply.bulk));
    }
    const w = writeAs(c, argv[1]!, 'set');
    if (w === null || isErrorReply(w)) return w ?? reply.nil();
    const m = w.value.at(rng.int(w.value.size()));
    w.value.delete(m);
    c.db.afterWrite(w.entry, NC.SET, 'spop');
    c.propagateAs(['SREM', argv[1]!, m]);
    return reply.bulk(m);
  },
});

export const srandmember = defineCommand({
  name: 'srandmember',
  arity: -2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'set',
  syntax: 'SRANDMEMBER key [count]',
  summary: 'Returns random members; a negative count may repeat members.',
  run: (c, argv) => {
    const rng = c.engine.rng;
    if (argv.length > 3) return reply.syntax();
    if (argv.length === 3) {
      const count = parseRandomCount(argv[2]!);
      if (isErrorReply(count)) return count;
      const s = readAs(c, argv[1]!, 'set');
      if (s === null || isErrorReply(s)) return s ?? reply.emptyArray();
      if (count === 0) return reply.emptyArray();
      if (count < 0) {
        // Capped at 2^20 picks: Redis would build a reply that large, we refuse to hang.
        const n = Math.min(-count, 1 << 20);
        const out: BinStr[] = [];
        for (let i = 0; i < n; i++) out.push(s.at(rng.int(s.size())));
        return reply.bulks(out);
      }
      if (count >= s.size()) return reply.bulks(s.members());
      const all: BinStr[] = [];
      for (let i = 0; i < s.size(); i++) all.push(s.at(i));
      return reply.bulks(pickDistinct(all, count, rng));
    }
    const s = readAs(c, argv[1]!, 'set');
    if (s === null || isErrorReply(s)) return s ?? reply.nil();
    return reply.bulk(s.at(rng.int(s.size())));
  },
});
