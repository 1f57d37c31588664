// The differential comparator must be able to fail: fed a wrong reply on purpose, every check
// rejects it (TTL −1 / −2 exactly, random replies by length, repeats, membership and values).
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/redis/index';
import { checkRandom, contentsOf, randomSpec, same } from './redis-compare';
import type { RandomSpec } from './redis-compare';

const int = (value: number): Reply => ({ kind: 'int', value });
const bulk = (value: string): Reply => ({ kind: 'bulk', value });
const arr = (...xs: string[]): Reply => ({ kind: 'array', items: xs.map(bulk) });
const NIL: Reply = { kind: 'null' };
const spec = (argv: string[]): RandomSpec => randomSpec(argv)!;

describe('TTL tolerance', () => {
  const ttl = { approx: 1 } as const;
  it('allows ±1 between positive TTLs', () => {
    expect(same(int(100), int(99), ttl)).toBe(true);
    expect(same(int(0), int(1), ttl)).toBe(true);
    expect(same(int(100), int(98), ttl)).toBe(false);
  });
  it('compares −1 (no expiry) and −2 (no key) exactly', () => {
    expect(same(int(-1), int(-1), ttl)).toBe(true);
    expect(same(int(-2), int(-2), ttl)).toBe(true);
    expect(same(int(-1), int(-2), ttl)).toBe(false);
    expect(same(int(-2), int(-1), ttl)).toBe(false);
    expect(same(int(-1), int(0), ttl)).toBe(false);
    expect(same(int(0), int(-1), ttl)).toBe(false);
    expect(same(int(-2), int(-1), { approx: 2000 })).toBe(false);
  });
  it('applies inside arrays at the accepted paths only', () => {
    const m = { approx: 5, at: (p: readonly number[]) => p[0] === 1 };
    const a: Reply = { kind: 'array', items: [int(1), int(10)] };
    expect(same(a, { kind: 'array', items: [int(1), int(14)] }, m)).toBe(true);
    expect(same(a, { kind: 'array', items: [int(2), int(10)] }, m)).toBe(false);
    expect(same(a, { kind: 'array', items: [int(1), int(-1)] }, m)).toBe(false);
  });
});

describe('random replies', () => {
  const set = new Map([
    ['a', ''],
    ['b', ''],
    ['c', ''],
  ]);
  const hash = contentsOf(spec(['HRANDFIELD', 'h', '1', 'WITHVALUES']), arr('f', '1', 'g', '2'))!;
  const none = new Map<string, string>();

  it('reads each command form', () => {
    expect(randomSpec(['RANDOMKEY'])).toMatchObject({ source: 'keys' });
    expect(randomSpec(['spop', 's', '2'])).toMatchObject({ source: 'set', count: 2, pop: true });
    expect(randomSpec(['ZRANDMEMBER', 'z', '-3', 'WITHSCORES'])).toMatchObject({
      count: -3,
      withValues: true,
    });
    expect(randomSpec(['SRANDMEMBER', 's', 'x'])).toBeUndefined();
    expect(randomSpec(['SRANDMEMBER', 's', '1', 'WITHVALUES'])).toBeUndefined();
  });

  it('accepts valid draws', () => {
    expect(checkRandom(spec(['SRANDMEMBER', 's']), bulk('b'), set)).toBeUndefined();
    expect(checkRandom(spec(['SRANDMEMBER', 's']), NIL, none)).toBeUndefined();
    expect(checkRandom(spec(['SRANDMEMBER', 's', '2']), arr('c', 'a'), set)).toBeUndefined();
    expect(checkRandom(spec(['SRANDMEMBER', 's', '9']), arr('c', 'a', 'b'), set)).toBeUndefined();
    expect(
      checkRandom(spec(['SRANDMEMBER', 's', '-4']), arr('a', 'a', 'a', 'c'), set),
    ).toBeUndefined();
    expect(checkRandom(spec(['SRANDMEMBER', 's', '-4']), arr(), none)).toBeUndefined();
    expect(checkRandom(spec(['SPOP', 's', '0']), arr(), set)).toBeUndefined();
    const wv = spec(['HRANDFIELD', 'h', '-3', 'WITHVALUES']);
    expect(checkRandom(wv, arr('g', '2', 'g', '2', 'f', '1'), hash)).toBeUndefined();
  });

  it('rejects a wrong kind', () => {
    expect(checkRandom(spec(['SRANDMEMBER', 's']), arr('a'), set)).toMatch(/one element/);
    expect(checkRandom(spec(['SRANDMEMBER', 's']), bulk('a'), none)).toMatch(/nil/);
    expect(checkRandom(spec(['SRANDMEMBER', 's', '1']), bulk('a'), set)).toMatch(/array/);
  });

  it('rejects a wrong length', () => {
    expect(checkRandom(spec(['SRANDMEMBER', 's', '2']), arr('a'), set)).toMatch(/expected 2/);
    expect(checkRandom(spec(['SRANDMEMBER', 's', '9']), arr('a', 'b'), set)).toMatch(/expected 3/);
    expect(checkRandom(spec(['SRANDMEMBER', 's', '-5']), arr('a', 'b', 'c'), set)).toMatch(
      /expected 5/,
    );
    expect(checkRandom(spec(['SRANDMEMBER', 's', '-2']), arr('a'), none)).toMatch(/expected 0/);
    expect(checkRandom(spec(['SPOP', 's', '0']), arr('a'), set)).toMatch(/expected 0/);
  });

  it('rejects a repeat when the count asks for distinct elements', () => {
    expect(checkRandom(spec(['SRANDMEMBER', 's', '2']), arr('a', 'a'), set)).toMatch(/repeated/);
    expect(checkRandom(spec(['SPOP', 's', '3']), arr('a', 'b', 'b'), set)).toMatch(/repeated/);
  });

  it('rejects an element that is not in the key', () => {
    expect(checkRandom(spec(['RANDOMKEY']), bulk('zz'), set)).toMatch(/not in the key/);
    expect(checkRandom(spec(['SRANDMEMBER', 's', '-2']), arr('a', 'q'), set)).toMatch(
      /not in the key/,
    );
  });

  it('rejects a value that does not belong to its field', () => {
    const wv = spec(['HRANDFIELD', 'h', '2', 'WITHVALUES']);
    expect(checkRandom(wv, arr('f', '2', 'g', '1'), hash)).toMatch(/comes with/);
  });

  it('compares a non-random error exactly', () => {
    const e = (message: string): Reply => ({ kind: 'error', message });
    expect(same(e('ERR value is out of range'), e('ERR value is out of range'), 'random')).toBe(
      true,
    );
    expect(same(e('ERR value is out of range'), e('ERR syntax error'), 'random')).toBe(false);
    expect(same(e('ERR syntax error'), int(1), 'kind')).toBe(false);
  });
});
