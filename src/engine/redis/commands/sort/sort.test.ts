import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import { pqsort } from './pqsort';
import { sortScore } from './strtod';

const fresh = () => createRedisEngine({ clock: manualClock(1_000_000), rng: engineRng(4) });
const SCORE_ERROR = reply.error("ERR One or more scores can't be converted into double");

describe('SORT', () => {
  it('sorts numerically by default, ALPHA by bytes, DESC and LIMIT like Redis', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 20 }),
        fc.integer({ min: -3, max: 25 }),
        fc.integer({ min: -2, max: 25 }),
        (xs, start, count) => {
          const e = fresh();
          if (xs.length > 0) e.exec(['rpush', 'l', ...xs.map(String)]);
          const sorted = [...xs].sort((a, b) => a - b).map(String);
          const s = Math.min(Math.max(start, 0), xs.length);
          const n = Math.min(Math.max(count, -1), xs.length);
          const want = n < 0 ? sorted.slice(s) : sorted.slice(s, s + n);
          expect(e.exec(['sort', 'l', 'limit', String(start), String(count)])).toEqual(
            reply.bulks(want),
          );
          expect(e.exec(['sort', 'l', 'desc'])).toEqual(reply.bulks([...sorted].reverse()));
        },
      ),
    );
    const e = fresh();
    e.exec(['rpush', 'w', 'b', 'B', 'a', 'c']);
    expect(e.exec(['sort', 'w', 'alpha'])).toEqual(reply.bulks(['B', 'a', 'b', 'c']));
    expect(e.exec(['sort', 'w'])).toEqual(SCORE_ERROR);
  });

  it('sorts BY weight keys and hash fields and GETs other keys, # being the element', () => {
    const e = fresh();
    e.exec(['rpush', 'ids', '1', '2', '3']);
    e.exec(['mset', 'w_1', '30', 'w_2', '10', 'w_3', '20']);
    e.exec(['hset', 'u_1', 'name', 'ann', 'age', '41']);
    e.exec(['hset', 'u_2', 'name', 'bob', 'age', '29']);
    e.exec(['hset', 'u_3', 'name', 'cy', 'age', '35']);
    expect(e.exec(['sort', 'ids', 'by', 'w_*'])).toEqual(reply.bulks(['2', '3', '1']));
    expect(e.exec(['sort', 'ids', 'by', 'u_*->age', 'get', 'u_*->name', 'get', '#'])).toEqual(
      reply.bulks(['bob', '2', 'cy', '3', 'ann', '1']),
    );
    expect(e.exec(['sort', 'ids', 'by', 'nosort', 'get', 'missing_*'])).toEqual(
      reply.array([reply.nil(), reply.nil(), reply.nil()]),
    );
    // A constant BY keeps the list's own order (reversed by DESC).
    expect(e.exec(['sort', 'ids', 'by', 'nosort', 'desc'])).toEqual(reply.bulks(['3', '2', '1']));
  });

  it('STORE writes a list (dropping any TTL), an empty result deletes, SORT_RO refuses STORE', () => {
    const e = fresh();
    e.exec(['sadd', 's', '3', '1', '2']);
    e.exec(['set', 'dst', 'old', 'ex', '100']);
    expect(e.exec(['sort', 's', 'store', 'dst'])).toEqual(reply.int(3));
    expect(e.exec(['lrange', 'dst', '0', '-1'])).toEqual(reply.bulks(['1', '2', '3']));
    expect(e.exec(['ttl', 'dst'])).toEqual(reply.int(-1));
    expect(e.exec(['sort', 'missing', 'store', 'dst'])).toEqual(reply.int(0));
    expect(e.exec(['exists', 'dst'])).toEqual(reply.int(0));
    expect(e.exec(['sort_ro', 's', 'store', 'dst'])).toEqual(reply.syntax());
    e.exec(['set', 'str', 'x']);
    expect(e.exec(['sort', 'str'])).toEqual(reply.wrongType());
  });

  it('converts a listpack sorted set to a skiplist for good, as Redis does', () => {
    const e = fresh();
    e.exec(['zadd', 'z', '1', '10', '2', '5']);
    expect(e.exec(['object', 'encoding', 'z'])).toEqual(reply.bulk('listpack'));
    expect(e.exec(['sort_ro', 'z'])).toEqual(reply.bulks(['5', '10']));
    expect(e.exec(['object', 'encoding', 'z'])).toEqual(reply.bulk('skiplist'));
  });

  it('keeps a stale ERANGE from an earlier command, until a parser that clears errno runs', () => {
    const e = fresh();
    e.exec(['rpush', 'l', '2.5', '1']);
    expect(e.exec(['sort', 'l'])).toEqual(reply.bulks(['1', '2.5']));
    expect(e.exec(['zadd', 'z', '1e400', 'm'])).toEqual(reply.notFloat());
    expect(e.exec(['sort', 'l'])).toEqual(SCORE_ERROR);
    // Integer list entries need no strtod, so they still sort.
    e.exec(['rpush', 'ints', '3', '1']);
    expect(e.exec(['sort', 'ints'])).toEqual(reply.bulks(['1', '3']));
    e.exec(['scan', '0']);
    expect(e.exec(['sort', 'l'])).toEqual(reply.bulks(['1', '2.5']));
    // Each engine has its own errno.
    const other = fresh();
    other.exec(['rpush', 'l', '2.5', '1']);
    e.exec(['zadd', 'z', '1e400', 'm']);
    expect(other.exec(['sort', 'l'])).toEqual(reply.bulks(['1', '2.5']));
  });

  it('reads scores as C strtod does (leading spaces, hex, empty string = 0)', () => {
    expect(sortScore(' 7')).toBe(7);
    expect(sortScore('0x10')).toBe(16);
    expect(sortScore('')).toBe(0);
    expect(sortScore('-inf')).toBe(-Infinity);
    for (const bad of ['7 ', 'nan', 'abc', '1e', '0x']) expect(sortScore(bad)).toBeNull();
  });

  it('pqsort puts the requested range exactly where a full sort would', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { maxLength: 120 }),
        fc.nat(130),
        fc.nat(130),
        (xs, a, b) => {
          const lo = Math.min(a, b, Math.max(0, xs.length - 1));
          const hi = Math.min(Math.max(a, b), xs.length - 1);
          const v = [...xs];
          pqsort(v, (x, y) => x - y, lo, hi);
          const full = [...xs].sort((x, y) => x - y);
          expect(v.slice(lo, hi + 1)).toEqual(full.slice(lo, hi + 1));
        },
      ),
    );
  });
});
