/**
 * Key positions for commands whose keys follow a count (ZUNIONSTORE dest numkeys k…, LMPOP
 * numkeys k…, SINTERCARD numkeys k…). Cluster redirection depends on finding exactly the keys
 * redis-server finds, bad input included, so this follows db.c in 7.0: first the command's key
 * specs (an optional store key, then a "keynum" spec whose count is read with string2ll and must
 * fit the arguments); when a spec does not fit, the getkeys_proc fallback genericGetKeys (count
 * read with C's atoi, source keys first and the store key last, nothing at all when the count
 * is < 1 or larger than the arguments left). test/conformance/redis-cluster-keys.test.ts
 * compares every generated command with the real server's COMMAND GETKEYS.
 */
import type { Argv } from './command';
import { parseInt64Exact } from './args';
import { cstr, eqi } from './bytes';

/** C's atoi (strtol, then the long truncated to int): leading spaces, sign, digits, stop at the rest. */
export function cAtoi(s: string): number {
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i]!)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') neg = s[i++] === '-';
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start) return 0;
  let v = BigInt(s.slice(start, i));
  if (neg) v = -v;
  // strtol saturates at the long range; the int conversion keeps the low 32 bits.
  const LONG_MAX = 9223372036854775807n;
  if (v > LONG_MAX) v = LONG_MAX;
  if (v < -LONG_MAX - 1n) v = -LONG_MAX - 1n;
  return Number(BigInt.asIntN(32, v));
}

/** The key-spec path; null when a spec does not fit (Redis then uses the fallback). */
function fromSpecs(argv: Argv, countAt: number, storeAt: number): number[] | null {
  const out: number[] = [];
  if (storeAt !== 0) {
    if (storeAt >= argv.length) return null;
    out.push(storeAt);
  }
  const parsed = parseInt64Exact(argv[countAt] ?? '');
  if (parsed === null || parsed < 0n) return null;
  const first = countAt + 1;
  const last = first + Number(BigInt.asIntN(32, parsed)) - 1; // `first + (int)numkeys - 1`
  if (last >= argv.length || last < first || first >= argv.length) return null;
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

/** getKeys for "[store] numkeys key [key …] …" commands: the count at `countAt`, keys after it. */
export function numkeysKeys(countAt: number, storeAt = 0): (argv: Argv) => number[] {
  return (argv) => {
    const spec = fromSpecs(argv, countAt, storeAt);
    if (spec !== null) return spec;
    const num = cAtoi(argv[countAt] ?? '');
    const first = countAt + 1;
    if (num < 1 || num > argv.length - first) return [];
    const out: number[] = [];
    for (let i = 0; i < num; i++) out.push(first + i);
    if (storeAt !== 0) out.push(storeAt);
    return out;
  };
}

/** A keyword begin_search with a positive startfrom: the first match in [startFrom, argc-2]. */
function keywordAt(argv: Argv, keyword: string, startFrom: number): number {
  for (let i = startFrom; i < argv.length - 1; i++) if (eqi(argv[i]!, keyword)) return i;
  return -1;
}

/**
 * GEORADIUS / GEORADIUSBYMEMBER: the key, then the key after STORE and the one after STOREDIST
 * (each found from `startFrom` on), as their three key specs find them.
 */
export function storeOptionKeys(startFrom: number): (argv: Argv) => number[] {
  return (argv) => {
    const out = [1];
    for (const kw of ['store', 'storedist']) {
      const i = keywordAt(argv, kw, startFrom);
      if (i >= 0) out.push(i + 1);
    }
    return out;
  };
}

/**
 * MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw] [AUTH2 user pw] [KEYS k …]:
 * the key argument; with KEYS (searched backwards, as its spec does) the spec is incomplete and
 * migrateGetKeys decides — the keys after KEYS, or none when the key argument is not empty.
 */
export function migrateKeys(argv: Argv): number[] {
  let hasKeys = false;
  for (let i = argv.length - 2; i >= 2; i--) {
    if (eqi(argv[i]!, 'keys')) {
      hasKeys = true;
      break;
    }
  }
  if (!hasKeys) return [3];
  const skips: Record<string, number> = { copy: 0, replace: 0, auth: 1, auth2: 2 };
  for (let i = 6; i < argv.length; i++) {
    const arg = argv[i]!.toLowerCase();
    if (arg === 'keys') {
      if (argv[3]!.length > 0) return [];
      const out: number[] = [];
      for (let j = i + 1; j < argv.length; j++) out.push(j);
      return out;
    }
    i += skips[arg] ?? 0;
  }
  return [3];
}

/** strcasecmp on an argument (read as a C string, up to a NUL byte). */
const isWord = (arg: string | undefined, kw: string): boolean =>
  arg !== undefined && eqi(cstr(arg), kw);

/**
 * XREAD / XREADGROUP as COMMAND GETKEYS finds their keys: the key spec (keyword STREAMS
 * searched from `startFrom`, then half of the arguments after it); when the keyword is found
 * but the range does not fit, the getkeys_proc fallback {@link xreadGetKeys}.
 */
export function streamsKeys(startFrom: number): (argv: Argv) => number[] {
  return (argv) => {
    let first = 0;
    for (let i = startFrom; i < argv.length - 1; i++) {
      if (isWord(argv[i], 'streams')) {
        first = i + 1;
        break;
      }
    }
    if (first === 0) return [];
    const last = first + Math.floor((argv.length - first) / 2) - 1;
    if (last < argv.length && last >= first) return range(first, last);
    return xreadGetKeys(argv);
  };
}

/**
 * db.c xreadGetKeys: the options walked up to the real STREAMS, then half of what follows (none
 * when that is odd). Cluster routing uses it directly (getKeysFromCommand prefers getkeys_proc),
 * so an unbalanced XREAD reaches the command, which answers its own error, not CROSSSLOT.
 */
export function xreadGetKeys(argv: Argv): number[] {
  let at = -1;
  for (let i = 1; i < argv.length; i++) {
    if (isWord(argv[i], 'block') || isWord(argv[i], 'count')) i++;
    else if (isWord(argv[i], 'group')) i += 2;
    else if (!isWord(argv[i], 'noack')) {
      if (isWord(argv[i], 'streams')) at = i;
      break;
    }
  }
  const num = at === -1 ? 0 : argv.length - at - 1;
  if (num === 0 || num % 2 !== 0) return [];
  return range(at + 1, at + num / 2);
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
