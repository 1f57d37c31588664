import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { RedisEngine } from '../engine';
import type { MaxmemoryPolicy } from '../server/config';
import { datasetCommands, DATASET_DBS } from '../../../../test/support/redis-dataset';
import { diffKeyspaces, readKeyspace } from '../../../../test/support/redis-keyspace';
import { testCluster } from '../cluster/test-cluster';
import { nodeAllowsInsert } from './codecs/list';
import { loadRdb } from './load';
import { saveRdb } from './save';
import { jemallocSize } from '../keyspace/memory';
import type { RedisStream } from '../structures';

const T0 = 1_700_000_000_000;

function engine(clock = manualClock(T0), policy?: MaxmemoryPolicy): RedisEngine {
  return createRedisEngine({
    clock,
    rng: engineRng(7),
    ...(policy ? { maxmemoryPolicy: policy } : {}),
  });
}

function filled(seed: number, clock = manualClock(T0)): RedisEngine {
  const e = engine(clock);
  for (const cmd of datasetCommands({ seed })) e.exec(cmd);
  return e;
}

const keyspace = (e: RedisEngine) => readKeyspace((argv) => e.exec(argv), DATASET_DBS);

/** Bytes the streams' listpacks hold beyond their size (gone once saved and loaded). */
function streamSlack(e: RedisEngine): number {
  let n = 0;
  for (const db of e.dbs) {
    db.forEach((k) => {
      if (k.type !== 'stream') return;
      for (const node of (k.value as RedisStream).nodes) n += node.alloc - jemallocSize(node.bytes);
    });
  }
  return n;
}

describe('RDB save → load', () => {
  it('brings back every type and encoding with the same values, TTLs and used_memory', async () => {
    const clock = manualClock(T0);
    const a = filled(1, clock);
    // Two values change encoding on load in redis-server too (tested below): an appended raw
    // string (→ embstr) and a hashtable set shrunk to a few integers (→ intset).
    a.exec(['DEL', 'str:appended', 'set:shrunk']);
    const b = engine(clock);
    const r = loadRdb(b, saveRdb(a));
    expect(r.ok).toBe(true);
    const before = await keyspace(a);
    expect(before.size).toBeGreaterThan(100);
    expect(diffKeyspaces(before, await keyspace(b), 0)).toEqual([]);
    // Loaded stream listpacks are allocated at their exact size (rdbGenericLoadStringObject),
    // so a stream's preallocated tail node comes back smaller, in redis-server as here.
    expect(b.usedMemory()).toBe(a.usedMemory() - streamSlack(a));
    const encodings = new Set([...before.values()].map((k) => `${k.type}/${k.encoding}`));
    expect([...encodings].sort()).toEqual([
      'hash/hashtable',
      'hash/listpack',
      'list/quicklist',
      'set/hashtable',
      'set/intset',
      'stream/stream',
      'string/embstr',
      'string/int',
      'string/raw',
      'zset/listpack',
      'zset/skiplist',
    ]);
  });

  it('is a fixpoint: saving what was loaded gives the same bytes', () => {
    const clock = manualClock(T0);
    const a = filled(2, clock);
    const b = engine(clock);
    loadRdb(b, saveRdb(a));
    const c = engine(clock);
    const once = saveRdb(b);
    loadRdb(c, once);
    expect(Buffer.from(saveRdb(c)).equals(Buffer.from(once))).toBe(true);
  });

  it('re-encodes strings as redis-server does on load (an appended short string becomes embstr)', () => {
    const a = engine();
    a.exec(['SET', 'k', 'ab']);
    a.exec(['APPEND', 'k', 'cd']);
    a.exec(['SET', 'n', '42']);
    expect(a.exec(['OBJECT', 'ENCODING', 'k'])).toEqual({ kind: 'bulk', value: 'raw' });
    const b = engine();
    loadRdb(b, saveRdb(a));
    expect(b.exec(['OBJECT', 'ENCODING', 'k'])).toEqual({ kind: 'bulk', value: 'embstr' });
    expect(b.exec(['OBJECT', 'ENCODING', 'n'])).toEqual({ kind: 'bulk', value: 'int' });
    expect(b.exec(['GET', 'k'])).toEqual({ kind: 'bulk', value: 'abcd' });
  });

  it('turns a hashtable set that now holds few integers back into an intset, as redis-server does', () => {
    const a = engine();
    a.exec(['SADD', 's', ...Array.from({ length: 600 }, (_, i) => String(i))]);
    a.exec(['SREM', 's', ...Array.from({ length: 590 }, (_, i) => String(i))]);
    expect(a.exec(['OBJECT', 'ENCODING', 's'])).toEqual({ kind: 'bulk', value: 'hashtable' });
    const b = engine();
    loadRdb(b, saveRdb(a));
    expect(b.exec(['OBJECT', 'ENCODING', 's'])).toEqual({ kind: 'bulk', value: 'intset' });
    expect(b.exec(['SCARD', 's'])).toEqual({ kind: 'int', value: 10 });
  });

  it('writes the aux fields redis-server 7.0 writes, and repl fields only when asked', () => {
    const a = filled(3);
    const plain = loadRdb(engine(), saveRdb(a));
    if (!plain.ok) throw new Error(plain.error);
    expect([...plain.aux.keys()]).toEqual([
      'redis-ver',
      'redis-bits',
      'ctime',
      'used-mem',
      'aof-base',
    ]);
    expect(plain.aux.get('redis-ver')).toBe('7.0.15');
    expect(plain.aux.get('ctime')).toBe(String(T0 / 1000));
    expect(plain.aux.get('used-mem')).toBe(String(a.usedMemory()));
    expect(plain.repl).toBeUndefined();
    const replId = 'a'.repeat(40);
    const withRepl = loadRdb(
      engine(),
      saveRdb(a, { repl: { replId, replOffset: 12345, streamDb: 3 } }),
    );
    if (!withRepl.ok) throw new Error(withRepl.error);
    expect([...withRepl.aux.keys()]).toEqual([
      'redis-ver',
      'redis-bits',
      'ctime',
      'used-mem',
      'repl-stream-db',
      'repl-id',
      'repl-offset',
      'aof-base',
    ]);
    expect(withRepl.repl).toEqual({ replId, replOffset: 12345, streamDb: 3 });
  });

  it('drops keys whose TTL passed on a primary, keeps them for a replica', () => {
    const clock = manualClock(T0);
    const a = engine(clock);
    a.exec(['SET', 'gone', 'v', 'PX', '100']);
    a.exec(['SET', 'stays', 'v', 'PX', '100000']);
    clock.advance(1000);
    const bytes = saveRdb(a);
    const primary = engine(clock);
    const r = loadRdb(primary, bytes);
    expect(r.ok && [r.keysLoaded, r.keysExpired]).toEqual([1, 1]);
    expect(primary.exec(['EXISTS', 'gone', 'stays'])).toEqual({ kind: 'int', value: 1 });
    const replica = engine(clock);
    const rr = loadRdb(replica, bytes, { keepExpired: true });
    expect(rr.ok && [rr.keysLoaded, rr.keysExpired]).toEqual([2, 0]);
    expect(replica.dbs[0]!.size).toBe(2);
  });

  it('written as of another time (asOfMs), every key keeps its remaining TTL on that clock', () => {
    const clock = manualClock(T0);
    const a = engine(clock);
    a.exec(['SET', 'ttl', 'v', 'PX', '5000']);
    a.exec(['SET', 'forever', 'v']);
    clock.advance(1000);
    const later = T0 + 400 * 86_400_000;
    const bytes = saveRdb(a, { asOfMs: later });
    // Without the shift a server on the later clock drops the key as long expired.
    const plain = engine(manualClock(later));
    expect(loadRdb(plain, saveRdb(a)).ok && plain.dbs[0]!.size).toBe(1);
    const b = engine(manualClock(later));
    const r = loadRdb(b, bytes);
    expect(r.ok && [r.keysLoaded, r.keysExpired]).toEqual([2, 0]);
    expect(b.exec(['PTTL', 'ttl'])).toEqual({ kind: 'int', value: 4000 });
    expect(b.exec(['PTTL', 'forever'])).toEqual({ kind: 'int', value: -1 });
    // The file says when it was taken on the new clock: ctime, an integer-encoded string
    // (0xC2, then the seconds as a 32-bit little-endian integer).
    const at = new TextDecoder('latin1').decode(bytes).indexOf('ctime') + 5;
    expect(bytes[at]).toBe(0xc2);
    expect(new DataView(bytes.buffer, bytes.byteOffset + at + 1, 4).getUint32(0, true)).toBe(
      Math.floor(later / 1000),
    );
  });

  it('keeps LRU idle time under an LRU policy (IDLE opcode) and the LFU counter under LFU (FREQ)', () => {
    const clock = manualClock(T0);
    const lru = engine(clock, 'allkeys-lru');
    lru.exec(['SET', 'old', 'v']);
    clock.advance(100_000);
    lru.exec(['SET', 'new', 'v']);
    const lruCopy = engine(clock, 'allkeys-lru');
    loadRdb(lruCopy, saveRdb(lru));
    expect(lruCopy.exec(['OBJECT', 'IDLETIME', 'old'])).toEqual({ kind: 'int', value: 100 });
    expect(lruCopy.exec(['OBJECT', 'IDLETIME', 'new'])).toEqual({ kind: 'int', value: 0 });

    const lfu = engine(clock, 'allkeys-lfu');
    lfu.exec(['SET', 'hot', 'v']);
    for (let i = 0; i < 200; i++) lfu.exec(['GET', 'hot']);
    const freq = lfu.exec(['OBJECT', 'FREQ', 'hot']);
    expect(freq).not.toEqual({ kind: 'int', value: 5 });
    const lfuCopy = engine(clock, 'allkeys-lfu');
    loadRdb(lfuCopy, saveRdb(lfu));
    expect(lfuCopy.exec(['OBJECT', 'FREQ', 'hot'])).toEqual(freq);
  });
});

describe('RDB and the rest of the server', () => {
  it('cuts list nodes as quicklist does for each list-max-listpack-size', () => {
    // -2 (default): up to 8 KB per node, counting the element's length plus 8 bytes of slack.
    expect(nodeAllowsInsert(-2, 8000, 500, 184)).toBe(true);
    expect(nodeAllowsInsert(-2, 8000, 500, 185)).toBe(false);
    expect(nodeAllowsInsert(-1, 4000, 1, 88)).toBe(true);
    expect(nodeAllowsInsert(-1, 4000, 1, 89)).toBe(false);
    expect(nodeAllowsInsert(-5, 60000, 1, 5000)).toBe(true);
    // A positive fill caps the element count, still within 8 KB.
    expect(nodeAllowsInsert(3, 100, 2, 10)).toBe(true);
    expect(nodeAllowsInsert(3, 100, 3, 10)).toBe(false);
    expect(nodeAllowsInsert(1000, 8100, 10, 100)).toBe(false);
  });

  it('loads into a cluster node (keeping its slot index), but refuses keys outside db 0 there', () => {
    const source = engine();
    source.exec(['SET', 'k', 'v']);
    source.exec(['RPUSH', '{k}list', 'a']);
    const node = testCluster().nodes[0]!;
    expect(loadRdb(node, saveRdb(source)).ok).toBe(true);
    const slot = node.exec(['CLUSTER', 'KEYSLOT', 'k']);
    expect(
      node.exec(['CLUSTER', 'COUNTKEYSINSLOT', String(slot?.kind === 'int' ? slot.value : -1)]),
    ).toEqual({
      kind: 'int',
      value: 2,
    });
    source.exec(['SELECT', '3']);
    source.exec(['SET', 'elsewhere', 'v']);
    const r = loadRdb(node, saveRdb(source));
    expect(r.ok || r.error).toMatch(/DB different than DB 0 when in Cluster mode/);
    expect(node.dbs[0]!.size).toBe(2);
  });
});

describe('RDB load refuses bad input and changes nothing', () => {
  const good = saveRdb(filled(4));
  const victim = () => {
    const e = engine();
    e.exec(['SET', 'mine', 'precious']);
    e.exec(['SELECT', '2']);
    e.exec(['RPUSH', 'list', 'a']);
    e.exec(['SELECT', '0']);
    return e;
  };
  const cases: Array<[string, Uint8Array, RegExp]> = [
    ['a flipped byte (CRC)', Uint8Array.from(good, (b, i) => (i === 2000 ? b ^ 0x10 : b)), /./],
    [
      'a wrong checksum',
      Uint8Array.from(good, (b, i) => (i === good.length - 3 ? b ^ 1 : b)),
      /RDB CRC error/,
    ],
    ['a truncated file', good.slice(0, good.length - 9), /Unexpected EOF/],
    ['a file cut in the middle', good.slice(0, 3000), /./],
    [
      'RDB version 11',
      Uint8Array.from(good, (b, i) => (i === 8 ? 0x31 : b)),
      /Can't handle RDB format version 0011/,
    ],
    ['a wrong signature', Uint8Array.from(good, (b, i) => (i === 0 ? 0x58 : b)), /Wrong signature/],
    ['an empty file', new Uint8Array(0), /Unexpected EOF/],
  ];
  for (const [name, bytes, message] of cases) {
    it(`refuses ${name}`, async () => {
      const e = victim();
      const before = await keyspace(e);
      const memory = e.usedMemory();
      const r = loadRdb(e, bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
      expect(diffKeyspaces(before, await keyspace(e), 0)).toEqual([]);
      expect(e.usedMemory()).toBe(memory);
    });
  }

  it('skips the CRC check of a file saved with rdbchecksum no (all-zero checksum), as Redis does', () => {
    const zeroed = Uint8Array.from(good, (b, i) => (i >= good.length - 8 ? 0 : b));
    expect(loadRdb(engine(), zeroed).ok).toBe(true);
  });
});
