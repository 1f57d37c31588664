// How the differential tests decide that the engine's reply equals redis-server's: exact by
// default, unordered where Redis leaves order unspecified, integers within a tolerance where the
// two servers measure at slightly different instants — and, for commands that choose at random,
// by length and membership against the key's contents read on each side just before.
import type { Reply } from '../../src/engine/redis/index';
import type { CompareMode } from './redis-generators/types';

export function canon(r: Reply): unknown {
  switch (r.kind) {
    case 'array':
      return r.items.map(canon);
    case 'int':
      return { int: String(r.value) };
    case 'bulk':
      return { bulk: r.value };
    case 'simple':
      return { simple: r.value };
    case 'error':
      return { error: r.message };
    default:
      return r.kind;
  }
}

const key = (x: unknown): string => JSON.stringify(x);

function normalise(r: Reply, mode: CompareMode): unknown {
  if (mode === 'kind' || mode === 'random') return r.kind;
  if (r.kind !== 'array') return canon(r);
  if (mode === 'unordered') return r.items.map(canon).map(key).sort();
  if (mode === 'unordered-pairs') {
    const pairs: string[] = [];
    for (let i = 0; i < r.items.length; i += 2)
      pairs.push(key([canon(r.items[i]!), canon(r.items[i + 1]!)]));
    return pairs.sort();
  }
  if (mode === 'scan' && r.items.length === 2 && r.items[1]!.kind === 'array') {
    return [canon(r.items[0]!), r.items[1]!.items.map(canon).map(key).sort()];
  }
  return canon(r);
}

/**
 * Whether `a` and `b` agree under `mode`. Errors are always compared exactly. An `approx`
 * tolerance applies only when both integers are ≥ 0: TTL / PTTL / EXPIRETIME answer −1 (no
 * expiry) and −2 (no key), which are states, not measurements, and must match exactly.
 */
export function same(a: Reply, b: Reply, mode: CompareMode, path: readonly number[] = []): boolean {
  if (a.kind === 'error' || b.kind === 'error') return key(canon(a)) === key(canon(b));
  if (
    typeof mode === 'object' &&
    a.kind === 'int' &&
    b.kind === 'int' &&
    (mode.at === undefined || mode.at(path))
  ) {
    const x = Number(a.value);
    const y = Number(b.value);
    return x < 0 || y < 0 ? x === y : Math.abs(x - y) <= mode.approx;
  }
  if (
    typeof mode === 'object' &&
    a.kind === 'array' &&
    b.kind === 'array' &&
    a.items.length === b.items.length
  ) {
    return a.items.every((x, i) => same(x, b.items[i]!, mode, [...path, i]));
  }
  if (typeof mode === 'object') return key(canon(a)) === key(canon(b));
  return key(normalise(a, mode)) === key(normalise(b, mode));
}

/** What a random-reply command asks for, read from its argv. */
export interface RandomSpec {
  /** What the candidates are: the db's keys, or a set's members, a hash's fields, a zset's members. */
  readonly source: 'keys' | 'set' | 'hash' | 'zset';
  readonly key?: string;
  /** Absent: one element (bulk or nil). ≥ 0: distinct elements; < 0: |count| with repeats. */
  readonly count?: number;
  /** HRANDFIELD … WITHVALUES / ZRANDMEMBER … WITHSCORES: flat member, value pairs. */
  readonly withValues: boolean;
  /** SPOP removes what it returns. */
  readonly pop: boolean;
}

const INT = /^-?(0|[1-9]\d{0,17})$/;

/** The spec of RANDOMKEY / SRANDMEMBER / SPOP / HRANDFIELD / ZRANDMEMBER, or undefined if malformed. */
export function randomSpec(argv: readonly string[]): RandomSpec | undefined {
  const name = argv[0]!.toUpperCase();
  if (name === 'RANDOMKEY')
    return argv.length === 1 ? { source: 'keys', withValues: false, pop: false } : undefined;
  const source = (
    { SRANDMEMBER: 'set', SPOP: 'set', HRANDFIELD: 'hash', ZRANDMEMBER: 'zset' } as const
  )[name as 'SPOP'];
  if (source === undefined || argv.length < 2 || argv.length > 4) return undefined;
  const withValues = argv.length === 4;
  if (withValues && source === 'set') return undefined;
  if (argv.length === 2) return { source, key: argv[1]!, withValues, pop: name === 'SPOP' };
  if (!INT.test(argv[2]!)) return undefined;
  return { source, key: argv[1]!, count: Number(argv[2]), withValues, pop: name === 'SPOP' };
}

/** The command that reads every candidate of `spec` (with values for hashes and zsets). */
export function contentsCommand(spec: RandomSpec): string[] {
  if (spec.source === 'keys') return ['KEYS', '*'];
  if (spec.source === 'set') return ['SMEMBERS', spec.key!];
  if (spec.source === 'hash') return ['HGETALL', spec.key!];
  return ['ZRANGE', spec.key!, '0', '-1', 'WITHSCORES'];
}

/** `contentsCommand`'s reply as candidate → value ('' for keys and set members). */
export function contentsOf(spec: RandomSpec, r: Reply): Map<string, string> | undefined {
  if (r.kind !== 'array') return undefined;
  const out = new Map<string, string>();
  const text = (x: Reply | undefined): string => (x?.kind === 'bulk' ? x.value : `<${x?.kind}>`);
  const paired = spec.source === 'hash' || spec.source === 'zset';
  for (let i = 0; i < r.items.length; i += paired ? 2 : 1)
    out.set(text(r.items[i]), paired ? text(r.items[i + 1]) : '');
  return out;
}

/**
 * Checks a random reply against the candidates it was drawn from; returns what is wrong, or
 * undefined. Without a count: one candidate, or nil when there are none. With a count ≥ 0:
 * min(count, size) distinct candidates; with a count < 0: exactly |count| candidates, repeats
 * allowed (none when the key is missing); WITHVALUES / WITHSCORES pairs carry the candidate's value.
 */
export function checkRandom(
  spec: RandomSpec,
  r: Reply,
  contents: ReadonlyMap<string, string>,
): string | undefined {
  if (spec.count === undefined) {
    if (contents.size === 0) return r.kind === 'null' ? undefined : `expected nil, got ${r.kind}`;
    if (r.kind !== 'bulk') return `expected one element, got ${r.kind}`;
    return contents.has(r.value) ? undefined : `${JSON.stringify(r.value)} is not in the key`;
  }
  if (r.kind !== 'array') return `expected an array, got ${r.kind}`;
  const step = spec.withValues ? 2 : 1;
  const n = contents.size;
  const want = spec.count >= 0 ? Math.min(spec.count, n) : n === 0 ? 0 : -spec.count;
  if (r.items.length !== want * step)
    return `expected ${want} element(s), got ${r.items.length / step}`;
  const seen = new Set<string>();
  for (let i = 0; i < r.items.length; i += step) {
    const m = r.items[i]!;
    if (m.kind !== 'bulk') return `element ${i / step} is ${m.kind}`;
    if (!contents.has(m.value)) return `${JSON.stringify(m.value)} is not in the key`;
    if (spec.count >= 0 && seen.has(m.value)) return `${JSON.stringify(m.value)} repeated`;
    seen.add(m.value);
    if (spec.withValues) {
      const v = r.items[i + 1]!;
      const value = v.kind === 'bulk' ? v.value : `<${v.kind}>`;
      if (value !== contents.get(m.value))
        return `${JSON.stringify(m.value)} comes with ${JSON.stringify(value)}, not ${JSON.stringify(contents.get(m.value))}`;
    }
  }
  return undefined;
}

/** The elements a random reply names (members only, without their values). */
export function randomElements(spec: RandomSpec, r: Reply): string[] {
  if (r.kind === 'bulk') return [r.value];
  if (r.kind !== 'array') return [];
  const step = spec.withValues ? 2 : 1;
  const out: string[] = [];
  for (let i = 0; i < r.items.length; i += step) {
    const m = r.items[i]!;
    if (m.kind === 'bulk') out.push(m.value);
  }
  return out;
}
