import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import type { ManualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { RedisEngine } from '../engine';
import type { Reply } from '../reply';
import { nextStreamCommand } from './master-stream';

const T0 = 1_700_000_000_000;

/** An engine whose stream is recorded (a backlog exists, as once a replica attached). */
function recording(opts: { config?: Record<string, string | number> } = {}): {
  e: RedisEngine;
  clock: ManualClock;
  /** Commands propagated since the last call, as argv arrays. */
  take(): string[][];
} {
  const clock = manualClock(T0);
  const e = createRedisEngine({ clock, rng: engineRng(7) });
  if (opts.config) expect(e.configure(opts.config)).toBeNull();
  e.repl.primary.createBacklog();
  e.repl.refresh();
  let from = e.repl.primary.offset + 1;
  return {
    e,
    clock,
    take: () => {
      const bytes = e.repl.primary.backlog!.read(from);
      from = e.repl.primary.offset + 1;
      const out: string[][] = [];
      for (let pos = 0; pos < bytes.length;) {
        const cmd = nextStreamCommand(bytes, pos);
        if (cmd === undefined || cmd === 'error') throw new Error(`bad stream at ${pos}`);
        out.push(cmd.argv);
        pos = cmd.end;
      }
      return out;
    },
  };
}

describe('propagation: what goes down the stream', () => {
  it('sends a write as executed, after a SELECT for its db, and nothing for reads or no-ops', () => {
    const { e, take } = recording();
    e.exec(['SET', 'k', 'v']);
    e.exec(['GET', 'k']);
    e.exec(['DEL', 'missing']);
    e.exec(['SETNX', 'k', 'x']);
    expect(take()).toEqual([
      ['SELECT', '0'],
      ['SET', 'k', 'v'],
    ]);
    e.exec(['SELECT', '3']);
    e.exec(['INCR', 'n']);
    e.exec(['INCR', 'n']);
    expect(take()).toEqual([
      ['SELECT', '3'],
      ['INCR', 'n'],
      ['INCR', 'n'],
    ]);
  });

  it('counts master_repl_offset in bytes of the stream', () => {
    const { e } = recording();
    e.exec(['SET', 'k', 'v']);
    // *2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n = 23 bytes; *3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n = 27
    expect(e.repl.primary.offset).toBe(23 + 27);
  });

  it('relative expiry becomes absolute: EXPIRE/PEXPIRE/EXPIREAT → PEXPIREAT, options kept', () => {
    const { e, take } = recording();
    e.exec(['SET', 'k', 'v']);
    take();
    e.exec(['EXPIRE', 'k', '100']);
    e.exec(['PEXPIRE', 'k', '5000', 'LT']);
    e.exec(['PEXPIRE', 'k', '3000', 'GT']); // not later than the 5000 ms set: nothing
    e.exec(['EXPIREAT', 'k', String(T0 / 1000 + 50)]);
    e.exec(['PEXPIREAT', 'k', String(T0 + 9000), 'xx']);
    expect(take()).toEqual([
      ['PEXPIREAT', 'k', String(T0 + 100_000)],
      ['PEXPIREAT', 'k', String(T0 + 5000), 'LT'],
      ['PEXPIREAT', 'k', String(T0 + 50_000)],
      ['PEXPIREAT', 'k', String(T0 + 9000), 'xx'],
    ]);
  });

  it('an expiry already past deletes at once, replicated as DEL (UNLINK with lazyfree-lazy-expire)', () => {
    const { e, take } = recording();
    e.exec(['SET', 'a', '1']);
    e.exec(['SET', 'b', '1']);
    take();
    e.exec(['EXPIRE', 'a', '-1']);
    e.configure({ 'lazyfree-lazy-expire': 'yes' });
    e.exec(['PEXPIREAT', 'b', '1']);
    expect(take()).toEqual([
      ['DEL', 'a'],
      ['UNLINK', 'b'],
    ]);
  });

  it('SET with EX/PX/EXAT/PXAT → SET key value PXAT ms (NX/XX/GET dropped); SETEX/PSETEX too', () => {
    const { e, take } = recording();
    e.exec(['SET', 'a', '1', 'EX', '10']);
    e.exec(['SET', 'a', '2', 'XX', 'PX', '500', 'GET']);
    e.exec(['SET', 'b', '3', 'EXAT', String(T0 / 1000 + 7)]);
    e.exec(['SETEX', 'c', '20', 'x']);
    e.exec(['PSETEX', 'd', '250', 'y']);
    expect(take().slice(1)).toEqual([
      ['SET', 'a', '1', 'PXAT', String(T0 + 10_000)],
      ['SET', 'a', '2', 'PXAT', String(T0 + 500)],
      ['SET', 'b', '3', 'PXAT', String(T0 + 7000)],
      ['SET', 'c', 'x', 'PXAT', String(T0 + 20_000)],
      ['SET', 'd', 'y', 'PXAT', String(T0 + 250)],
    ]);
  });

  it('SET … GET without an expiry is replicated without its GET arguments', () => {
    const { e, take } = recording();
    e.exec(['SET', 'a', '1', 'get', 'KEEPTTL', 'GET']);
    e.exec(['SET', 'a', '2', 'NX', 'GET']); // not set: nothing replicated
    expect(take().slice(1)).toEqual([['SET', 'a', '1', 'KEEPTTL']]);
  });

  it('GETEX → PEXPIREAT / PERSIST / DEL; GETDEL → DEL; GETSET → SET', () => {
    const { e, take } = recording();
    e.exec(['SET', 'a', '1']);
    take();
    e.exec(['GETEX', 'a', 'EX', '9']);
    e.exec(['GETEX', 'a', 'PERSIST']);
    e.exec(['GETEX', 'a', 'PERSIST']); // no TTL any more: nothing
    e.exec(['GETEX', 'a']);
    e.exec(['GETSET', 'a', '2']);
    e.exec(['GETEX', 'a', 'PXAT', '5']);
    e.exec(['SET', 'b', '1']);
    e.exec(['GETDEL', 'b']);
    expect(take()).toEqual([
      ['PEXPIREAT', 'a', String(T0 + 9000)],
      ['PERSIST', 'a'],
      ['SET', 'a', '2'],
      ['DEL', 'a'],
      ['SET', 'b', '1'],
      ['DEL', 'b'],
    ]);
  });

  it('INCRBYFLOAT → SET key result KEEPTTL; HINCRBYFLOAT → HSET key field result', () => {
    const { e, take } = recording();
    e.exec(['INCRBYFLOAT', 'f', '1.5']);
    e.exec(['INCRBYFLOAT', 'f', '0.1']);
    e.exec(['HINCRBYFLOAT', 'h', 'x', '2.5e3']);
    expect(take().slice(1)).toEqual([
      ['SET', 'f', '1.5', 'KEEPTTL'],
      ['SET', 'f', '1.6', 'KEEPTTL'],
      ['HSET', 'h', 'x', '2500'],
    ]);
  });

  it('SPOP → SREM; SPOP count → one SREM per member in MULTI/EXEC, or DEL when it empties the set', () => {
    const { e, take } = recording();
    e.exec(['SADD', 's', 'a', 'b', 'c', 'd', 'e']);
    take();
    const one = e.exec(['SPOP', 's']);
    const two = e.exec(['SPOP', 's', '2']);
    const rest = e.exec(['SPOP', 's', '10']);
    e.exec(['SPOP', 's', '0']);
    const bulk = (r: Reply | undefined): string => (r?.kind === 'bulk' ? r.value : '');
    const items = (r: Reply | undefined): readonly Reply[] => (r?.kind === 'array' ? r.items : []);
    const m1 = bulk(one);
    const m2 = items(two).map(bulk);
    expect(items(rest)).toHaveLength(2);
    expect(take()).toEqual([
      ['SREM', 's', m1],
      ['MULTI'],
      ['SREM', 's', m2[0]!],
      ['SREM', 's', m2[1]!],
      ['EXEC'],
      ['DEL', 's'],
    ]);
  });

  it('blocking pops served at once replicate as LPOP/RPOP, LMOVE, RPOPLPUSH, ZPOPMIN/ZPOPMAX', () => {
    const { e, take } = recording();
    e.exec(['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e']);
    e.exec(['ZADD', 'z', '1', 'x', '2', 'y', '3', 'w']);
    take();
    e.exec(['BLPOP', 'nope', 'l', '0']);
    e.exec(['BRPOP', 'l', '1']);
    e.exec(['BLMOVE', 'l', 'm', 'Left', 'rIGHT', '0']);
    e.exec(['BRPOPLPUSH', 'l', 'm', '0']);
    e.exec(['BZPOPMIN', 'z', '0']);
    e.exec(['BZPOPMAX', 'z', '0']);
    expect(take()).toEqual([
      ['LPOP', 'l'],
      ['RPOP', 'l'],
      ['LMOVE', 'l', 'm', 'Left', 'rIGHT'],
      ['RPOPLPUSH', 'l', 'm'],
      ['ZPOPMIN', 'z'],
      ['ZPOPMAX', 'z'],
    ]);
  });

  it('LMPOP/BLMPOP/ZMPOP/BZMPOP → [LR]POP / ZPOP{MIN,MAX} with the count actually popped', () => {
    const { e, take } = recording();
    e.exec(['RPUSH', 'l', 'a', 'b', 'c']);
    e.exec(['ZADD', 'z', '1', 'x', '2', 'y', '3', 'w']);
    take();
    e.exec(['LMPOP', '2', 'none', 'l', 'LEFT', 'COUNT', '2']);
    e.exec(['BLMPOP', '0', '1', 'l', 'RIGHT', 'COUNT', '5']);
    e.exec(['ZMPOP', '1', 'z', 'MAX']);
    e.exec(['BZMPOP', '0', '1', 'z', 'MIN', 'COUNT', '9']);
    expect(take()).toEqual([
      ['LPOP', 'l', '2'],
      ['RPOP', 'l', '1'],
      ['ZPOPMAX', 'z', '1'],
      ['ZPOPMIN', 'z', '2'],
    ]);
  });

  it('a blocked pop served later replicates after the push that served it, in its non-blocking form', () => {
    const { e, take } = recording();
    const got: unknown[] = [];
    const waiter = e.connect({ onPush: (r) => got.push(r) });
    const mover = e.connect({ onPush: (r) => got.push(r) });
    const zw = e.connect({ onPush: (r) => got.push(r) });
    const mp = e.connect({ onPush: (r) => got.push(r) });
    expect(waiter.exec(['BLPOP', 'q', '0'])).toBeUndefined();
    expect(mover.exec(['BLMOVE', 'q2', 'dst', 'RIGHT', 'LEFT', '0'])).toBeUndefined();
    expect(zw.exec(['BZPOPMAX', 'z', '0'])).toBeUndefined();
    expect(mp.exec(['BLMPOP', '0', '1', 'q3', 'LEFT', 'COUNT', '3'])).toBeUndefined();
    e.exec(['RPUSH', 'q', 'a', 'b']);
    e.exec(['LPUSH', 'q2', 'x']);
    e.exec(['ZADD', 'z', '1', 'm']);
    e.exec(['RPUSH', 'q3', '1', '2']);
    expect(got).toHaveLength(4);
    expect(take()).toEqual([
      ['SELECT', '0'],
      ['RPUSH', 'q', 'a', 'b'],
      ['LPOP', 'q'],
      ['LPUSH', 'q2', 'x'],
      ['LMOVE', 'q2', 'dst', 'right', 'left'],
      ['ZADD', 'z', '1', 'm'],
      ['ZPOPMAX', 'z'],
      ['RPUSH', 'q3', '1', '2'],
      ['LPOP', 'q3', '2'],
    ]);
  });

  it('GEOADD is replicated as the ZADD it becomes (lower-case, scores as integers)', () => {
    const { e, take } = recording();
    e.exec(['GEOADD', 'g', 'CH', '13.361389', '38.115556', 'Palermo']);
    expect(take().slice(1)).toEqual([['zadd', 'g', 'CH', '3479099956230698', 'Palermo']]);
  });

  it('MULTI/EXEC: several writes leave wrapped, one write alone, none at all when nothing changed', () => {
    const { e, take } = recording();
    const c = e.connect();
    for (const cmd of [
      ['MULTI'],
      ['SET', 'a', '1'],
      ['SELECT', '2'],
      ['INCR', 'b'],
      ['GET', 'a'],
      ['EXEC'],
    ])
      c.exec(cmd);
    expect(take()).toEqual([
      ['SELECT', '0'],
      ['MULTI'],
      ['SET', 'a', '1'],
      ['SELECT', '2'],
      ['INCR', 'b'],
      ['EXEC'],
    ]);
    for (const cmd of [['MULTI'], ['INCR', 'b'], ['GET', 'b'], ['EXEC']]) c.exec(cmd);
    for (const cmd of [['MULTI'], ['GET', 'b'], ['EXEC']]) c.exec(cmd);
    expect(take()).toEqual([['INCR', 'b']]);
  });

  it('a key found expired is replicated as DEL before the command, both inside one MULTI/EXEC', () => {
    const { e, clock, take } = recording();
    e.exec(['SET', 'k', 'v', 'PX', '10']);
    e.exec(['SET', 'r', 'v', 'PX', '10']);
    take();
    clock.advance(20);
    e.exec(['GET', 'r']); // a read: the DEL alone
    e.exec(['SET', 'k', 'new']); // a write: DEL and SET together
    expect(take()).toEqual([['DEL', 'r'], ['MULTI'], ['DEL', 'k'], ['SET', 'k', 'new'], ['EXEC']]);
  });

  it('active expiry and eviction send plain DELs (UNLINK under lazyfree), never wrapped', () => {
    const { e, clock, take } = recording({ config: { 'lazyfree-lazy-eviction': 'yes' } });
    for (let i = 0; i < 5; i++) e.exec(['SET', `t${i}`, 'v', 'PX', '5']);
    take();
    clock.advance(10);
    e.tick();
    const dels = take();
    expect(dels).toHaveLength(5);
    for (const d of dels) expect(d[0]).toBe('DEL');
    expect(new Set(dels.map((d) => d[1]))).toEqual(new Set(['t0', 't1', 't2', 't3', 't4']));
    for (let i = 0; i < 50; i++) e.exec(['SET', `k${i}`, 'x'.repeat(100)]);
    take();
    e.configure({ maxmemory: e.usedMemory() - 2000, 'maxmemory-policy': 'allkeys-lru' });
    e.exec(['SET', 'new', '1']);
    const out = take();
    expect(out.at(-1)).toEqual(['SET', 'new', '1']);
    expect(out.length).toBeGreaterThan(1);
    for (const d of out.slice(0, -1)) expect(d[0]).toBe('UNLINK');
    expect(e.stats.evictedKeys).toBe(out.length - 1);
  });

  it('SCAN and RANDOMKEY expire keys without a MULTI around their DELs', () => {
    const { e, clock, take } = recording();
    e.exec(['SET', 'a', '1', 'PX', '1']);
    e.exec(['SET', 'b', '1', 'PX', '1']);
    take();
    clock.advance(5);
    e.exec(['SCAN', '0']);
    const out = take();
    expect(out).toHaveLength(2);
    expect(out.every((c) => c[0] === 'DEL')).toBe(true);
  });

  it('RESTORE with a relative TTL → absolute TTL + ABSTTL; a past ABSTTL over a REPLACEd key → DEL', () => {
    const { e, take } = recording();
    e.exec(['SET', 'src', 'hello']);
    const dump = e.exec(['DUMP', 'src']);
    const payload = dump?.kind === 'bulk' ? dump.value : '';
    take();
    e.exec(['RESTORE', 'a', '5000', payload]);
    e.exec(['RESTORE', 'b', '0', payload, 'REPLACE']);
    e.exec(['RESTORE', 'b', '7', payload, 'REPLACE', 'ABSTTL']); // past: b is deleted, not stored
    e.exec(['RESTORE', 'c', '7', payload, 'ABSTTL']); // past and nothing replaced: no change at all
    expect(take()).toEqual([
      ['RESTORE', 'a', String(T0 + 5000), payload, 'ABSTTL'],
      ['RESTORE', 'b', '0', payload, 'REPLACE'],
      ['DEL', 'b'],
    ]);
  });

  it('MIGRATE is replicated as a DEL of the keys moved (nothing with COPY)', () => {
    const { e, take } = recording();
    const target = createRedisEngine({ clock: manualClock(T0), rng: engineRng(9) });
    (e as { resolvePeer: RedisEngine['resolvePeer'] }).resolvePeer = () => target;
    e.exec(['MSET', 'a', '1', 'b', '2', 'c', '3']);
    take();
    expect(e.exec(['MIGRATE', 'peer', '1', '', '0', '1000', 'COPY', 'KEYS', 'a'])).toEqual({
      kind: 'simple',
      value: 'OK',
    });
    expect(
      e.exec(['MIGRATE', 'peer', '1', '', '0', '1000', 'REPLACE', 'KEYS', 'a', 'nope', 'b']),
    ).toEqual({
      kind: 'simple',
      value: 'OK',
    });
    expect(take()).toEqual([['DEL', 'a', 'b']]);
  });

  it('PUBLISH, FLUSHDB and FLUSHALL always replicate, even when they change nothing', () => {
    const { e, take } = recording();
    e.exec(['PUBLISH', 'ch', 'hello']);
    e.exec(['FLUSHDB']);
    e.exec(['FLUSHALL', 'ASYNC']);
    expect(take()).toEqual([
      ['SELECT', '0'],
      ['PUBLISH', 'ch', 'hello'],
      ['FLUSHDB'],
      ['FLUSHALL', 'ASYNC'],
    ]);
  });

  it('with no backlog and no replica nothing is counted (master_repl_offset stays 0)', () => {
    const e = createRedisEngine({ clock: manualClock(T0), rng: engineRng(1) });
    e.exec(['SET', 'a', '1']);
    e.exec(['INCR', 'n']);
    expect(e.repl.primary.offset).toBe(0);
    expect(e.repl.primary.backlog).toBeNull();
  });
});
