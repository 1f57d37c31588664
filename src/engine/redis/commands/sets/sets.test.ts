import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { checkScanSurvivesRemovals } from '../scan-property';
import { reply, type Reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });
const members = (r: Reply | undefined): string[] =>
  r?.kind === 'array' ? r.items.map((i) => (i.kind === 'bulk' ? i.value : '?')).sort() : [];

describe('set commands', () => {
  it('set algebra agrees with JS Set', () => {
    const member = fc.constantFrom('1', '2', '3', 'a', 'b', '-5');
    fc.assert(
      fc.property(
        fc.array(fc.array(member, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        (groups) => {
          const e = fresh();
          const sets = groups.map((g) => new Set(g));
          groups.forEach((g, i) => g.length > 0 && e.exec(['sadd', `s${i}`, ...g]));
          const keys = groups.map((_, i) => `s${i}`);
          const inter = [...sets[0]!].filter((m) => sets.every((s) => s.has(m)));
          const union = [...new Set(groups.flat())];
          const diff = [...sets[0]!].filter((m) => !sets.slice(1).some((s) => s.has(m)));
          expect(members(e.exec(['sinter', ...keys]))).toEqual(inter.sort());
          expect(members(e.exec(['sunion', ...keys]))).toEqual(union.sort());
          expect(members(e.exec(['sdiff', ...keys]))).toEqual(diff.sort());
          expect(e.exec(['sintercard', String(keys.length), ...keys])).toEqual(
            reply.int(inter.length),
          );
          expect(e.exec(['sunionstore', 'dst', ...keys])).toEqual(reply.int(union.length));
          expect(members(e.exec(['smembers', 'dst']))).toEqual(union.sort());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('SPOP removes what it returns and deletes the emptied key', () => {
    const e = fresh();
    e.exec(['sadd', 's', 'a', 'b', 'c', 'd']);
    const popped = members(e.exec(['spop', 's', '3']));
    expect(popped.length).toBe(3);
    const rest = members(e.exec(['smembers', 's']));
    expect([...popped, ...rest].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(members(e.exec(['spop', 's', '10']))).toEqual(rest);
    expect(e.exec(['scard', 's'])).toEqual(reply.int(0));
    expect(e.exec(['spop', 's'])).toEqual(reply.nil());
  });

  it('SRANDMEMBER count semantics and errors', () => {
    const e = fresh();
    e.exec(['sadd', 's', 'a', 'b']);
    expect(members(e.exec(['srandmember', 's', '5']))).toEqual(['a', 'b']);
    const r = e.exec(['srandmember', 's', '-7']);
    expect(r?.kind === 'array' && r.items.length).toBe(7);
    expect(e.exec(['srandmember', 's', '1', '2'])).toEqual(reply.syntax());
    expect(e.exec(['srandmember', 's', '-9223372036854775808'])).toEqual(
      reply.error(
        'ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807',
      ),
    );
  });

  it('uses intset for up to 512 integers, hashtable otherwise', () => {
    const e = fresh();
    const enc = (k: string) => (e.dbs[0]!.peek(k)!.value as { encoding(): string }).encoding();
    e.exec(['sadd', 'i', ...Array.from({ length: 512 }, (_, i) => String(i))]);
    expect(enc('i')).toBe('intset');
    e.exec(['sadd', 'i', '512']);
    expect(enc('i')).toBe('hashtable');
    e.exec(['sadd', 'j', '1', '01']);
    expect(enc('j')).toBe('hashtable');
  });

  it('SSCAN over a hashtable set returns every member that stays, despite removals between calls', () => {
    checkScanSurvivesRemovals(fresh, {
      fill: (e, key, members) => e.exec(['sadd', key, ...members]),
      scan: 'sscan',
      remove: 'srem',
      pairs: false,
      members: { min: 600, max: 900 },
      maxCount: 50,
      numRuns: 20,
    });
  });
});
