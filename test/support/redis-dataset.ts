// A seeded command stream that builds a keyspace covering every Redis 7.0 type in every
// encoding it can have (int/embstr/raw strings; quicklist lists; intset 16/32/64-bit and
// hashtable sets; listpack and skiplist sorted sets; listpack and hashtable hashes; streams
// with consumer groups), with
// binary keys and values, TTLs and several databases. The same stream goes to the engine and
// to a real redis-server, so snapshots of both can be compared key for key.
import { engineRng } from '../../src/engine/index';

type Cmd = string[];

/** `n` random bytes as a byte string (every value 0..255, NUL included). */
function randomBytes(rng: ReturnType<typeof engineRng>, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(rng.int(256));
  return s;
}

/** Text that LZF compresses well (repeated words). */
function wordy(rng: ReturnType<typeof engineRng>, n: number): string {
  const words = ['cache', 'redis', 'snapshot', 'replica', 'listpack', 'quicklist', 'éclair', '0'];
  let s = '';
  while (s.length < n) s += words[rng.int(words.length)]! + ' ';
  return s.slice(0, n);
}

/** Integers at every listpack/intset width boundary, as decimal text. */
export const EDGE_INTEGERS = [
  '0',
  '1',
  '127',
  '128',
  '-1',
  '4095',
  '-4096',
  '4096',
  '-4097',
  '32767',
  '-32768',
  '32768',
  '8388607',
  '-8388608',
  '8388608',
  '2147483647',
  '-2147483648',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '9223372036854775807',
  '-9223372036854775808',
];

/** Strings that look numeric but are not integers to Redis (string2ll refuses them). */
const NOT_INTEGERS = ['-0', '007', '+5', ' 5', '1.5', '9223372036854775808', '1e3', ''];

export interface DatasetOptions {
  seed: number;
  /** Scales the number of small keys of each kind (default 1). */
  scale?: number;
}

/**
 * The command stream. Starts with FLUSHALL; uses SELECT for databases 0, 1, 7 and 15, and
 * relative PEXPIRE/EXPIRE times of at least an hour (so no key expires during a test).
 */
export function datasetCommands(opts: DatasetOptions): Cmd[] {
  const rng = engineRng(opts.seed);
  const scale = opts.scale ?? 1;
  const out: Cmd[] = [['FLUSHALL']];
  const ttl = (key: string): void => {
    if (rng.int(3) === 0) out.push(['PEXPIRE', key, String(3_600_000 + rng.int(86_400_000))]);
  };
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  // Strings: shared and unshared integers, embstr, raw, LZF-friendly, incompressible, binary.
  for (const v of [...EDGE_INTEGERS, ...NOT_INTEGERS]) out.push(['SET', `str:int:${v}`, v]);
  for (let i = 0; i < 20 * scale; i++) {
    const key = `str:${i}`;
    const kind = i % 5;
    const v =
      kind === 0
        ? String(rng.int(1_000_000) - 500_000)
        : kind === 1
          ? `value-${i}-${'x'.repeat(rng.int(30))}`
          : kind === 2
            ? wordy(rng, 21 + rng.int(2000))
            : kind === 3
              ? randomBytes(rng, 1 + rng.int(300))
              : 'y'.repeat(45 + rng.int(100));
    out.push(['SET', key, v]);
    ttl(key);
  }
  out.push(['SET', 'str:appended', 'ab'], ['APPEND', 'str:appended', 'cd']);
  out.push(['SET', 'str:float', '1'], ['INCRBYFLOAT', 'str:float', '0.5']);
  out.push(['SET', '12345', 'numeric key'], ['SET', 'k'.repeat(300), 'long key']);
  out.push(['SET', `bin:${randomBytes(rng, 16)}`, randomBytes(rng, 16)]);

  // Lists: small, every integer width, binary, several 8 KB nodes, one element larger than a node.
  out.push(['RPUSH', 'list:ints', ...EDGE_INTEGERS, ...NOT_INTEGERS.filter((s) => s !== '')]);
  out.push([
    'RPUSH',
    'list:bin',
    randomBytes(rng, 10),
    '',
    randomBytes(rng, 70),
    randomBytes(rng, 5000),
  ]);
  out.push(['RPUSH', 'list:big', ...range(3000 * scale).map((i) => `item-${i}-${rng.int(1000)}`)]);
  out.push(['LPUSH', 'list:big', ...range(50).map((i) => `head-${i}`)]);
  out.push(['RPUSH', 'list:huge', 'a', 'z'.repeat(10_000), 'b']);
  for (let i = 0; i < 10 * scale; i++) {
    out.push(['RPUSH', `list:${i}`, ...range(1 + rng.int(20)).map(() => String(rng.int(100_000)))]);
    ttl(`list:${i}`);
  }

  // Sets: intsets of each width (one widened then shrunk), hashtable by count and by content.
  out.push(['SADD', 'set:i16', '1', '-5', '300', '32767']);
  out.push(['SADD', 'set:i32', '1', '70000', '-2147483648']);
  out.push(['SADD', 'set:i64', '1', '9223372036854775807', '-9223372036854775808']);
  out.push(['SADD', 'set:widened', '1', '2', '5000000000'], ['SREM', 'set:widened', '5000000000']);
  out.push(['SADD', 'set:manyints', ...range(600).map((i) => String(i * 7))]);
  out.push(
    ['SADD', 'set:shrunk', ...range(600).map(String)],
    ['SREM', 'set:shrunk', ...range(595).map(String)],
  );
  out.push(['SADD', 'set:strs', 'a', 'b', randomBytes(rng, 8), ...range(100).map((i) => `m${i}`)]);
  for (let i = 0; i < 10 * scale; i++) {
    const ints = i % 2 === 0;
    out.push([
      'SADD',
      `set:${i}`,
      ...range(1 + rng.int(30)).map((j) => (ints ? String(rng.int(1e9)) : `s${j}-${rng.int(99)}`)),
    ]);
    ttl(`set:${i}`);
  }

  // Sorted sets: listpack with every kind of score, skiplist by count and by member length.
  out.push([
    'ZADD',
    'zset:scores',
    '0',
    'zero',
    '-0',
    'negzero',
    '1',
    'one',
    '-1.5',
    'neg',
    '0.1',
    'tenth',
    'inf',
    'pinf',
    '-inf',
    'ninf',
    '1e20',
    'big',
    '4611686018427387904',
    'half',
    '4611686018427387905',
    'over',
    '123456789.123',
    'frac',
    '3',
    '7',
    '-2147483649',
    'wide',
  ]);
  out.push([
    'ZADD',
    'zset:big',
    ...range(200 * scale).flatMap((i) => [String(rng.int(1000) / 8), `member-${i}`]),
  ]);
  out.push(['ZADD', 'zset:longmember', '1', 'a', '2', 'm'.repeat(65)]);
  out.push([
    'ZADD',
    'zset:skipzero',
    '-0',
    'nz',
    ...range(130).flatMap((i) => [String(i), `x${i}`]),
  ]);
  for (let i = 0; i < 10 * scale; i++) {
    out.push([
      'ZADD',
      `zset:${i}`,
      ...range(1 + rng.int(30)).flatMap((j) => [String(rng.int(2000) - 1000), `e${j}`]),
    ]);
    ttl(`zset:${i}`);
  }

  // Hashes: listpack (ints of every width as values), hashtable by count and by value length.
  out.push(['HSET', 'hash:ints', ...EDGE_INTEGERS.flatMap((v, i) => [`f${i}`, v])]);
  out.push([
    'HSET',
    'hash:big',
    ...range(600 * scale).flatMap((i) => [`field:${i}`, `value:${rng.int(1e6)}`]),
  ]);
  out.push(['HSET', 'hash:longvalue', 'a', '1', 'b', 'v'.repeat(65)]);
  out.push(['HSET', 'hash:bin', randomBytes(rng, 6), randomBytes(rng, 20), '12', '34']);
  out.push(
    ['HSET', 'hash:order', 'z', '1', 'a', '2', 'm', '3'],
    ['HDEL', 'hash:order', 'a'],
    ['HSET', 'hash:order', 'a', '4'],
  );
  for (let i = 0; i < 10 * scale; i++) {
    out.push([
      'HSET',
      `hash:${i}`,
      ...range(1 + rng.int(20)).flatMap((j) => [`k${j}`, wordy(rng, rng.int(40))]),
    ]);
    ttl(`hash:${i}`);
  }

  // Streams: several nodes (100 entries each), entries with and without the master's fields,
  // integers of every width as values, tombstones and a freed node, approximate trimming, an
  // emptied stream, IDs near 2^64 (deltas stored as negative int64), consumer groups with
  // pending entries, consumers, a NOACK reader and an unknown read counter. Explicit IDs only
  // (`*` would take each server's clock).
  for (let i = 1; i <= 350; i++) {
    const fields =
      i % 7 === 0
        ? ['temp', String(i), 'hum', EDGE_INTEGERS[i % EDGE_INTEGERS.length]!]
        : ['temp', String(rng.int(400) - 200)];
    out.push(['XADD', 'stream:big', `${1_700_000_000_000 + i * 3}-${i % 3}`, ...fields]);
  }
  out.push([
    'XDEL',
    'stream:big',
    ...range(100).map((i) => `${1_700_000_000_000 + (i + 101) * 3}-${(i + 101) % 3}`),
  ]);
  out.push([
    'XDEL',
    'stream:big',
    `${1_700_000_000_000 + 3 * 250}-1`,
    `${1_700_000_000_000 + 3 * 252}-0`,
  ]);
  out.push(['XADD', 'stream:big', 'MAXLEN', '~', '200', '1700000002000-0', 'temp', 'last']);
  out.push(
    ['XGROUP', 'CREATE', 'stream:big', 'readers', '0'],
    ['XGROUP', 'CREATE', 'stream:big', 'late', '$'],
  );
  out.push([
    'XREADGROUP',
    'GROUP',
    'readers',
    'alice',
    'COUNT',
    '30',
    'STREAMS',
    'stream:big',
    '>',
  ]);
  out.push(['XREADGROUP', 'GROUP', 'readers', 'bob', 'COUNT', '5', 'STREAMS', 'stream:big', '>']);
  out.push(['XACK', 'stream:big', 'readers', `${1_700_000_000_000 + 3 * 301}-1`]);
  out.push([
    'XCLAIM',
    'stream:big',
    'readers',
    'carol',
    '0',
    `${1_700_000_000_000 + 3 * 302}-2`,
    'RETRYCOUNT',
    '4',
  ]);
  out.push(['XGROUP', 'CREATECONSUMER', 'stream:big', 'late', 'idle-consumer']);
  out.push(
    ['XGROUP', 'CREATE', 'stream:big', 'noack', '0'],
    ['XREADGROUP', 'GROUP', 'noack', 'n', 'NOACK', 'COUNT', '7', 'STREAMS', 'stream:big', '>'],
  );
  out.push(['XGROUP', 'SETID', 'stream:big', 'noack', '1700000000500-0']);
  out.push([
    'XADD',
    'stream:bin',
    '5-1',
    randomBytes(rng, 5),
    randomBytes(rng, 30),
    '',
    wordy(rng, 300),
  ]);
  out.push(['XADD', 'stream:emptied', '1-1', 'a', 'b'], ['XDEL', 'stream:emptied', '1-1']);
  out.push(['XGROUP', 'CREATE', 'stream:mk', 'g', '$', 'MKSTREAM']);
  out.push(
    ['XADD', 'stream:huge-ids', '1-18446744073709551614', 'f', 'v'],
    ['XADD', 'stream:huge-ids', '9223372036854775808-0', 'f', 'w'],
    ['XADD', 'stream:huge-ids', '18446744073709551614-*', 'g', 'x'],
    [
      'XSETID',
      'stream:huge-ids',
      '18446744073709551615-18446744073709551615',
      'ENTRIESADDED',
      '9223372036854775807',
    ],
  );
  out.push(['XADD', 'stream:ttl', '1-1', 'a', 'b'], ['PEXPIRE', 'stream:ttl', '7200000']);

  // Other databases.
  for (const db of ['1', '7', '15']) {
    out.push(['SELECT', db]);
    out.push(['SET', `db${db}:str`, `in db ${db}`], ['RPUSH', `db${db}:list`, 'x', 'y']);
    out.push(['HSET', `db${db}:hash`, 'f', 'v'], ['EXPIRE', `db${db}:hash`, '7200']);
  }
  out.push(['SELECT', '0']);
  return out;
}

/** Databases the dataset writes to. */
export const DATASET_DBS = [0, 1, 7, 15];
