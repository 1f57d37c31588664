import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { Reply } from '../reply';

const fresh = (profile: 'oss' | 'elasticache' = 'oss') =>
  createRedisEngine({ clock: manualClock(0), rng: engineRng(1), profile });
const ok: Reply = { kind: 'simple', value: 'OK' };
const bulk = (value: string): Reply => ({ kind: 'bulk', value });
const get = (e: ReturnType<typeof fresh>, name: string) => e.configStore.text(name);

describe('CONFIG SET / GET (oss profile: what redis-server 7.0 accepts)', () => {
  it('validates with redis texts and keeps every value on a refusal', () => {
    const e = fresh();
    expect(e.exec(['CONFIG', 'SET', 'maxmemory-samples', '7', 'lfu-log-factor', '-1'])).toEqual({
      kind: 'error',
      message:
        "ERR CONFIG SET failed (possibly related to argument 'lfu-log-factor') - argument must be between 0 and 2147483647 inclusive",
    });
    expect(e.config['maxmemory-samples']).toBe(5);
    expect(e.exec(['CONFIG', 'SET', 'hash-max-ziplist-value', '1kb'])).toEqual(ok);
    expect(e.config['hash-max-listpack-value']).toBe(1024);
    expect(get(e, 'hash-max-listpack-value')).toBe('1024');
    expect(e.exec(['CONFIG', 'SET', 'nosuch', '1'])).toEqual({
      kind: 'error',
      message: "ERR Unknown option or number of arguments for CONFIG SET - 'nosuch'",
    });
    expect(e.exec(['CONFIG', 'SET', 'databases', '4'])).toEqual({
      kind: 'error',
      message:
        "ERR CONFIG SET failed (possibly related to argument 'databases') - can't set immutable config",
    });
    expect(e.exec(['CONFIG', 'SET', 'a', 'b', 'c'])).toEqual({
      kind: 'error',
      message: 'ERR syntax error',
    });
  });

  it('applies hz within 1..500 and repl-backlog-size of at least 16 KB, as the apply step does', () => {
    const e = fresh();
    e.exec(['CONFIG', 'SET', 'hz', '9999', 'repl-backlog-size', '1']);
    expect(e.exec(['CONFIG', 'GET', 'hz'])).toEqual({
      kind: 'array',
      items: [bulk('hz'), bulk('500')],
    });
    expect(e.config.hz).toBe(500);
    expect(get(e, 'repl-backlog-size')).toBe('16384');
  });

  it('honours the thresholds on the next insert, and never converts back', () => {
    const e = fresh();
    e.exec(['HSET', 'h', 'a', '1', 'b', '2']);
    e.exec(['CONFIG', 'SET', 'hash-max-listpack-entries', '2']);
    expect(e.exec(['OBJECT', 'ENCODING', 'h'])).toEqual(bulk('listpack')); // nothing inserted yet
    e.exec(['HSET', 'h', 'c', '3']);
    expect(e.exec(['OBJECT', 'ENCODING', 'h'])).toEqual(bulk('hashtable'));
    e.exec(['CONFIG', 'SET', 'hash-max-listpack-entries', '512']);
    e.exec(['HDEL', 'h', 'a', 'b']);
    expect(e.exec(['OBJECT', 'ENCODING', 'h'])).toEqual(bulk('hashtable'));
    e.exec(['CONFIG', 'SET', 'set-max-intset-entries', '1', 'zset-max-listpack-value', '1']);
    e.exec(['SADD', 's', '1', '2']);
    e.exec(['ZADD', 'z', '1', 'ab']);
    expect(e.exec(['OBJECT', 'ENCODING', 's'])).toEqual(bulk('hashtable'));
    expect(e.exec(['OBJECT', 'ENCODING', 'z'])).toEqual(bulk('skiplist'));
  });

  it('list-max-listpack-size sets how many elements share a quicklist node (memory model)', () => {
    const perElement = (fill: string) => {
      const e = fresh();
      e.exec(['CONFIG', 'SET', 'list-max-listpack-size', fill]);
      const before = e.usedMemory();
      e.exec(['RPUSH', 'l', ...Array.from({ length: 64 }, (_, i) => `v${i}`)]);
      return (e.usedMemory() - before) / 64;
    };
    expect(perElement('1')).toBeGreaterThan(perElement('16'));
    expect(perElement('16')).toBeGreaterThan(perElement('-2'));
  });

  it('maxmemory-samples, lfu-log-factor and lfu-decay-time reach eviction and LFU counting', () => {
    const e = fresh();
    e.exec([
      'CONFIG',
      'SET',
      'maxmemory-policy',
      'allkeys-lfu',
      'lfu-log-factor',
      '0',
      'lfu-decay-time',
      '0',
    ]);
    e.exec(['SET', 'k', 'v']);
    for (let i = 0; i < 50; i++) e.exec(['GET', 'k']);
    const counter = (eng: ReturnType<typeof fresh>) =>
      eng.dbs[0]!.lruOf(eng.dbs[0]!.peek('k')!) & 255;
    // Factor 0 increments the logarithmic counter on (nearly) every hit; factor 100 hardly ever.
    const slow = fresh();
    slow.exec(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu', 'lfu-log-factor', '100']);
    slow.exec(['SET', 'k', 'v']);
    for (let i = 0; i < 50; i++) slow.exec(['GET', 'k']);
    expect(counter(e)).toBeGreaterThan(counter(slow) + 20);
    e.exec(['CONFIG', 'SET', 'maxmemory-samples', '11']);
    expect(e.config['maxmemory-samples']).toBe(11);
  });
});

describe('engine.configure (the parameter-group path)', () => {
  it('oss: accepts what CONFIG SET accepts, all or nothing', () => {
    const e = fresh();
    expect(e.configure({ 'list-max-listpack-size': -3, hz: 20 })).toBeNull();
    expect(e.config['list-max-listpack-size']).toBe(-3);
    expect(e.configure({ hz: 30, timeout: 'x' })).toMatch(/argument 'timeout'/);
    expect(e.config.hz).toBe(20);
  });

  it('elasticache: takes the redis7 family modifiable parameters and refuses the rest by name', () => {
    const e = fresh('elasticache');
    expect(e.exec(['CONFIG', 'GET', 'maxmemory'])).toMatchObject({ kind: 'error' }); // CONFIG is restricted
    expect(e.config['maxmemory-policy']).toBe('volatile-lru');
    expect(e.config['maxmemory-samples']).toBe(3);
    expect(get(e, 'acl-pubsub-default')).toBe('allchannels');
    expect(
      e.configure({
        'hash-max-listpack-entries': 8,
        'notify-keyspace-events': 'Ex',
        timeout: 300,
        'reserved-memory-percent': 30,
      }),
    ).toBeNull();
    expect(e.config['hash-max-listpack-entries']).toBe(8);
    expect(e.elastiCacheParameters.get('reserved-memory-percent')).toBe('30');
    expect(e.configure({ 'list-max-listpack-size': -3 })).toBe(
      "'list-max-listpack-size' is not a parameter of ElastiCache's redis7 parameter group family (docs/elasticache-parameters.md).",
    );
    expect(e.configure({ hz: 20 })).toMatch(/^'hz' is not a parameter/);
    expect(e.configure({ databases: 4 })).toMatch(
      /^ElastiCache does not allow changing 'databases'/,
    );
    expect(e.configure({ timeout: 5 })).toMatch(
      /'timeout' must be 0 \(never\) or at least 20 seconds/,
    );
    expect(e.configure({ 'maxmemory-policy': 'bogus' })).toMatch(/maxmemory-policy/);
    expect(e.configure({ 'hash-max-listpack-entries': 16, 'zset-max-ziplist-entries': 9 })).toMatch(
      /zset-max-ziplist-entries/,
    );
    expect(e.config['hash-max-listpack-entries']).toBe(8); // nothing changed
  });

  it("elasticache: maps AWS's client-output-buffer-limit-* names onto redis's parameter", () => {
    const e = fresh('elasticache');
    expect(
      e.configure({
        'client-output-buffer-limit-pubsub-hard-limit': 1000,
        'client-output-buffer-limit-pubsub-soft-seconds': 7,
      }),
    ).toBeNull();
    expect(get(e, 'client-output-buffer-limit')).toBe(
      'normal 0 0 0 slave 268435456 67108864 60 pubsub 1000 8388608 7',
    );
    expect(e.configure({ 'client-output-buffer-limit-replica-hard-limit': 1 })).toMatch(
      /does not allow changing/,
    );
  });
});
