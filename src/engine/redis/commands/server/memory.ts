import { defineCommand, NO_KEYS } from '../../command';
import { eqi } from '../../bytes';
import { formatDouble, parseInt64 } from '../../args';
import { doubleTextReply, mapReply, verbatimReply } from '../../resp3';
import type { RedisEngine } from '../../engine';
import { BASE_USED_MEMORY, dictBuckets, keyBytes } from '../../keyspace/memory';
import { reply } from '../../reply';
import type { Reply } from '../../reply';
import { objectComputeSize } from './memory-usage';

/** used_memory_startup of redis-server 7.0 (BASE_USED_MEMORY adds one client's buffers to it). */
const STARTUP = 876_152;
/** functionsMemoryOverhead() with no functions loaded, as redis-server 7.0.15 reports it. */
const FUNCTIONS_CACHES = 200;
const DICT_ENTRY = 24;
const ROBJ = 16;

const meta = { group: 'server' as const };

const usage = defineCommand({
  ...meta,
  name: 'usage',
  arity: -3,
  flags: ['readonly'],
  keys: { first: 2, last: 2, step: 1 },
  syntax: 'MEMORY USAGE key [SAMPLES count]',
  summary:
    'Bytes a key and its value take (aggregates sampled: 5 elements by default, SAMPLES 0 = all).',
  run: (c, argv) => {
    let samples = 5;
    for (let j = 3; j < argv.length; j++) {
      if (eqi(argv[j]!, 'samples') && j + 1 < argv.length) {
        const n = parseInt64(argv[++j]!);
        if (n === null) return reply.notInteger();
        if (n < 0) return reply.syntax();
        samples = n === 0 ? Infinity : n;
      } else return reply.syntax();
    }
    // dictFind on the keyspace: no expiry check, no hit/miss, no LRU touch.
    const e = c.db.peek(argv[2]!);
    if (e === undefined) return reply.nil();
    const slotList = c.engine.cluster !== null ? 16 : 0;
    return reply.int(
      objectComputeSize(e as never, samples) + keyBytes(e.key.length) + DICT_ENTRY + slotList,
    );
  },
});

/** getMemoryOverheadData, from the used_memory model (no fragmentation is modelled). */
function overhead(engine: RedisEngine): Array<[string, number | string | Reply]> {
  const used = engine.usedMemory();
  const peak = Math.max(used, engine.peakMemory);
  const clients = BASE_USED_MEMORY - STARTUP;
  const perKey = engine.cluster !== null ? 16 : 0;
  let total = STARTUP + clients + FUNCTIONS_CACHES;
  let keys = 0;
  const dbs: Array<[string, Reply]> = [];
  for (const db of engine.dbs) {
    if (db.size === 0) continue;
    keys += db.size;
    const main = db.size * (DICT_ENTRY + ROBJ) + dictBuckets(db.size) * 8;
    const expires = db.volatileCount * DICT_ENTRY + dictBuckets(db.volatileCount) * 8;
    const slots = db.size * perKey;
    total += main + expires + slots;
    dbs.push([
      `db.${db.id}`,
      reply.array([
        reply.bulk('overhead.hashtable.main'),
        reply.int(main),
        reply.bulk('overhead.hashtable.expires'),
        reply.int(expires),
        reply.bulk('overhead.hashtable.slot-to-keys'),
        reply.int(slots),
      ]),
    ]);
  }
  const net = used > STARTUP ? used - STARTUP : 1;
  const dataset = used - total;
  const f = Math.fround;
  return [
    ['peak.allocated', peak],
    ['total.allocated', used],
    ['startup.allocated', STARTUP],
    ['replication.backlog', 0],
    ['clients.slaves', 0],
    ['clients.normal', clients],
    ['cluster.links', 0],
    ['aof.buffer', 0],
    ['lua.caches', 0],
    ['functions.caches', FUNCTIONS_CACHES],
    ...dbs,
    ['overhead.total', total],
    ['keys.count', keys],
    ['keys.bytes-per-key', keys ? Math.floor(net / keys) : 0],
    ['dataset.bytes', dataset],
    // Redis computes these percentages in float, then prints them as doubles.
    ['dataset.percentage', formatDouble(f(f(f(dataset) * 100) / f(net)))],
    ['peak.percentage', formatDouble(f(f(f(used) * 100) / f(peak)))],
    ['allocator.allocated', used],
    ['allocator.active', used],
    ['allocator.resident', used],
    ['allocator-fragmentation.ratio', '1'],
    ['allocator-fragmentation.bytes', 0],
    ['allocator-rss.ratio', '1'],
    ['allocator-rss.bytes', 0],
    ['rss-overhead.ratio', '1'],
    ['rss-overhead.bytes', 0],
    ['fragmentation', '1'],
    ['fragmentation.bytes', 0],
  ];
}

const stats = defineCommand({
  ...meta,
  name: 'stats',
  arity: 2,
  flags: [],
  keys: NO_KEYS,
  syntax: 'MEMORY STATS',
  summary: 'Where memory goes: startup, clients, per-database hashtables, dataset, allocator.',
  // A map of numbers, doubles (the ratios) and one map per database (object.c memoryCommand).
  run: (c) =>
    mapReply(
      c,
      overhead(c.engine).flatMap(([k, v]) => [
        reply.bulk(k),
        typeof v === 'number'
          ? reply.int(v)
          : typeof v === 'string'
            ? doubleTextReply(c, v)
            : v.kind === 'array'
              ? mapReply(c, v.items)
              : v,
      ]),
    ),
});

const EMPTY_REPORT =
  "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. " +
  'Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n';
const NO_ISSUES =
  "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
const PEAK_REPORT =
  'Sam, I detected a few issues in this Redis instance memory implants:\n\n' +
  ' * Peak memory: In the past this instance used more than 150% the memory that is currently using. ' +
  'The allocator is normally not able to release memory after a peak, so you can expect to see a big fragmentation ratio, ' +
  'however this is actually harmless and is only due to the memory peak, and if the Redis instance Resident Set Size (RSS) ' +
  'is currently bigger than expected, the memory will be used as soon as you fill the Redis instance with more data. ' +
  'If the memory peak was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, ' +
  'otherwise the only other option is to shutdown and restart the instance.\n\n' +
  "I'm here to keep you safe, Sam. I want to help you.\n";

const doctor = defineCommand({
  ...meta,
  name: 'doctor',
  arity: 2,
  flags: [],
  keys: NO_KEYS,
  syntax: 'MEMORY DOCTOR',
  summary: 'A report of memory problems (a peak far above current use; too little data to judge).',
  run: (c) => {
    const used = c.engine.usedMemory();
    // Fragmentation and client buffers are not modelled: only the emptiness and peak checks apply.
    if (used < 5 * 1024 * 1024) return verbatimReply(c, EMPTY_REPORT);
    const peak = Math.max(used, c.engine.peakMemory);
    return verbatimReply(c, Math.fround(peak / used) > 1.5 ? PEAK_REPORT : NO_ISSUES);
  },
});

const mallocStats = defineCommand({
  ...meta,
  name: 'malloc-stats',
  arity: 2,
  flags: [],
  keys: NO_KEYS,
  syntax: 'MEMORY MALLOC-STATS',
  summary: 'The allocator’s own statistics (the simulator models allocations, not an allocator).',
  // What redis-server built without jemalloc answers: there is no allocator to report on.
  run: (c) => verbatimReply(c, 'Stats not supported for the current allocator'),
});

const purge = defineCommand({
  ...meta,
  name: 'purge',
  arity: 2,
  flags: [],
  keys: NO_KEYS,
  syntax: 'MEMORY PURGE',
  summary: 'Asks the allocator to return dirty pages to the operating system.',
  run: () => reply.ok(),
});

const HELP = [
  'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
  'HELP',
  '    Prints this help.',
];

const help = defineCommand({
  ...meta,
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  syntax: 'MEMORY HELP',
  summary: 'Lists the MEMORY subcommands.',
  run: () => reply.array(HELP.map((l) => reply.simple(l))),
});

export const memory = defineCommand({
  ...meta,
  name: 'memory',
  arity: -2,
  flags: [],
  keys: NO_KEYS,
  syntax: 'MEMORY <USAGE | STATS | DOCTOR | MALLOC-STATS | PURGE | HELP> ...',
  summary: 'Memory introspection: per-key usage, server overhead, a doctor’s report.',
  subcommands: [doctor, help, mallocStats, purge, stats, usage],
});
