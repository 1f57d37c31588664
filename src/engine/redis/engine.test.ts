import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { engineRng } from '../rng';
import { createRedisEngine, formatReply, reply } from './index';
import type { CommandObservation, Reply } from './index';

const fresh = (opts: Partial<Parameters<typeof createRedisEngine>[0]> = {}) =>
  createRedisEngine({ clock: manualClock(1_700_000_000_000), rng: engineRng(42), ...opts });

describe('engine basics', () => {
  it('answers unknown commands and arity errors as redis-server 7 does', () => {
    const engine = fresh();
    expect(engine.exec(['foo', 'a', 'b'])).toEqual(
      reply.error("ERR unknown command 'foo', with args beginning with: 'a' 'b' "),
    );
    expect(engine.exec(['GET'])).toEqual(
      reply.error("ERR wrong number of arguments for 'get' command"),
    );
    expect(engine.exec(['config', 'get'])).toEqual(
      reply.error("ERR wrong number of arguments for 'config|get' command"),
    );
    expect(engine.exec(['object', 'nope', 'k'])).toEqual(
      reply.error("ERR unknown subcommand 'nope'. Try OBJECT HELP."),
    );
  });

  it('keeps per-connection state: selected db, MULTI, auth', () => {
    const engine = fresh();
    const a = engine.connect();
    const b = engine.connect();
    a.exec(['select', '1']);
    a.exec(['set', 'k', 'in-db1']);
    expect(b.exec(['get', 'k'])).toEqual(reply.nil());
    expect(a.exec(['multi'])).toEqual(reply.ok());
    expect(a.exec(['incr', 'n'])).toEqual(reply.queued());
    expect(b.exec(['incr', 'n'])).toEqual(reply.int(1));
    expect(a.exec(['exec'])).toEqual(reply.array([reply.int(1)]));
  });

  it('aborts EXEC when a WATCHed key changes, and on queue-time errors', () => {
    const engine = fresh();
    const a = engine.connect();
    const b = engine.connect();
    a.exec(['watch', 'k']);
    a.exec(['multi']);
    a.exec(['set', 'k', 'mine']);
    b.exec(['set', 'k', 'theirs']);
    expect(a.exec(['exec'])).toEqual(reply.nilArray());
    expect(a.exec(['get', 'k'])).toEqual(reply.bulk('theirs'));
    a.exec(['multi']);
    a.exec(['nope']);
    expect(a.exec(['exec'])).toEqual(
      reply.error('EXECABORT Transaction discarded because of previous errors.'),
    );
  });

  it('requires AUTH when requirepass is set', () => {
    const engine = fresh({ requirepass: 'pw' });
    const c = engine.connect();
    expect(c.exec(['get', 'k'])).toEqual(reply.error('NOAUTH Authentication required.'));
    expect(c.exec(['auth', 'bad'])).toEqual(
      reply.error('WRONGPASS invalid username-password pair or user is disabled.'),
    );
    expect(c.exec(['auth', 'pw'])).toEqual(reply.ok());
    expect(c.exec(['get', 'k'])).toEqual(reply.nil());
  });

  it('delivers pub/sub messages to connection callbacks', () => {
    const engine = fresh();
    const got: Reply[] = [];
    const sub = engine.connect({ onPush: (r) => got.push(r) });
    const pub = engine.connect();
    expect(sub.exec(['subscribe', 'news'])).toEqual(
      reply.array([reply.bulk('subscribe'), reply.bulk('news'), reply.int(1)]),
    );
    sub.exec(['psubscribe', 'n*']);
    expect(pub.exec(['publish', 'news', 'hi'])).toEqual(reply.int(2));
    expect(got.map((r) => formatReply(r))).toEqual([
      '1) "message"\n2) "news"\n3) "hi"',
      '1) "pmessage"\n2) "n*"\n3) "news"\n4) "hi"',
    ]);
    expect(sub.exec(['get', 'x'])).toMatchObject({ kind: 'error' });
    sub.close();
    expect(pub.exec(['publish', 'news', 'hi'])).toEqual(reply.int(0));
  });

  it('emits one observation per command, and none when nobody listens', () => {
    const clock = manualClock(0);
    const engine = createRedisEngine({ clock, rng: engineRng(1) });
    const seen: CommandObservation[] = [];
    engine.exec(['set', 'a', '1', 'px', '10']);
    engine.observe((o) => seen.push(o));
    engine.exec(['get', 'a']);
    engine.exec(['get', 'zz']);
    clock.advance(20);
    engine.exec(['mget', 'a', 'b']);
    engine.observe(undefined);
    engine.exec(['get', 'a']);
    expect(seen.map((o) => [o.command, o.keys, o.hits, o.misses, o.expired])).toEqual([
      ['get', ['a'], 1, 0, 0],
      ['get', ['zz'], 0, 1, 0],
      ['mget', ['a', 'b'], 0, 2, 1],
    ]);
    engine.observe((o) => seen.push(o));
    engine.exec(['multi']);
    engine.exec(['set', 'x', '1']);
    engine.exec(['incr', 'y']);
    engine.exec(['exec']);
    engine.observe(undefined);
    expect(seen.slice(3).map((o) => [o.command, o.keys, o.reply])).toEqual([
      ['multi', [], 'simple'],
      ['set', ['x'], 'simple'],
      ['incr', ['y'], 'simple'],
      ['exec', ['x', 'y'], 'array'],
    ]);
    expect(seen[0]!.bytesIn).toBe('*2\r\n$3\r\nget\r\n$1\r\na\r\n'.length);
    expect(seen[0]!.bytesOut).toBe('$1\r\n1\r\n'.length);
  });

  it('refuses ElastiCache-restricted commands as unknown commands under that profile', () => {
    const ec = fresh({ profile: 'elasticache' });
    expect(ec.exec(['config', 'get', 'maxmemory'])).toEqual(
      reply.error("ERR unknown command 'config', with args beginning with: 'get' 'maxmemory' "),
    );
    expect(ec.exec(['BGSAVE'])).toEqual(
      reply.error("ERR unknown command 'BGSAVE', with args beginning with: "),
    );
    expect(ec.config['maxmemory-policy']).toBe('volatile-lru');
    expect(ec.configure({ 'maxmemory-policy': 'allkeys-lru' })).toBeNull();
    expect(ec.config['maxmemory-policy']).toBe('allkeys-lru');
    expect(fresh().config['maxmemory-policy']).toBe('noeviction');
  });

  it('formats replies as redis-cli prints them', () => {
    expect(formatReply(reply.int(1))).toBe('(integer) 1');
    expect(formatReply(reply.nil())).toBe('(nil)');
    expect(formatReply(reply.bulk('bar'))).toBe('"bar"');
    expect(formatReply(reply.bulk('a"b\\\n\x00\xc3\xa9'))).toBe('"a\\"b\\\\\\n\\x00\\xc3\\xa9"');
    expect(formatReply(reply.error('ERR x'))).toBe('(error) ERR x');
    expect(formatReply(reply.ok())).toBe('OK');
    expect(formatReply(reply.emptyArray())).toBe('(empty array)');
    const items = Array.from({ length: 10 }, (_, i) => reply.bulk(`v${i}`));
    const nested = reply.array([
      reply.bulk('a'),
      reply.array([reply.int(1), reply.array([reply.bulk('x')])]),
      ...items.slice(0, 8),
    ]);
    expect(formatReply(nested).split('\n').slice(0, 4)).toEqual([
      ' 1) "a"',
      ' 2) 1) (integer) 1',
      '    2) 1) "x"',
      ' 3) "v0"',
    ]);
  });

  it('reports used_memory that grows and shrinks with the data', () => {
    const engine = fresh();
    const base = engine.usedMemory();
    for (let i = 0; i < 1000; i++) engine.exec(['set', `key:${i}`, `val:${i}`]);
    const per = (engine.usedMemory() - base) / 1000;
    expect(per).toBeGreaterThan(70);
    expect(per).toBeLessThan(110);
    engine.exec(['flushall']);
    expect(engine.usedMemory()).toBe(base);
  });

  it('parks blocking commands until a write or a timeout on the engine clock', () => {
    const clock = manualClock(0);
    const engine = createRedisEngine({ clock, rng: engineRng(1) });
    const pushed: Reply[] = [];
    const waiter = engine.connect({ onPush: (r) => pushed.push(r) });
    const other = engine.connect();
    expect(waiter.exec(['blpop', 'q', '1'])).toBeUndefined();
    expect(engine.blockedCount).toBe(1);
    other.exec(['rpush', 'q', 'job']);
    expect(pushed).toEqual([reply.array([reply.bulk('q'), reply.bulk('job')])]);
    expect(waiter.exec(['blpop', 'q', '0.5'])).toBeUndefined();
    clock.advance(499);
    engine.tick();
    expect(pushed.length).toBe(1);
    clock.advance(1);
    engine.tick();
    expect(pushed[1]).toEqual(reply.nilArray());
    expect(engine.blockedCount).toBe(0);
  });
});
