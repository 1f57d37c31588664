import { defineCommand } from '../../command';
import type { BinStr } from '../../bytes';
import type { Client } from '../../client';
import type { Entry } from '../../keyspace/entry';
import { StrEnc } from '../../keyspace/entry';
import { sdsOf } from '../../keyspace/sds';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import type { ErrorReply } from '../../reply';
import { Hll } from './hll';
import { estimate, rawHistogram } from './hll-estimate';
import { HLL_REGISTERS } from './hll-format';
import { hllPatLen } from './murmur';

export const NOT_HLL = reply.error('WRONGTYPE Key is not a valid HyperLogLog string value.');
export const CORRUPT = reply.error('INVALIDOBJ Corrupted HLL object detected');

/** isHLLObjectOrReply + dbUnshareStringValue: the HLL at `e` to work on, or the error. */
export function openHll(e: Entry): Hll | ErrorReply {
  if (e.type !== 'string') return reply.wrongType();
  // An integer-encoded string is no HLL (not sds-encoded).
  if (e.enc === StrEnc.Int || e.enc === StrEnc.SharedInt || !Hll.valid(e.value)) return NOT_HLL;
  return Hll.of(e.value, sdsOf(e));
}

/** Writes `h` back as the key's raw string (signal the change separately when there is one). */
export function storeHll(c: Client, key: BinStr, h: Hll): void {
  c.db.storeRawString(key, h.toBin(), h.sds);
}

const maxBytes = (c: Client): number => c.engine.config['hll-sparse-max-bytes'];

export const pfadd = defineCommand({
  name: 'pfadd',
  arity: -2,
  flags: ['write', 'denyoom', 'fast'],
  keys: { first: 1, last: 1, step: 1 },
  group: 'hyperloglog',
  syntax: 'PFADD key [element [element ...]]',
  summary: 'Adds elements to a HyperLogLog (creating it); 1 if its estimate may have changed.',
  run: (c, argv) => {
    const key = argv[1]!;
    const e = c.db.lookupWrite(key);
    let h: Hll;
    let updated = 0;
    if (e === undefined) {
      h = Hll.empty();
      updated++;
    } else {
      const opened = openHll(e);
      if ('kind' in opened) return opened;
      h = opened;
    }
    for (let j = 2; j < argv.length; j++) {
      const { index, count } = hllPatLen(argv[j]!);
      const r = h.set(index, count, maxBytes(c));
      if (r === -1) {
        storeHll(c, key, h);
        return CORRUPT;
      }
      updated += r;
    }
    if (updated) h.invalidateCache();
    storeHll(c, key, h);
    if (updated) {
      c.db.signalModified(key);
      c.db.notify(NC.STRING, 'pfadd', key);
    }
    return reply.int(updated ? 1 : 0);
  },
});

export const pfcount = defineCommand({
  name: 'pfcount',
  arity: -2,
  flags: ['readonly'],
  keys: { first: 1, last: -1, step: 1 },
  group: 'hyperloglog',
  syntax: 'PFCOUNT key [key ...]',
  summary:
    'The estimated number of distinct elements in a HyperLogLog, or in the union of several.',
  run: (c, argv) => {
    if (argv.length > 2) {
      const max = new Uint8Array(HLL_REGISTERS);
      for (let j = 1; j < argv.length; j++) {
        const e = c.db.lookupRead(argv[j]!);
        if (e === undefined) continue;
        const h = openHll(e);
        if ('kind' in h) return h;
        if (!h.mergeInto(max)) return CORRUPT;
      }
      return reply.int(estimate(rawHistogram(max)));
    }
    const key = argv[1]!;
    const e = c.db.lookupRead(key);
    if (e === undefined) return reply.int(0);
    const h = openHll(e);
    if ('kind' in h) return h;
    const cached = h.cachedCard();
    if (cached !== undefined) {
      storeHll(c, key, h); // unshared even when only the cache is read
      return reply.int(cached);
    }
    const histo = h.histogram();
    if (histo === null) {
      storeHll(c, key, h);
      return CORRUPT;
    }
    const card = estimate(histo);
    // Caching the estimate changes the string: it counts as a write, as in Redis.
    h.setCachedCard(card);
    storeHll(c, key, h);
    c.db.signalModified(key);
    return reply.int(card);
  },
});

export const pfmerge = defineCommand({
  name: 'pfmerge',
  arity: -2,
  flags: ['write', 'denyoom'],
  keys: { first: 1, last: -1, step: 1 },
  group: 'hyperloglog',
  syntax: 'PFMERGE destkey [sourcekey [sourcekey ...]]',
  // Two key specs (destkey; sourcekeys from 2): with no source the second does not fit, and
  // Redis then finds no key at all (getKeysUsingKeySpecs), so cluster mode does not redirect.
  getKeys: (argv) =>
    argv.length < 3 ? [] : Array.from({ length: argv.length - 1 }, (_, i) => i + 1),
  summary: 'Merges HyperLogLogs (destkey included) into destkey: the union of their elements.',
  run: (c, argv) => {
    const max = new Uint8Array(HLL_REGISTERS);
    let useDense = false;
    for (let j = 1; j < argv.length; j++) {
      const e = c.db.lookupRead(argv[j]!);
      if (e === undefined) continue;
      const h = openHll(e);
      if ('kind' in h) return h;
      if (h.dense) useDense = true;
      if (!h.mergeInto(max)) return CORRUPT;
    }
    const key = argv[1]!;
    const e = c.db.lookupWrite(key);
    // The destination was checked as a source: it is a valid HLL if it exists.
    const h = e === undefined ? Hll.empty() : (openHll(e) as Hll);
    if (useDense && !h.toDense()) {
      storeHll(c, key, h);
      return CORRUPT;
    }
    for (let j = 0; j < HLL_REGISTERS; j++) if (max[j]! !== 0) h.set(j, max[j]!, maxBytes(c));
    h.invalidateCache();
    storeHll(c, key, h);
    c.db.signalModified(key);
    // PFMERGE publishes pfadd: "in theory this is a mass-add of elements" (hyperloglog.c).
    c.db.notify(NC.STRING, 'pfadd', key);
    return reply.ok();
  },
});
