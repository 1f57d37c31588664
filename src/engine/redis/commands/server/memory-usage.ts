/**
 * objectComputeSize (object.c) for MEMORY USAGE: what redis-server 7.0 reports per value, which
 * is not quite what it allocates — struct sizes with `sizeof` (a dictEntry counts 24 bytes, a
 * dict 56, a quicklist 40), and aggregates sampled: the average of the first `samples`
 * elements (or quicklist nodes) times their number. Hashtables are read in our iteration
 * order, not Redis's bucket order, and a Redis dict caught mid-rehash counts both tables:
 * with elements of different sizes or while rehashing the figure differs slightly (the
 * differential tests allow for it).
 */
import type { Entry, StructureValue } from '../../keyspace/entry';
import { StrEnc } from '../../keyspace/entry';
import { jemallocSize } from '../../keyspace/memory';
import { NIL } from '../../structures';
import { dictTableBytes, sdsBytes } from '../../structures/size-model';

const ROBJ = 16;
const DICT = 56;
const DICT_ENTRY = 24;
const QUICKLIST = 40;
const QUICKLIST_NODE = 40;
const ZSET = 16;
const ZSKIPLIST = 32;
/** The skiplist header node: 32 levels of (forward, span) after ele, score, backward. */
const ZSL_HEADER = jemallocSize(24 + 16 * 32);

/** Sum of `sizes` over the first `samples` elements, extrapolated to `count` elements. */
function sampled(sizes: Iterable<number>, samples: number, count: number): number {
  let sum = 0;
  let n = 0;
  for (const s of sizes) {
    if (n >= samples) break;
    sum += s;
    n++;
  }
  return n === 0 ? 0 : Math.floor((sum / n) * count);
}

function* map<T>(xs: Iterable<T>, f: (x: T) => number): Generator<number> {
  for (const x of xs) yield f(x);
}

/** The bucket array of a dict holding `used` entries, as dictSlots × pointer size. */
const slotsBytes = (used: number): number => (used === 0 ? 0 : dictTableBytes(used));

export function objectComputeSize(e: Entry, samples: number): number {
  switch (e.type) {
    case 'string':
      return e.enc === StrEnc.Int || e.enc === StrEnc.SharedInt ? ROBJ : e.bytes;
    case 'list': {
      const nodes = e.value.nodeListpackBytes();
      return (
        ROBJ +
        QUICKLIST +
        sampled(
          map(nodes, (b) => QUICKLIST_NODE + b),
          Math.max(1, samples),
          nodes.length,
        )
      );
    }
    case 'set': {
      if (e.value.encoding() === 'intset') return e.bytes;
      const n = e.value.size();
      return (
        ROBJ +
        DICT +
        slotsBytes(n) +
        sampled(
          map(e.value.members(), (m) => DICT_ENTRY + sdsBytes(m.length)),
          samples,
          n,
        )
      );
    }
    case 'hash': {
      if (e.value.encoding() === 'listpack') return e.bytes;
      const n = e.value.size();
      const pairs = map(
        e.value.map,
        ([f, v]) => sdsBytes(f.length) + sdsBytes(v.length) + DICT_ENTRY,
      );
      return ROBJ + DICT + slotsBytes(n) + sampled(pairs, samples, n);
    }
    case 'zset': {
      if (e.value.encoding() === 'listpack') return e.bytes;
      const z = e.value;
      const nodes = function* (): Generator<number> {
        for (let x = z.zsl.first(); x !== NIL; x = z.zsl.next(x)) {
          yield (
            sdsBytes(z.zsl.member(x).length) + DICT_ENTRY + jemallocSize(24 + 16 * z.zsl.levelOf(x))
          );
        }
      };
      return (
        ROBJ +
        ZSET +
        ZSKIPLIST +
        DICT +
        slotsBytes(z.size()) +
        ZSL_HEADER +
        sampled(nodes(), samples, z.size())
      );
    }
    default:
      // A type without its own formula: its allocation model.
      return ((e as Entry).value as StructureValue).memoryBytes();
  }
}
