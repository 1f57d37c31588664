/**
 * XINFO STREAM [FULL [COUNT n]] | GROUPS | CONSUMERS | HELP with Redis 7.0's fields
 * (max-deleted-entry-id, entries-added, recorded-first-entry-id, entries-read, lag), as RESP2
 * flat field/value arrays. The key is looked up before the subcommand's options are checked.
 */
import { defineCommand, NO_KEYS, type Argv, type KeySpec } from '../../command';
import type { Client } from '../../client';
import { reply, type Reply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import { MAX_ID, ZERO_ID } from '../../structures/stream-id';
import type { ConsumerGroup } from '../../structures/stream-group';
import { ENTRIES_READ_INVALID } from '../../structures/stream-group';
import type { RedisStream } from '../../structures/stream-value';
import { groupLag } from '../../structures/stream-lag';
import { radixTreeNodes } from '../../structures/stream-rax';
import {
  NO_SUCH_KEY,
  formatError,
  isOpt,
  nowMs,
  parseLongLong,
  readStream,
  s as cs,
  subcommandSyntaxError,
} from './stream-args';
import { idReply, rangeReplies } from './stream-reply';
import { mapReply } from '../../resp3';

const b = reply.bulk;
const int64 = (v: bigint): Reply => reply.int(BigInt.asIntN(64, v));
const entriesRead = (g: ConsumerGroup): Reply =>
  g.entriesRead === ENTRIES_READ_INVALID ? reply.nil() : reply.int(g.entriesRead);
const lag = (s: RedisStream, g: ConsumerGroup): Reply => {
  const l = groupLag(s, g);
  return l === null ? reply.nil() : reply.int(l);
};

/** lookupKeyReadOrReply(no such key) + checkType, shared by every subcommand but HELP. */
function lookup(c: Client, argv: Argv): RedisStream | Reply {
  const s = readStream(c, argv[2]!);
  if (s === null) return NO_SUCH_KEY;
  return s;
}

function streamHead(s: RedisStream): Reply[] {
  return [
    b('length'),
    reply.int(s.length),
    b('radix-tree-keys'),
    reply.int(s.nodes.length),
    b('radix-tree-nodes'),
    reply.int(radixTreeNodes(s.nodes.map((n) => n.master))),
    b('last-generated-id'),
    idReply(s.lastId),
    b('max-deleted-entry-id'),
    idReply(s.maxDeletedId),
    b('entries-added'),
    int64(s.entriesAdded),
    b('recorded-first-entry-id'),
    idReply(s.firstId),
  ];
}

function fullGroup(cl: Client, s: RedisStream, g: ConsumerGroup, count: number): Reply {
  const upTo = <T>(xs: readonly T[]): readonly T[] => (count === 0 ? xs : xs.slice(0, count));
  const pending = upTo(g.pel.all()).map((n) =>
    reply.array([
      idReply(n.id),
      b(n.consumer!.name),
      reply.int(n.deliveryTime),
      int64(n.deliveryCount),
    ]),
  );
  const consumers = g
    .sortedConsumers()
    .map((c) =>
      mapReply(cl, [
        b('name'),
        b(c.name),
        b('seen-time'),
        reply.int(c.seenTime),
        b('pel-count'),
        reply.int(c.pel.size),
        b('pending'),
        reply.array(
          upTo(c.pel.all()).map((n) =>
            reply.array([idReply(n.id), reply.int(n.deliveryTime), int64(n.deliveryCount)]),
          ),
        ),
      ]),
    );
  return mapReply(cl, [
    b('name'),
    b(g.name),
    b('last-delivered-id'),
    idReply(g.lastId),
    b('entries-read'),
    entriesRead(g),
    b('lag'),
    lag(s, g),
    b('pel-count'),
    reply.int(g.pel.size),
    b('pending'),
    reply.array(pending),
    b('consumers'),
    reply.array(consumers),
  ]);
}

function streamRun(c: Client, argv: Argv): Reply {
  const s = lookup(c, argv);
  if ('kind' in s) return s;
  const opts = argv.length - 3;
  let full = false;
  let count = 10;
  if (opts !== 0) {
    if (opts !== 1 && opts !== 3) return subcommandSyntaxError(argv);
    if (!isOpt(argv[3]!, 'full')) return subcommandSyntaxError(argv);
    if (opts === 3) {
      if (!isOpt(argv[4]!, 'count')) return subcommandSyntaxError(argv);
      const n = parseLongLong(argv[5]!);
      if (isErrorReply(n)) return n;
      count = n < 0 ? 10 : n;
    }
    full = true;
  }
  if (!full) {
    const first = rangeReplies(s, ZERO_ID, MAX_ID, 1, false)[0];
    const last = rangeReplies(s, ZERO_ID, MAX_ID, 1, true)[0];
    // Maps in RESP3 (t_stream.c xinfoReplyWithStreamInfo: addReplyMapLen).
    return mapReply(c, [
      ...streamHead(s),
      b('groups'),
      reply.int(s.groups.size),
      b('first-entry'),
      first ?? reply.nil(),
      b('last-entry'),
      last ?? reply.nil(),
    ]);
  }
  return mapReply(c, [
    ...streamHead(s),
    b('entries'),
    reply.array(rangeReplies(s, ZERO_ID, MAX_ID, count, false)),
    b('groups'),
    reply.array(s.sortedGroups().map((g) => fullGroup(c, s, g, count))),
  ]);
}

function groupsRun(c: Client, argv: Argv): Reply {
  const s = lookup(c, argv);
  if ('kind' in s) return s;
  return reply.array(
    s
      .sortedGroups()
      .map((g) =>
        mapReply(c, [
          b('name'),
          b(g.name),
          b('consumers'),
          reply.int(g.consumers.size),
          b('pending'),
          reply.int(g.pel.size),
          b('last-delivered-id'),
          idReply(g.lastId),
          b('entries-read'),
          entriesRead(g),
          b('lag'),
          lag(s, g),
        ]),
      ),
  );
}

function consumersRun(c: Client, argv: Argv): Reply {
  const s = lookup(c, argv);
  if ('kind' in s) return s;
  const g = s.groups.get(argv[3]!);
  if (g === undefined)
    return formatError(
      `NOGROUP No such consumer group '${cs(argv[3]!)}' for key name '${cs(argv[2]!)}'`,
    );
  const now = nowMs(c);
  return reply.array(
    g
      .sortedConsumers()
      .map((x) =>
        mapReply(c, [
          b('name'),
          b(x.name),
          b('pending'),
          reply.int(x.pel.size),
          b('idle'),
          reply.int(Math.max(0, now - x.seenTime)),
        ]),
      ),
  );
}

const HELP = [
  'XINFO <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
  'HELP',
  '    Prints this help.',
];

const KEY2: KeySpec = { first: 2, last: 2, step: 1 };

export const xinfo = defineCommand({
  name: 'xinfo',
  arity: -2,
  flags: [],
  keys: NO_KEYS,
  group: 'stream',
  syntax: 'XINFO <STREAM key [FULL [COUNT count]] | GROUPS key | CONSUMERS key group | HELP>',
  summary: 'Introspects a stream, its consumer groups and their consumers.',
  subcommands: [
    defineCommand({
      name: 'stream',
      arity: -3,
      flags: ['readonly'],
      keys: KEY2,
      group: 'stream',
      syntax: 'XINFO STREAM key [FULL [COUNT count]]',
      summary:
        'Length, IDs, first/last entries and groups of a stream (FULL: entries and PELs too).',
      run: streamRun,
    }),
    defineCommand({
      name: 'groups',
      arity: 3,
      flags: ['readonly'],
      keys: KEY2,
      group: 'stream',
      syntax: 'XINFO GROUPS key',
      summary: 'The consumer groups of a stream with their pending counts, last IDs and lag.',
      run: groupsRun,
    }),
    defineCommand({
      name: 'consumers',
      arity: 4,
      flags: ['readonly'],
      keys: KEY2,
      group: 'stream',
      syntax: 'XINFO CONSUMERS key group',
      summary: 'The consumers of a group with their pending counts and idle time.',
      run: consumersRun,
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      keys: NO_KEYS,
      group: 'stream',
      syntax: 'XINFO HELP',
      summary: 'Lists the XINFO subcommands.',
      run: () => reply.array(HELP.map((l) => reply.simple(l))),
    }),
  ],
});
