// Seeded random command streams for the memcached differential test: valid commands mixed
// with malformed ones (wrong token counts, bad numbers, bad data chunks, long keys, …).
import { engineRng, type EngineRng } from '../../src/engine';

export interface StreamCommand {
  /** Request bytes as a latin1 string. */
  text: string;
  bad: boolean;
  /**
   * Send only after every earlier reply has arrived: a multiget with an over-long key makes
   * memcached drop all replies still queued on the connection, so what it drops depends on
   * when the daemon last wrote — the test pins that down by waiting.
   */
  syncBefore?: boolean;
}

const pick = <T>(rng: EngineRng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

const KEYS = ['a', 'b', 'c', 'k1', 'k2', 'num', 'n2', 'big', 'x\ty', 'caf\xe9', 'k:1', 'K'];
const FLAGS = ['0', '1', '65535', '4294967295', '4294967296', '4294967301', '+7', '\t3'];
const EXPTIMES = [
  '0',
  '0',
  '0',
  '100',
  '3600',
  '-1',
  '2592000',
  '2592001',
  '1000000000',
  '2000000000',
  '4294967296',
  '4294967295',
];
const BAD_NUMBERS = ['-1', 'abc', '99999999999999999999', '1x', '', '0x10', '18446744073709551616'];
const NUMERIC_VALUES = [
  '0',
  '1',
  '10',
  '99',
  '18446744073709551615',
  '9223372036854775000',
  ' 12',
  '12 ',
  '007',
  '-5',
  'abc',
  '',
];

function randomValue(rng: EngineRng): string {
  if (rng.next() < 0.35) return pick(rng, NUMERIC_VALUES);
  const n = rng.int(40);
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    s += r < 0.05 ? '\r\n' : r < 0.1 ? ' ' : String.fromCharCode(0x21 + rng.int(94));
  }
  return s;
}

function key(rng: EngineRng): string {
  return pick(rng, KEYS);
}

const FETCHED_KEYS = KEYS.filter((k) => k !== 'num' && k !== 'n2');

/** A key for a command that fetches (get, gat, touch): see StreamOptions.lruThread. */
function fetchKey(rng: EngineRng, o: StreamOptions): string {
  return pick(rng, o.lruThread ? FETCHED_KEYS : KEYS);
}

function noreply(rng: EngineRng): string {
  return rng.next() < 0.15 ? ' noreply' : '';
}

export interface StreamOptions {
  /** Adds sets of 3/5/9 KB values over 3000 more keys, to run into -m limits and evictions. */
  memoryPressure?: boolean;
  /**
   * True when the key now holds a number ≥ 2^63. For those, memcached's safe_strtoull looks
   * for a '-' with strchr past the end of the value, into stale slab memory, so incr/decr
   * answers depend on leftovers of freed items (the engine answers as with clean memory). The
   * stream resets such a key before an incr/decr; wrap-around at 2^64 is still exercised (huge
   * deltas, and on a fresh daemon in memcached-scenarios).
   */
  holdsHugeNumber?: (key: string) => boolean;
  /**
   * For a daemon with its LRU maintainer thread (the default), whose work between pipelined
   * requests depends on thread timing, the stream avoids what that timing would decide:
   * - no item is stored already expired or flushed at once: the thread reclaims such items
   *   from the LRU tails, so whether a later `stats` counts them (reclaimed, curr_items, the
   *   classes in `stats items`) depends on when it ran. Expiry and flush on the default daemon
   *   are compared with real waiting in memcached-scenarios.test.ts;
   * - incr/decr only on keys that are never fetched: a second fetch of a COLD item queues it
   *   for the thread with a reference held, and do_add_delta rewrites in place only when no
   *   one else holds one (otherwise it allocates a new, shorter item).
   * Compare with {@link LRU_THREAD_STATS} masked too.
   */
  lruThread?: boolean;
}

export function generateStream(
  seed: number,
  count: number,
  casTokens: () => string[],
  options: StreamOptions = {},
): Generator<StreamCommand> {
  const rng = engineRng(seed);
  return (function* () {
    for (let i = 0; i < count; i++) {
      if (options.memoryPressure && rng.next() < 0.6) yield pressureCommand(rng);
      else
        yield rng.next() < 0.27 ? badCommand(rng, options) : goodCommand(rng, casTokens(), options);
    }
  })();
}

function pressureCommand(rng: EngineRng): StreamCommand {
  const key = `p${rng.int(3000)}`;
  const r = rng.next();
  if (r < 0.7) {
    // Three sizes, three slab classes: each class fills its pages and evicts its own tail.
    const v = String.fromCharCode(0x61 + rng.int(26)).repeat(
      pick(rng, [3000, 5000, 9000]) + rng.int(100),
    );
    return { text: `set ${key} 0 0 ${v.length}${noreply(rng)}\r\n${v}\r\n`, bad: false };
  }
  if (r < 0.9) return { text: `get ${key} p${rng.int(3000)}\r\n`, bad: false };
  return { text: `delete ${key}\r\n`, bad: false };
}

/** Exptimes that neither expire during a test nor are invalid in a way that expires. */
const LASTING_EXPTIMES = ['0', '0', '0', '100', '3600', '2592000', '2000000000'];

function exptime(rng: EngineRng, o: StreamOptions): string {
  return pick(rng, o.lruThread ? LASTING_EXPTIMES : EXPTIMES);
}

function storage(rng: EngineRng, o: StreamOptions, cmd: string, value: string, cas = ''): string {
  const tail = cas ? ` ${cas}` : '';
  return `${cmd} ${key(rng)} ${pick(rng, FLAGS)} ${exptime(rng, o)} ${value.length}${tail}${noreply(rng)}\r\n${value}\r\n`;
}

function goodCommand(rng: EngineRng, tokens: string[], options: StreamOptions): StreamCommand {
  const r = rng.int(100);
  const eol = rng.next() < 0.1 ? '\n' : '\r\n';
  let text: string;
  if (r < 30)
    text = storage(
      rng,
      options,
      pick(rng, ['set', 'set', 'add', 'replace', 'append', 'prepend']),
      randomValue(rng),
    );
  else if (r < 38) {
    const token = tokens.length > 0 && rng.next() < 0.7 ? pick(rng, tokens) : String(rng.int(50));
    text = storage(rng, options, 'cas', randomValue(rng), token);
  } else if (r < 58) {
    const n = 1 + rng.int(rng.next() < 0.1 ? 30 : 4);
    const keys = Array.from({ length: n }, () => fetchKey(rng, options)).join(' ');
    text = `${pick(rng, ['get', 'get', 'gets', 'bget'])} ${keys}${eol}`;
  } else if (r < 62)
    text = `${pick(rng, ['gat', 'gats'])} ${exptime(rng, options)} ${fetchKey(rng, options)} ${fetchKey(rng, options)}${eol}`;
  else if (r < 66)
    text = `touch ${fetchKey(rng, options)} ${exptime(rng, options)}${noreply(rng)}${eol}`;
  else if (r < 72)
    text = `delete ${key(rng)}${pick(rng, ['', '', ' 0', ' noreply', ' 0 noreply'])}${eol}`;
  else if (r < 86) {
    const delta = pick(rng, [
      '1',
      '5',
      '100',
      '18446744073709551615',
      '18446744073709551610',
      '0',
      '9223372036854775808',
    ]);
    const k = pick(rng, options.lruThread ? ['num', 'n2'] : ['num', 'n2', 'a']);
    text = options.holdsHugeNumber?.(k)
      ? `set ${k} 0 0 2\r\n10\r\n`
      : `${pick(rng, ['incr', 'decr'])} ${k} ${delta}${noreply(rng)}${eol}`;
  } else if (r < 88) {
    // Under memory pressure a flush would empty the cache before it fills.
    text = options.memoryPressure
      ? `version${eol}`
      : options.lruThread
        ? `flush_all 1000${pick(rng, ['', ' noreply'])}${eol}`
        : `flush_all${pick(rng, ['', ' 0', ' noreply', ' 0 noreply', ' 1000'])}${eol}`;
  } else if (r < 91) text = `version${eol}`;
  else if (r < 93) text = `verbosity ${rng.int(4)}${noreply(rng)}${eol}`;
  else if (r < 97)
    text = `stats${pick(rng, ['', ' items', ' slabs', ' settings', ' sizes'])}${eol}`;
  else text = `set ${pick(rng, ['num', 'n2'])} 0 0 ${'12'.length}\r\n12\r\n`;
  return { text, bad: false };
}

function badCommand(rng: EngineRng, o: StreamOptions): StreamCommand {
  const r = rng.int(22);
  const k = key(rng);
  // As an exptime '-1' is valid and expires the item at once (see lruThread).
  const badTimes = o.lruThread ? BAD_NUMBERS.filter((b) => b !== '-1') : BAD_NUMBERS;
  const texts = [
    () =>
      `${pick(rng, ['foo', 'GET', 'SET', 'x', 'gett', 'sett', 'ad', 'incrr', 'stat', 'm', 'mz'])} ${k}\r\n`,
    () => `${pick(rng, ['', ' ', '   ', '\r'])}\r\n`,
    () => `${pick(rng, ['set', 'add', 'replace', 'append', 'prepend'])} ${k} 0 0\r\n`,
    () =>
      `${pick(rng, ['get', 'gets', 'gat', 'gats', 'incr', 'decr', 'touch', 'delete', 'verbosity', 'cas'])}\r\n`,
    () => `set ${k} ${pick(rng, BAD_NUMBERS)} 0 1\r\nz\r\n`,
    () => `set ${k} 0 ${pick(rng, badTimes)} 1\r\nz\r\n`,
    () => `add ${k} 0 0 ${pick(rng, BAD_NUMBERS)}${noreply(rng)}\r\nzz\r\n`,
    () => `cas ${k} 0 0 1 ${pick(rng, BAD_NUMBERS)}\r\nz\r\n`,
    () => {
      const v = randomValue(rng);
      const declared = Math.max(0, v.length - 1 - rng.int(3));
      return `set ${k} 0 0 ${declared}${noreply(rng)}\r\n${v}\r\n`;
    },
    () => `set ${'k'.repeat(251)} 0 0 1\r\nz\r\n`,
    () => `get a ${'q'.repeat(251)} b\r\n`,
    () => `${pick(rng, ['incr', 'decr'])} ${k} ${pick(rng, BAD_NUMBERS)}\r\n`,
    () => `incr ${'k'.repeat(260)} 1\r\n`,
    () => `delete ${k} ${pick(rng, ['1', 'x', 'x y', '0 0', 'noreply x'])}\r\n`,
    () => `touch ${k} ${pick(rng, badTimes)}\r\n`,
    () => `gat ${pick(rng, badTimes)} ${k}\r\n`,
    () => `flush_all ${pick(rng, ['x', '-', '1 2 3', '99999999999999999999'])}\r\n`,
    () => `verbosity ${pick(rng, ['x', '-1', '1 2 3'])}\r\n`,
    () =>
      `stats ${pick(rng, ['foo', 'detail', 'cachedump', 'cachedump x 1', 'cachedump 99 1'])}\r\n`,
    () => `set ${k} 0 0 1 2 3 4\r\nz\r\n`,
    () => `shutdown\r\n`,
    () =>
      `${pick(rng, ['set', 'get'])} ${Array.from({ length: 30 }, (_, i) => `t${i}`).join(' ')}\r\n`,
  ];
  return { text: texts[r]!(), bad: true, syncBefore: r === 10 };
}

/**
 * With the LRU maintainer thread, slab chunks of items the thread still holds a reference to
 * (queued bumps) are freed when it gets to them: chunk counts are not compared.
 */
export const LRU_THREAD_STATS = /^\d+:(used_chunks|free_chunks)$/;

/** Replaces CAS tokens by their order of first appearance, and masks per-process stats. */
export function normalizeReply(s: string, alsoMask?: RegExp): string {
  const seen = new Map<string, number>();
  return s
    .split('\r\n')
    .map((line) => {
      const m = /^VALUE (\S+) (\d+) (\d+) (\d+)$/.exec(line);
      if (m) {
        const token = m[4]!;
        if (!seen.has(token)) seen.set(token, seen.size);
        return `VALUE ${m[1]} ${m[2]} ${m[3]} cas#${seen.get(token)}`;
      }
      const st = /^STAT (\S+) (.*)$/.exec(line);
      if (st && (PROCESS_STATS.test(st[1]!) || alsoMask?.test(st[1]!))) return `STAT ${st[1]} *`;
      return line;
    })
    .join('\r\n');
}

/**
 * Stats that describe the process, the host or the wall clock rather than the cache; they are
 * not compared (pid, uptime, rusage, buffers, connections, hash table sizing, byte counters
 * that depend on how the kernel split the reads, item ages), nor the ones that depend on when
 * the LRU maintainer thread woke: which segment items sit in, the moves between segments, the
 * hits per segment, allocations that had to pull HOT's tail themselves, ACTIVE items evicted
 * before their move to WARM, tail items the thread found still referenced by a reply being
 * sent (lrutail_reflocked) (docs/memcached-lru.md). Eviction and reclaim counts, and which
 * keys survive, are compared.
 */
export const PROCESS_STATS =
  /^(pid|uptime|time|libevent|rusage_user|rusage_system|curr_connections|total_connections|connection_structures|response_obj_.*|read_buf_.*|bytes_read|bytes_written|conn_yields|hash_power_level|hash_bytes|tcpport|inter|oldest|items:\d+:age|items:\d+:evicted_time|lru_maintainer_juggles|(items:\d+:)?(lrutail_reflocked|number_hot|number_warm|number_cold|age_hot|age_warm|moves_to_cold|moves_to_warm|moves_within_lru|direct_reclaims|evicted_active|hits_to_hot|hits_to_warm|hits_to_cold))$/;
