import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(1_700_000_000_000), rng: engineRng(1) });
const byteString = fc.uint8Array({ maxLength: 64 }).map((b) => String.fromCharCode(...b));

describe('strings', () => {
  it('SET then GET round-trips any bytes', () => {
    fc.assert(
      fc.property(byteString, byteString, (k, v) => {
        const e = fresh();
        expect(e.exec(['set', k, v])).toEqual(reply.ok());
        expect(e.exec(['get', k])).toEqual(reply.bulk(v));
        expect(e.exec(['strlen', k])).toEqual(reply.int(v.length));
      }),
    );
  });

  it('INCR/DECR/INCRBY/DECRBY follow a 64-bit integer model, including overflow errors', () => {
    const op = fc.oneof(
      fc.constant(['incr'] as const),
      fc.constant(['decr'] as const),
      fc.tuple(
        fc.constant('incrby' as const),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      ),
      fc.tuple(
        fc.constant('decrby' as const),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      ),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const e = fresh();
        let model = 0n;
        for (const o of ops) {
          const by =
            o[0] === 'incr' ? 1n : o[0] === 'decr' ? -1n : o[0] === 'incrby' ? o[1]! : -o[1]!;
          const argv = o.length === 1 ? [o[0], 'n'] : [o[0], 'n', String(o[1])];
          const r = e.exec(argv);
          const next = model + by;
          if (o[0] === 'decrby' && o[1] === -(2n ** 63n)) {
            expect(r).toEqual(reply.error('ERR decrement would overflow'));
          } else if (next > 2n ** 63n - 1n || next < -(2n ** 63n)) {
            expect(r).toEqual(reply.error('ERR increment or decrement would overflow'));
          } else {
            model = next;
            expect(r).toEqual(reply.int(model));
          }
        }
        expect(e.exec(['get', 'n'])).toEqual(
          ops.length === 0 ? reply.nil() : reply.bulk(String(model)),
        );
      }),
    );
  });

  it('rejects non-integers with the Redis error and leaves the value alone', () => {
    const e = fresh();
    e.exec(['set', 'n', '10']);
    for (const bad of ['abc', '1.5', ' 1', '01', '', '9223372036854775808', '+1']) {
      expect(e.exec(['incrby', 'n', bad])).toEqual(
        reply.error('ERR value is not an integer or out of range'),
      );
    }
    e.exec(['set', 's', 'text']);
    expect(e.exec(['incr', 's'])).toEqual(
      reply.error('ERR value is not an integer or out of range'),
    );
    expect(e.exec(['get', 'n'])).toEqual(reply.bulk('10'));
  });

  it('INCRBYFLOAT uses long double arithmetic and human formatting', () => {
    const e = fresh();
    expect(e.exec(['incrbyfloat', 'f', '10.5'])).toEqual(reply.bulk('10.5'));
    expect(e.exec(['incrbyfloat', 'f', '0.1'])).toEqual(reply.bulk('10.6'));
    expect(e.exec(['incrbyfloat', 'f', '5.0e3'])).toEqual(reply.bulk('5010.60000000000000009')); // as redis-server 7.0 on x86-64 prints it
    expect(e.exec(['incrbyfloat', 'f', 'inf'])).toEqual(
      reply.error('ERR increment would produce NaN or Infinity'),
    );
    expect(e.exec(['object', 'encoding', 'f'])).toEqual(reply.bulk('embstr'));
  });

  it('reports int / embstr / raw encodings as Redis does', () => {
    const e = fresh();
    e.exec(['set', 'i', '12345']);
    e.exec(['set', 'e', 'x'.repeat(44)]);
    e.exec(['set', 'r', 'x'.repeat(45)]);
    e.exec(['set', 'a', 'ab']);
    e.exec(['append', 'a', 'c']);
    expect(e.exec(['object', 'encoding', 'i'])).toEqual(reply.bulk('int'));
    expect(e.exec(['object', 'encoding', 'e'])).toEqual(reply.bulk('embstr'));
    expect(e.exec(['object', 'encoding', 'r'])).toEqual(reply.bulk('raw'));
    expect(e.exec(['object', 'encoding', 'a'])).toEqual(reply.bulk('raw'));
  });

  it('SET options: NX, XX, GET, KEEPTTL and their conflicts', () => {
    const e = fresh();
    expect(e.exec(['set', 'k', 'v1', 'xx'])).toEqual(reply.nil());
    expect(e.exec(['set', 'k', 'v1', 'nx'])).toEqual(reply.ok());
    expect(e.exec(['set', 'k', 'v2', 'nx', 'get'])).toEqual(reply.bulk('v1'));
    expect(e.exec(['set', 'k', 'v2', 'ex', '100', 'get'])).toEqual(reply.bulk('v1'));
    expect(e.exec(['set', 'k', 'v3', 'keepttl'])).toEqual(reply.ok());
    expect(e.exec(['ttl', 'k'])).toEqual(reply.int(100));
    expect(e.exec(['set', 'k', 'v4'])).toEqual(reply.ok());
    expect(e.exec(['ttl', 'k'])).toEqual(reply.int(-1));
    expect(e.exec(['set', 'k', 'v', 'nx', 'xx'])).toEqual(reply.syntax());
    expect(e.exec(['set', 'k', 'v', 'ex', '10', 'px', '10'])).toEqual(reply.syntax());
    expect(e.exec(['set', 'k', 'v', 'ex', '0'])).toEqual(
      reply.error("ERR invalid expire time in 'set' command"),
    );
    e.exec(['hset', 'h', 'f', 'v']);
    expect(e.exec(['set', 'h', 'v', 'get'])).toEqual(reply.wrongType());
  });

  it('GETRANGE and SETRANGE follow Redis index rules', () => {
    const e = fresh();
    e.exec(['set', 's', 'Hello World']);
    expect(e.exec(['getrange', 's', '0', '4'])).toEqual(reply.bulk('Hello'));
    expect(e.exec(['getrange', 's', '-5', '-1'])).toEqual(reply.bulk('World'));
    expect(e.exec(['getrange', 's', '5', '2'])).toEqual(reply.bulk(''));
    expect(e.exec(['getrange', 's', '-1', '-5'])).toEqual(reply.bulk(''));
    expect(e.exec(['setrange', 'p', '3', 'ab'])).toEqual(reply.int(5));
    expect(e.exec(['get', 'p'])).toEqual(reply.bulk('\0\0\0ab'));
    expect(e.exec(['setrange', 'p', '-1', 'x'])).toEqual(reply.error('ERR offset is out of range'));
  });
});

describe('expiry on the virtual clock', () => {
  it('a key with PX 100 is still there at +100 ms and gone after (Redis expires when now > at)', () => {
    const clock = manualClock(1_700_000_000_000);
    const e = createRedisEngine({ clock });
    e.exec(['set', 'k', 'v', 'px', '100']);
    clock.advance(99);
    expect(e.exec(['pttl', 'k'])).toEqual(reply.int(1));
    clock.advance(1);
    expect(e.exec(['get', 'k'])).toEqual(reply.bulk('v'));
    clock.advance(1);
    expect(e.exec(['get', 'k'])).toEqual(reply.nil());
    expect(e.exec(['ttl', 'k'])).toEqual(reply.int(-2));
    expect(e.stats.expiredKeys).toBe(1);
  });

  it('the active expire cycle removes expired keys nobody reads', () => {
    const clock = manualClock(0);
    const e = createRedisEngine({ clock, rng: engineRng(3) });
    for (let i = 0; i < 1000; i++)
      e.exec(['set', `k${i}`, 'v', 'px', String(i < 900 ? 50 : 100_000)]);
    clock.advance(1000);
    let cycles = 0;
    while (
      e.exec(['dbsize'])!.kind === 'int' &&
      (e.exec(['dbsize']) as { value: number }).value > 100 &&
      cycles < 200
    ) {
      e.activeExpireCycle();
      cycles++;
    }
    expect(e.exec(['dbsize'])).toEqual(reply.int(100));
    expect(e.stats.expiredKeys).toBe(900);
    expect(cycles).toBeLessThan(200);
  });

  it('EXPIRE options NX/XX/GT/LT and past times', () => {
    const clock = manualClock(1_700_000_000_000);
    const e = createRedisEngine({ clock });
    e.exec(['set', 'k', 'v']);
    expect(e.exec(['expire', 'k', '100', 'xx'])).toEqual(reply.int(0));
    expect(e.exec(['expire', 'k', '100', 'nx'])).toEqual(reply.int(1));
    expect(e.exec(['expire', 'k', '50', 'gt'])).toEqual(reply.int(0));
    expect(e.exec(['expire', 'k', '50', 'lt'])).toEqual(reply.int(1));
    expect(e.exec(['ttl', 'k'])).toEqual(reply.int(50));
    expect(e.exec(['expiretime', 'k'])).toEqual(reply.int(1_700_000_050));
    expect(e.exec(['persist', 'k'])).toEqual(reply.int(1));
    expect(e.exec(['expire', 'k', '-1'])).toEqual(reply.int(1));
    expect(e.exec(['exists', 'k'])).toEqual(reply.int(0));
  });
});
