/**
 * XGROUP CREATE | SETID | DESTROY | CREATECONSUMER | DELCONSUMER | HELP. Every subcommand runs
 * xgroupCommand's shared prelude as Redis 7.0 does (options parsed first, then the key must
 * exist unless MKSTREAM, then the group for SETID and the consumer subcommands).
 */
import { defineCommand, NO_KEYS, type Argv, type KeySpec } from '../../command';
import type { Client } from '../../client';
import { cstr, type BinStr } from '../../bytes';
import { NC, type KeyspaceEventName } from '../../server/notify';
import { reply, type Reply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import type { StreamId } from '../../structures/stream-id';
import { ZERO_ID } from '../../structures/stream-id';
import type { ConsumerGroup } from '../../structures/stream-group';
import { ENTRIES_READ_INVALID } from '../../structures/stream-group';
import { RedisStream } from '../../structures/stream-value';
import type { Entry } from '../../keyspace/entry';
import {
  formatError,
  isOpt,
  nowMs,
  parseId,
  parseLongLongExact,
  s as cs,
  subcommandSyntaxError,
  writeStream,
} from './stream-args';

const NEEDS_KEY =
  'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.';

/**
 * A group change: server.dirty++ (so XGROUP replicates as sent) and its keyspace event, without
 * signalModifiedKey (WATCH is not touched), as xgroupCommand does.
 */
function changed(c: Client, event: KeyspaceEventName, key: BinStr): void {
  c.engine.dirty++;
  c.db.notify(NC.STREAM, event, key);
}

function xgroupRun(c: Client, argv: Argv): Reply {
  const opt = argv[1]!;
  const is = (name: string): boolean => isOpt(opt, name);
  let mkstream = false;
  let entriesRead = ENTRIES_READ_INVALID;
  let s: RedisStream | undefined;
  let entry: Entry | undefined;
  let g: ConsumerGroup | undefined;
  const key = argv[2]!;
  const name = argv[3]!;
  if (argv.length >= 4) {
    const create = is('create');
    const setid = is('setid');
    for (let i = 5; i < argv.length;) {
      if (create && isOpt(argv[i]!, 'mkstream')) {
        mkstream = true;
        i++;
      } else if ((create || setid) && isOpt(argv[i]!, 'entriesread') && i + 1 < argv.length) {
        const n = parseLongLongExact(argv[i + 1]!);
        if (isErrorReply(n)) return n;
        if (n < 0n && n !== ENTRIES_READ_INVALID)
          return reply.error('ERR value for ENTRIESREAD must be positive or -1');
        entriesRead = n;
        i += 2;
      } else {
        return subcommandSyntaxError(argv);
      }
    }
    const w = writeStream(c, key);
    if (isErrorReply(w)) return w;
    if (w !== null) {
      s = w.value;
      entry = w.entry;
    }
  }
  if (argv.length >= 4 && !mkstream) {
    if (s === undefined) return reply.error(NEEDS_KEY);
    g = s.groups.get(name);
    if (g === undefined && (is('setid') || is('createconsumer') || is('delconsumer'))) {
      return formatError(`NOGROUP No such consumer group '${cs(name)}' for key name '${cs(key)}'`);
    }
  }
  if (argv.length === 2 && is('help')) return reply.array(HELP.map((l) => reply.simple(l)));
  if (is('create') && argv.length >= 5 && argv.length <= 8) {
    let id: StreamId;
    if (cstr(argv[4]!) === '$') id = s === undefined ? ZERO_ID : s.lastId;
    else {
      const p = parseId(argv[4]!, 0n, true);
      if (isErrorReply(p)) return p;
      id = p;
    }
    if (s === undefined) {
      s = new RedisStream();
      entry = c.db.add(key, 'stream', s);
    }
    if (s.createGroup(name, id, entriesRead) === undefined)
      return reply.error('BUSYGROUP Consumer Group name already exists');
    c.db.remeasure(entry!);
    changed(c, 'xgroup-create', key);
    return reply.ok();
  }
  if (is('setid') && (argv.length === 5 || argv.length === 7)) {
    let id: StreamId;
    if (cstr(argv[4]!) === '$') id = s!.lastId;
    else {
      const p = parseId(argv[4]!, 0n, false);
      if (isErrorReply(p)) return p;
      id = p;
    }
    g!.lastId = id;
    g!.entriesRead = entriesRead;
    changed(c, 'xgroup-setid', key);
    return reply.ok();
  }
  if (is('destroy') && argv.length === 4) {
    if (g === undefined) return reply.int(0);
    s!.destroyGroup(g);
    s!.readySignals++;
    c.db.remeasure(entry!);
    changed(c, 'xgroup-destroy', key);
    // Blocked XREADGROUP readers of this group are answered NOGROUP.
    c.db.signalReady(key);
    return reply.int(1);
  }
  if (is('createconsumer') && argv.length === 5) {
    const created = g!.createConsumer(argv[4]!, nowMs(c));
    if (created !== undefined) {
      c.db.remeasure(entry!);
      changed(c, 'xgroup-createconsumer', key);
    }
    return reply.int(created === undefined ? 0 : 1);
  }
  if (is('delconsumer') && argv.length === 5) {
    const consumer = g!.lookupConsumer(argv[4]!, nowMs(c), false);
    if (consumer === undefined) return reply.int(0);
    const pending = g!.deleteConsumer(consumer);
    c.db.remeasure(entry!);
    changed(c, 'xgroup-delconsumer', key);
    return reply.int(pending);
  }
  return subcommandSyntaxError(argv);
}

const HELP = [
  'XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
  'HELP',
  '    Prints this help.',
];

const KEY2: KeySpec = { first: 2, last: 2, step: 1 };

const sub = (
  name: string,
  arity: number,
  flags: Array<'write' | 'denyoom'>,
  syntax: string,
  summary: string,
) =>
  defineCommand({
    name,
    arity,
    flags,
    keys: KEY2,
    group: 'stream',
    syntax,
    summary,
    run: xgroupRun,
  });

export const xgroup = defineCommand({
  name: 'xgroup',
  arity: -2,
  flags: [],
  keys: NO_KEYS,
  group: 'stream',
  syntax: 'XGROUP <CREATE | SETID | DESTROY | CREATECONSUMER | DELCONSUMER | HELP> key group …',
  summary: 'Manages the consumer groups of a stream.',
  subcommands: [
    sub(
      'create',
      -5,
      ['write', 'denyoom'],
      'XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD entries-read]',
      'Creates a consumer group that will read entries after id ($ = only new ones).',
    ),
    sub(
      'setid',
      -5,
      ['write'],
      'XGROUP SETID key group id|$ [ENTRIESREAD entries-read]',
      "Moves a group's last delivered ID.",
    ),
    sub(
      'destroy',
      4,
      ['write'],
      'XGROUP DESTROY key group',
      'Deletes a consumer group with its pending entries.',
    ),
    sub(
      'createconsumer',
      5,
      ['write', 'denyoom'],
      'XGROUP CREATECONSUMER key group consumer',
      'Adds a consumer to a group.',
    ),
    sub(
      'delconsumer',
      5,
      ['write'],
      'XGROUP DELCONSUMER key group consumer',
      'Removes a consumer; its pending entries are dropped (answers how many).',
    ),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      keys: NO_KEYS,
      group: 'stream',
      syntax: 'XGROUP HELP',
      summary: 'Lists the XGROUP subcommands.',
      run: xgroupRun,
    }),
  ],
});
