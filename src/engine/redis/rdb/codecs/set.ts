/**
 * Sets. An intset-encoded set is saved as RDB_TYPE_SET_INTSET (the intset blob at its current
 * width, members ascending); a hashtable set as RDB_TYPE_SET (count, then each member).
 * Loading follows rdbLoadObject: an intset blob stays an intset unless it holds more than
 * set-max-intset-entries; a plain member list becomes an intset while every member is an
 * integer and there are few enough of them, else a hashtable (RedisSet applies both rules as
 * members are added).
 */
import { RedisSet } from '../../structures';
import type { TypeCodec } from '../codec';
import { RDB_TYPE_SET, RDB_TYPE_SET_INTSET } from '../format';
import { decodeIntset, encodeIntset } from '../intset';
import { corrupt } from '../reader';

const DUPLICATE = 'Duplicate set members detected';

export const setCodec: TypeCodec<'set'> = {
  rdbTypes: [RDB_TYPE_SET, RDB_TYPE_SET_INTSET],
  rdbType: (s) => (s.encoding() === 'intset' ? RDB_TYPE_SET_INTSET : RDB_TYPE_SET),
  save: (w, s) => {
    if (s.encoding() === 'intset') {
      w.blob(encodeIntset(s.members(), s.intsetWidth));
      return;
    }
    const n = s.size();
    w.len(n);
    for (let i = 0; i < n; i++) w.string(s.at(i));
  },
  load: (r, rdbType, ctx) => {
    if (rdbType === RDB_TYPE_SET_INTSET) {
      const { width, members } = decodeIntset(r.blob());
      const s = new RedisSet(ctx.config, members[0]);
      s.widenIntset(width);
      for (const m of members) s.add(m);
      return s;
    }
    const n = r.len();
    if (n === 0) return null;
    const first = r.string();
    const s = new RedisSet(ctx.config, first);
    s.add(first);
    for (let i = 1; i < n; i++) if (!s.add(r.string())) corrupt(DUPLICATE);
    return s;
  },
};
