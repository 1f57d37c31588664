import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply, type Reply } from '../../reply';

const fresh = () => {
  const clock = manualClock(0);
  return { clock, engine: createRedisEngine({ clock, rng: engineRng(1) }) };
};
const bulks = (...v: string[]) => reply.bulks(v);
const values = (r: Reply | undefined): string[] =>
  r?.kind === 'array' ? r.items.map((i) => (i.kind === 'bulk' ? i.value : '?')) : [];

describe('list commands', () => {
  it('pushes, pops with count and ranges like Redis', () => {
    const { engine } = fresh();
    expect(engine.exec(['rpush', 'l', 'a', 'b', 'c'])).toEqual(reply.int(3));
    expect(engine.exec(['lpush', 'l', 'z'])).toEqual(reply.int(4));
    expect(engine.exec(['lrange', 'l', '0', '-1'])).toEqual(bulks('z', 'a', 'b', 'c'));
    expect(engine.exec(['rpop', 'l', '2'])).toEqual(bulks('c', 'b'));
    expect(engine.exec(['lpop', 'l', '0'])).toEqual(reply.emptyArray());
    expect(engine.exec(['lpop', 'missing', '1'])).toEqual(reply.nilArray());
    expect(engine.exec(['lpop', 'l', '-1'])).toEqual(
      reply.error('ERR value is out of range, must be positive'),
    );
    expect(engine.exec(['lpushx', 'nope', 'x'])).toEqual(reply.int(0));
    expect(engine.exec(['lset', 'nope', '0', 'x'])).toEqual(reply.error('ERR no such key'));
    expect(engine.exec(['lset', 'l', '5', 'x'])).toEqual(reply.error('ERR index out of range'));
  });

  it('deletes the key when the last element goes', () => {
    const { engine } = fresh();
    engine.exec(['rpush', 'l', 'a']);
    expect(engine.exec(['lmove', 'l', 'm', 'left', 'right'])).toEqual(reply.bulk('a'));
    expect(engine.exec(['llen', 'l'])).toEqual(reply.int(0));
    expect(engine.exec(['lrange', 'm', '0', '-1'])).toEqual(bulks('a'));
  });

  it('agrees with an array model on random push/pop/trim/rem/insert runs', () => {
    const value = fc.constantFrom('a', 'b', 'c', '1');
    const op = fc.oneof(
      fc.tuple(fc.constantFrom('lpush', 'rpush'), value),
      fc.tuple(fc.constantFrom('lpop', 'rpop'), fc.integer({ min: 0, max: 3 })),
      fc.tuple(
        fc.constant('ltrim'),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -4, max: 4 }),
      ),
      fc.tuple(fc.constant('lrem'), fc.integer({ min: -2, max: 2 }), value),
      fc.tuple(fc.constant('linsert'), fc.constantFrom('before', 'after'), value, value),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const { engine } = fresh();
        let model: string[] = [];
        const norm = (i: number, n: number) => (i < 0 ? n + i : i);
        for (const o of ops) {
          const [name] = o;
          if (name === 'lpush') model.unshift(o[1] as string);
          else if (name === 'rpush') model.push(o[1] as string);
          else if (name === 'lpop') model.splice(0, o[1] as number);
          else if (name === 'rpop')
            model.splice(Math.max(0, model.length - (o[1] as number)), o[1] as number);
          else if (name === 'ltrim') {
            const n = model.length;
            const s = Math.max(0, norm(o[1] as number, n));
            const e = Math.min(n - 1, norm(o[2] as number, n));
            model = s > e || s >= n ? [] : model.slice(s, e + 1);
          } else if (name === 'lrem') {
            const count = o[1] as number;
            const v = o[2] as string;
            let left = count === 0 ? Infinity : Math.abs(count);
            const idx = model.map((_, i) => i);
            if (count < 0) idx.reverse();
            const drop = new Set<number>();
            for (const i of idx) {
              if (left > 0 && model[i] === v) {
                drop.add(i);
                left--;
              }
            }
            model = model.filter((_, i) => !drop.has(i));
          } else if (name === 'linsert') {
            const at = model.indexOf(o[2] as string);
            if (at >= 0) model.splice(o[1] === 'after' ? at + 1 : at, 0, o[3] as string);
          }
          engine.exec([name, 'l', ...o.slice(1).map(String)]);
          expect(values(engine.exec(['lrange', 'l', '0', '-1']))).toEqual(model);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("BLPOP blocks, is served by another connection's push, and times out on the virtual clock", () => {
    const { engine, clock } = fresh();
    const pushedA: Reply[] = [];
    const pushedB: Reply[] = [];
    const a = engine.connect({ onPush: (r) => pushedA.push(r) });
    const b = engine.connect({ onPush: (r) => pushedB.push(r) });
    const producer = engine.connect();
    expect(a.exec(['blpop', 'q1', 'q2', '0'])).toBeUndefined();
    expect(b.exec(['blpop', 'q2', '1.5'])).toBeUndefined();
    expect(engine.blockedCount).toBe(2);
    // First blocked, first served: A waited on q2 before B did.
    expect(producer.exec(['rpush', 'q2', 'job1'])).toEqual(reply.int(1));
    expect(pushedA).toEqual([bulks('q2', 'job1')]);
    expect(pushedB).toEqual([]);
    expect(engine.exec(['llen', 'q2'])).toEqual(reply.int(0));
    clock.advance(1499);
    engine.tick();
    expect(pushedB).toEqual([]);
    clock.advance(1);
    engine.tick();
    expect(pushedB).toEqual([reply.nilArray()]);
    expect(engine.blockedCount).toBe(0);
  });

  it('BLMOVE moves the element when served', () => {
    const { engine } = fresh();
    const pushed: Reply[] = [];
    const a = engine.connect({ onPush: (r) => pushed.push(r) });
    expect(a.exec(['blmove', 'src', 'dst', 'right', 'left', '0'])).toBeUndefined();
    engine.exec(['rpush', 'src', 'x', 'y']);
    expect(pushed).toEqual([reply.bulk('y')]);
    expect(engine.exec(['lrange', 'dst', '0', '-1'])).toEqual(bulks('y'));
  });

  it('BLMPOP and BZMPOP wait for the first key written and pop up to COUNT', () => {
    const { engine, clock } = fresh();
    const pushed: Reply[] = [];
    const a = engine.connect({ onPush: (r) => pushed.push(r) });
    expect(a.exec(['blmpop', '2', '2', 'q1', 'q2', 'right', 'count', '2'])).toBeUndefined();
    engine.exec(['rpush', 'q2', 'x', 'y', 'z']);
    expect(pushed).toEqual([reply.array([reply.bulk('q2'), bulks('z', 'y')])]);
    expect(a.exec(['bzmpop', '1', '1', 'board', 'max'])).toBeUndefined();
    clock.advance(1000);
    engine.tick();
    expect(pushed[1]).toEqual(reply.nilArray());
    engine.exec(['zadd', 'board', '5', 'ann', '9', 'bob']);
    expect(a.exec(['bzmpop', '1', '1', 'board', 'max'])).toEqual(
      reply.array([reply.bulk('board'), reply.array([bulks('bob', '9')])]),
    );
  });
});
