import { defineCommand, NO_KEYS } from '../../command';
import type { Client } from '../../client';
import type { Entry, StructureValue } from '../../keyspace/entry';
import { StrEnc } from '../../keyspace/entry';
import { LOOKUP_NONOTIFY, LOOKUP_NOTOUCH } from '../../keyspace/db';
import { estimateIdleMs, lfuDecrAndReturn } from '../../keyspace/lfu';
import { reply } from '../../reply';

const SWITCH_NOTE =
  'Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.';

function lookup(c: Client, key: string): Entry | undefined {
  return c.db.lookupRead(key, LOOKUP_NOTOUCH | LOOKUP_NONOTIFY);
}

const KEY_ARG = { first: 2, last: 2, step: 1 };

function encodingOf(e: Entry): string {
  if (e.type === 'string') {
    return e.enc === StrEnc.Int || e.enc === StrEnc.SharedInt
      ? 'int'
      : e.enc === StrEnc.Embstr
        ? 'embstr'
        : 'raw';
  }
  return (e.value as StructureValue).encoding();
}

const encoding = defineCommand({
  name: 'encoding',
  arity: 3,
  flags: ['readonly'],
  keys: KEY_ARG,
  group: 'generic',
  syntax: 'OBJECT ENCODING key',
  summary:
    'The internal representation of the value: int, embstr, raw, listpack, quicklist, hashtable, intset, skiplist.',
  run: (c, argv) => {
    const e = lookup(c, argv[2]!);
    return e === undefined ? reply.nil() : reply.bulk(encodingOf(e));
  },
});

const freq = defineCommand({
  name: 'freq',
  arity: 3,
  flags: ['readonly'],
  keys: KEY_ARG,
  group: 'generic',
  syntax: 'OBJECT FREQ key',
  summary: 'The logarithmic access counter of the key (only under an LFU maxmemory-policy).',
  run: (c, argv) => {
    const e = lookup(c, argv[2]!);
    if (e === undefined) return reply.nil();
    if (!c.engine.lfuPolicy) {
      return reply.error(
        `ERR An LFU maxmemory policy is not selected, access frequency not tracked. ${SWITCH_NOTE}`,
      );
    }
    return reply.int(
      lfuDecrAndReturn(c.db.lruOf(e), c.engine.clock.nowMs(), c.engine.lfuDecayTime),
    );
  },
});

const idletime = defineCommand({
  name: 'idletime',
  arity: 3,
  flags: ['readonly'],
  keys: KEY_ARG,
  group: 'generic',
  syntax: 'OBJECT IDLETIME key',
  summary: 'Seconds since the key was last read or written (not under an LFU policy).',
  run: (c, argv) => {
    const e = lookup(c, argv[2]!);
    if (e === undefined) return reply.nil();
    if (c.engine.lfuPolicy) {
      return reply.error(
        `ERR An LFU maxmemory policy is selected, idle time not tracked. ${SWITCH_NOTE}`,
      );
    }
    return reply.int(estimateIdleMs(c.db.lruOf(e), c.engine.clock.nowMs()) / 1000);
  },
});

const refcount = defineCommand({
  name: 'refcount',
  arity: 3,
  flags: ['readonly'],
  keys: KEY_ARG,
  group: 'generic',
  syntax: 'OBJECT REFCOUNT key',
  summary: 'Reference count of the value (shared small integers report INT_MAX).',
  run: (c, argv) => {
    const e = lookup(c, argv[2]!);
    if (e === undefined) return reply.nil();
    return reply.int(e.enc === StrEnc.SharedInt && e.type === 'string' ? 2147483647 : 1);
  },
});

const OBJECT_HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
];

const help = defineCommand({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'generic',
  syntax: 'OBJECT HELP',
  summary: 'Lists the OBJECT subcommands.',
  run: () => reply.array(OBJECT_HELP.map((l) => reply.simple(l))),
});

export const object = defineCommand({
  name: 'object',
  arity: -2,
  flags: [],
  keys: NO_KEYS,
  group: 'generic',
  syntax: 'OBJECT <ENCODING | FREQ | IDLETIME | REFCOUNT | HELP> key',
  summary: 'Inspects the internals of the value at a key.',
  subcommands: [encoding, freq, idletime, refcount, help],
});
