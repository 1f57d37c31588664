import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RedisStream, DEFAULT_NODE_LIMITS, type NodeLimits, type TrimArgs } from './stream-value';
import { FLAG_DELETED, StreamNode, lpIntBytes } from './stream-node';
import { compareIds, formatId, parseStreamId, ZERO_ID, MAX_ID, type StreamId } from './stream-id';
import { radixTreeNodes } from './stream-rax';

const id = (ms: number, seq = 0): StreamId => ({ ms: BigInt(ms), seq: BigInt(seq) });
const given = (ms: number, seq = 0) => ({ id: id(ms, seq), seqGiven: true });
const ids = (s: RedisStream, start = ZERO_ID, end = MAX_ID, rev = false): string[] => {
  const out: string[] = [];
  s.forRange(start, end, rev, (e) => (out.push(formatId(e.id)), true));
  return out;
};

/** Structural invariants every stream must keep whatever happened to it. */
function checkInvariants(s: RedisStream): void {
  let live = 0;
  let prev: StreamId | undefined;
  for (const node of s.nodes) {
    const dead = node.entries.filter((e) => (e.flags & FLAG_DELETED) !== 0).length;
    expect(node.live + node.deleted).toBe(node.entries.length);
    expect(node.deleted).toBe(dead);
    expect(compareIds(node.entries[0]!.id, node.master)).toBe(0);
    for (const e of node.entries) {
      if (prev !== undefined) expect(compareIds(prev, e.id)).toBeLessThan(0);
      prev = e.id;
    }
    expect(node.alloc).toBeGreaterThanOrEqual(node.bytes);
    live += node.live;
  }
  expect(live).toBe(s.length);
}

describe('stream IDs', () => {
  it('parse as t_stream.c does, including strtoull quirks', () => {
    expect(parseStreamId('5', 0n, true)).toEqual({ id: id(5), seqGiven: true });
    expect(parseStreamId('5-3', 0n, true)?.id).toEqual(id(5, 3));
    expect(parseStreamId('5', 0xffffffffffffffffn, false)?.id.seq).toBe(0xffffffffffffffffn);
    expect(parseStreamId('-', 0n, false)?.id).toEqual(ZERO_ID);
    expect(parseStreamId('+', 0n, false)?.id).toEqual(MAX_ID);
    expect(parseStreamId('-', 0n, true)).toBeUndefined();
    expect(parseStreamId('5-*', 0n, true, true)).toEqual({ id: id(5), seqGiven: false });
    expect(parseStreamId('5-*', 0n, true)).toBeUndefined();
    // strtoull: leading blanks, '+', leading zeros and a wrapped '-' are accepted in the sequence.
    expect(parseStreamId(' 5-+7', 0n, true)?.id).toEqual(id(5, 7));
    expect(parseStreamId('007-007', 0n, true)?.id).toEqual(id(7, 7));
    expect(parseStreamId('5--01', 0n, true)?.id.seq).toBe(0xffffffffffffffffn);
    expect(parseStreamId('5--1', 0n, true)).toBeUndefined();
    expect(parseStreamId('18446744073709551616', 0n, true)).toBeUndefined();
    expect(parseStreamId('1-2-3', 0n, true)).toBeUndefined();
    // Read as a C string: nothing after a NUL byte counts; over 127 bytes is invalid.
    expect(parseStreamId('3\x00-9', 0n, true)?.id).toEqual(id(3));
    expect(parseStreamId('1'.repeat(128), 0n, true)).toBeUndefined();
  });
});

describe('stream nodes', () => {
  it('count listpack bytes as redis-server encodes them', () => {
    expect(
      [0, 127, 128, 4095, -4096, 4096, 32767, 32768, 8388607, 8388608, 2147483647, 2147483648].map(
        (v) => lpIntBytes(v),
      ),
    ).toEqual([2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 10]);
    // lpNew(4096) + master entry (count 1, deleted 0, 1 field "f", 0) + entry (flags, 0, 0, "v", lp-count 4).
    const n = new StreamNode(id(1), ['f'], 4096);
    n.live = 1;
    n.append(id(1), ['f'], ['v']);
    expect(n.bytes).toBe(7 + 2 + 2 + 2 + 3 + 2 + (2 + 2 + 2 + 3 + 2));
    expect(n.alloc).toBe(4096);
  });

  it('open a new node at 100 entries or when a node would reach 4096 bytes', () => {
    const s = new RedisStream();
    for (let i = 1; i <= 250; i++) s.append(['f'], [String(i)], given(i), 0, DEFAULT_NODE_LIMITS);
    expect(s.nodes.map((n) => n.size)).toEqual([100, 100, 50]);
    const big = new RedisStream();
    for (let i = 1; i <= 5; i++)
      big.append(['f'], ['x'.repeat(1500)], given(i), 0, DEFAULT_NODE_LIMITS);
    expect(big.nodes.map((n) => n.size)).toEqual([2, 2, 1]);
    checkInvariants(big);
  });

  it('trims only whole nodes with ~ and exactly without', () => {
    const s = new RedisStream();
    for (let i = 1; i <= 250; i++) s.append(['f'], ['v'], given(i), 0, DEFAULT_NODE_LIMITS);
    const trim = (t: Partial<TrimArgs>) =>
      s.trim({ strategy: 'maxlen', maxlen: 0, minid: ZERO_ID, approx: false, limit: 0, ...t });
    expect(trim({ maxlen: 180, approx: true, limit: 10000 })).toBe(0);
    expect(trim({ maxlen: 140, approx: true, limit: 10000 })).toBe(100);
    expect(trim({ maxlen: 120 })).toBe(30);
    expect(s.length).toBe(120);
    expect(s.firstId).toEqual(id(131));
    expect(trim({ strategy: 'minid', minid: id(200), approx: true, limit: 10000 })).toBe(0);
    expect(trim({ strategy: 'minid', minid: id(205) })).toBe(74);
    expect(ids(s)[0]).toBe('205-0');
    checkInvariants(s);
  });

  it('frees a node when its last live entry is deleted, keeping tombstones otherwise', () => {
    const s = new RedisStream();
    for (let i = 1; i <= 3; i++)
      s.append(['f'], ['v'], given(i), 0, { maxBytes: 0, maxEntries: 2 });
    expect(s.delete(id(1))).toBe(true);
    expect(s.nodes[0]!.deleted).toBe(1);
    expect(s.delete(id(1))).toBe(false);
    expect(s.delete(id(2))).toBe(true);
    expect(s.nodes.length).toBe(1);
    expect(ids(s)).toEqual(['3-0']);
    checkInvariants(s);
  });
});

describe('stream copies (COPY)', () => {
  it('duplicate entries, tombstones, metadata and groups, independently of the original', () => {
    const s = new RedisStream();
    for (let i = 1; i <= 150; i++) s.append(['f'], [String(i)], given(i), 0, DEFAULT_NODE_LIMITS);
    s.delete(id(3));
    s.maxDeletedId = id(3);
    const g = s.createGroup('g', id(2), 2n)!;
    const alice = g.createConsumer('alice', 7)!;
    g.addNack({ id: id(1), deliveryTime: 5, deliveryCount: 2n, consumer: alice });
    g.addNack({ id: id(2), deliveryTime: 6, deliveryCount: 1n, consumer: alice });
    const d = s.dup();
    expect(ids(d)).toEqual(ids(s));
    expect([d.length, d.lastId, d.firstId, d.maxDeletedId, d.entriesAdded]).toEqual([
      s.length,
      s.lastId,
      s.firstId,
      s.maxDeletedId,
      s.entriesAdded,
    ]);
    expect(d.nodes.map((n) => [n.live, n.deleted, n.bytes])).toEqual(
      s.nodes.map((n) => [n.live, n.deleted, n.bytes]),
    );
    const dg = d.groups.get('g')!;
    expect(
      dg.pel.all().map((n) => [formatId(n.id), n.consumer!.name, n.deliveryTime, n.deliveryCount]),
    ).toEqual([
      ['1-0', 'alice', 5, 2n],
      ['2-0', 'alice', 6, 1n],
    ]);
    expect(dg.consumers.get('alice')!.pel.size).toBe(2);
    // The copy's tail node is cut to size (streamDup), so it takes less memory than the original.
    expect(d.memoryBytes()).toBeLessThan(s.memoryBytes());
    d.delete(id(1));
    dg.removeNack(id(1));
    expect(s.find(id(1))).toBeDefined();
    expect(g.pel.size).toBe(2);
    checkInvariants(d);
  });
});

describe('radix tree node count', () => {
  // Figures read from XINFO STREAM on redis-server 7.0 for masters 1000000 + 100·k (ms).
  it('matches redis-server for sequential node keys', () => {
    const masters = (n: number) => Array.from({ length: n }, (_, k) => id(1000000 + 100 * k));
    expect(radixTreeNodes([])).toBe(1);
    expect(radixTreeNodes(masters(1))).toBe(2);
    expect(radixTreeNodes(masters(2))).toBe(6);
    expect(radixTreeNodes(masters(10))).toBe(26);
    expect(radixTreeNodes(masters(100))).toBe(241);
  });

  it('handles keys that differ only in the last byte or in the first', () => {
    // 16-byte keys: root compressed 15 bytes, a branch, two leaves.
    expect(radixTreeNodes([id(1, 1), id(1, 2)])).toBe(4);
    // Root branches at once: root, two one-char children compressed to leaves.
    expect(radixTreeNodes([id(1), { ms: 1n << 56n, seq: 0n }])).toBe(5);
  });
});

describe('stream vs an array model', () => {
  type Op =
    | { kind: 'add'; gap: number; seq: number; fields: number; big: boolean }
    | { kind: 'del'; pick: number }
    | { kind: 'trim'; maxlen: number; approx: boolean; byId: boolean }
    | { kind: 'range'; a: number; b: number; count: number; rev: boolean };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        gap: fc.nat(3),
        seq: fc.nat(2),
        fields: fc.integer({ min: 1, max: 3 }),
        big: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('del' as const), pick: fc.nat(1000) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('trim' as const),
        maxlen: fc.nat(60),
        approx: fc.boolean(),
        byId: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('range' as const),
        a: fc.nat(400),
        b: fc.nat(400),
        count: fc.nat(5),
        rev: fc.boolean(),
      }),
    },
  );

  it('adds, deletes, trims and ranges like a plain array', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 300 }),
        fc.constantFrom<NodeLimits>(DEFAULT_NODE_LIMITS, { maxBytes: 200, maxEntries: 5 }),
        (ops, limits) => {
          const s = new RedisStream();
          let model: Array<{ id: StreamId; values: string[] }> = [];
          let ms = 1;
          const idStr = (x: { id: StreamId }) => formatId(x.id);
          for (const o of ops) {
            if (o.kind === 'add') {
              ms += o.gap;
              const want = id(ms, o.seq);
              const fields = ['a', 'b', 'c'].slice(0, o.fields);
              const values = fields.map((f) => (o.big ? f.repeat(90) : f + ms));
              const before = s.lastId;
              const got = s.append(fields, values, { id: want, seqGiven: true }, 0, limits);
              expect(got !== undefined).toBe(compareIds(want, before) > 0);
              if (got !== undefined) model.push({ id: got, values });
            } else if (o.kind === 'del') {
              const target = model.length === 0 ? id(o.pick) : model[o.pick % model.length]!.id;
              const had = model.some((m) => compareIds(m.id, target) === 0);
              expect(s.delete(target)).toBe(had);
              if (had) s.refreshFirstId(); // as XDEL does after its deletions
              model = model.filter((m) => compareIds(m.id, target) !== 0);
            } else if (o.kind === 'trim') {
              const minid = model[Math.min(o.maxlen, Math.max(0, model.length - 1))]?.id ?? ZERO_ID;
              const args: TrimArgs = o.byId
                ? {
                    strategy: 'minid',
                    maxlen: 0,
                    minid,
                    approx: o.approx,
                    limit: o.approx ? 10000 : 0,
                  }
                : {
                    strategy: 'maxlen',
                    maxlen: o.maxlen,
                    minid: ZERO_ID,
                    approx: o.approx,
                    limit: o.approx ? 10000 : 0,
                  };
              const removed = s.trim(args);
              const exact = o.byId
                ? model.filter((m) => compareIds(m.id, minid) < 0).length
                : Math.max(0, model.length - o.maxlen);
              // Approximate trimming removes whole nodes only: never more than exact trimming would.
              if (o.approx) expect(removed).toBeLessThanOrEqual(exact);
              else expect(removed).toBe(exact);
              model = model.slice(removed);
            } else {
              const lo = id(Math.min(o.a, o.b));
              const hi = id(Math.max(o.a, o.b), 9);
              const want = model.filter(
                (m) => compareIds(m.id, lo) >= 0 && compareIds(m.id, hi) <= 0,
              );
              if (o.rev) want.reverse();
              const got = ids(s, lo, hi, o.rev);
              expect(got).toEqual(want.map(idStr));
            }
            expect(s.length).toBe(model.length);
            expect(ids(s)).toEqual(model.map(idStr));
            if (model.length !== 0) expect(s.firstId).toEqual(model[0]!.id);
          }
          checkInvariants(s);
          for (const m of model) {
            const hit = s.find(m.id)!;
            expect(hit.entry.values).toEqual(m.values);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps memoryBytes a running total that returns to its start', () => {
    const s = new RedisStream();
    const empty = s.memoryBytes();
    for (let i = 1; i <= 500; i++)
      s.append(['f', 'g'], ['v'.repeat(i % 50), String(i)], given(i), 0, DEFAULT_NODE_LIMITS);
    const full = s.memoryBytes();
    expect(full).toBeGreaterThan(empty + 500 * 10);
    s.trim({ strategy: 'maxlen', maxlen: 0, minid: ZERO_ID, approx: false, limit: 0 });
    expect(s.memoryBytes()).toBe(empty);
  });
});
