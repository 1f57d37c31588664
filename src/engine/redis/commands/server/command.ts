import { defineCommand, NO_KEYS } from '../../command';
import type { Command } from '../../command';
import type { FullKeySpec } from '../../command-meta';
import { commandDocs } from '../../command-meta';
import { reply } from '../../reply';
import type { Reply } from '../../reply';
import type { Client } from '../../client';
import { mapReply, setReply } from '../../resp3';
import { eqi } from '../../bytes';
import { globMatch } from '../../glob';
import { categoryFlagByName, categoryNames } from '../../acl/categories';
import { lookupAclCommand } from '../../acl/selector';

/** server.c addReplyFlagsForCommand's order and names (may_replicate, sentinel… are hidden). */
const COMMAND_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['WRITE', 'write'],
  ['READONLY', 'readonly'],
  ['DENYOOM', 'denyoom'],
  ['MODULE', 'module'],
  ['ADMIN', 'admin'],
  ['PUBSUB', 'pubsub'],
  ['NOSCRIPT', 'noscript'],
  ['BLOCKING', 'blocking'],
  ['LOADING', 'loading'],
  ['STALE', 'stale'],
  ['SKIP_MONITOR', 'skip_monitor'],
  ['SKIP_SLOWLOG', 'skip_slowlog'],
  ['ASKING', 'asking'],
  ['FAST', 'fast'],
  ['NO_AUTH', 'no_auth'],
  ['NO_MANDATORY_KEYS', 'no_mandatory_keys'],
  ['NO_ASYNC_LOADING', 'no_async_loading'],
  ['NO_MULTI', 'no_multi'],
  ['MOVABLE_KEYS', 'movablekeys'],
  ['ALLOW_BUSY', 'allow_busy'],
];

/** addReplyFlagsForKeyArgs's order and names. */
const KEY_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['RO', 'RO'],
  ['RW', 'RW'],
  ['OW', 'OW'],
  ['RM', 'RM'],
  ['ACCESS', 'access'],
  ['UPDATE', 'update'],
  ['INSERT', 'insert'],
  ['DELETE', 'delete'],
  ['NOT_KEY', 'not_key'],
  ['INCOMPLETE', 'incomplete'],
  ['VARIABLE_FLAGS', 'variable_flags'],
];

function flagSet(
  c: Client,
  have: readonly string[],
  names: ReadonlyArray<readonly [string, string]>,
): Reply {
  return setReply(
    c,
    names.filter(([f]) => have.includes(f)).map(([, n]) => reply.simple(n)),
  );
}

/**
 * server.c populateCommandLegacyRangeSpec: the (first, last, step) COMMAND INFO shows, from
 * the index+range key specs, and whether the command gets the movablekeys flag.
 */
function legacyRange(cmd: Command): {
  first: number;
  last: number;
  step: number;
  movable: boolean;
} {
  const specs = cmd.meta.keySpecs;
  const none = { first: 0, last: 0, step: 0 };
  if (specs.length === 0) return { ...none, movable: false };
  const s0 = specs[0]!;
  if (specs.length === 1 && s0.begin.type === 'index' && s0.find.type === 'range') {
    const last = s0.find.lastkey >= 0 ? s0.find.lastkey + s0.begin.pos : s0.find.lastkey;
    return {
      first: s0.begin.pos,
      last,
      step: s0.find.step,
      movable: s0.flags.includes('INCOMPLETE'),
    };
  }
  let movable = false;
  let first = Number.MAX_SAFE_INTEGER;
  let last = 0;
  let prevLast = 0;
  // lastkey is compared as unsigned in C: a negative (count from the end) always wins.
  const unsigned = (n: number): number => (n < 0 ? 2 ** 32 + n : n);
  for (const k of specs) {
    if (k.begin.type !== 'index' || k.find.type !== 'range') {
      movable = true;
      continue;
    }
    if (k.find.step !== 1 || (prevLast !== 0 && prevLast !== k.begin.pos - 1)) {
      movable = true;
      continue;
    }
    if (k.flags.includes('INCOMPLETE')) movable = true;
    first = Math.min(first, k.begin.pos);
    const abs = k.find.lastkey >= 0 ? k.find.lastkey + k.begin.pos : k.find.lastkey;
    last = unsigned(last) >= unsigned(abs) ? last : abs;
    prevLast = last;
  }
  if (first === Number.MAX_SAFE_INTEGER) return { ...none, movable: true };
  return { first, last, step: 1, movable };
}

function commandFlags(cmd: Command, movable: boolean): string[] {
  return movable ? [...cmd.meta.flags, 'MOVABLE_KEYS'] : [...cmd.meta.flags];
}

/** addReplyCommandKeySpecs (maps go out as flat arrays in RESP2). */
function keySpecOf(c: Client, k: FullKeySpec): Reply {
  const b = k.begin;
  const begin =
    b.type === 'index'
      ? [reply.bulk('index'), reply.int(b.pos)]
      : b.type === 'keyword'
        ? [
            reply.bulk('keyword'),
            reply.bulk(b.keyword),
            reply.bulk('startfrom'),
            reply.int(b.startfrom),
          ]
        : [];
  const f = k.find;
  const find =
    f.type === 'range'
      ? [
          reply.bulk('lastkey'),
          reply.int(f.lastkey),
          reply.bulk('keystep'),
          reply.int(f.step),
          reply.bulk('limit'),
          reply.int(f.limit),
        ]
      : f.type === 'keynum'
        ? [
            reply.bulk('keynumidx'),
            reply.int(f.keynumidx),
            reply.bulk('firstkey'),
            reply.int(f.firstkey),
            reply.bulk('keystep'),
            reply.int(f.step),
          ]
        : [];
  return mapReply(c, [
    ...(k.notes !== undefined ? [reply.bulk('notes'), reply.bulk(k.notes)] : []),
    reply.bulk('flags'),
    flagSet(c, k.flags, KEY_FLAGS),
    reply.bulk('begin_search'),
    mapReply(c, [reply.bulk('type'), reply.bulk(b.type), reply.bulk('spec'), mapReply(c, begin)]),
    reply.bulk('find_keys'),
    mapReply(c, [reply.bulk('type'), reply.bulk(f.type), reply.bulk('spec'), mapReply(c, find)]),
  ]);
}

/** addReplyCommandInfo: the 10 fields of COMMAND / COMMAND INFO. */
function infoOf(c: Client, cmd: Command): Reply {
  const range = legacyRange(cmd);
  return reply.array([
    reply.bulk(cmd.fullName),
    reply.int(cmd.arity),
    flagSet(c, commandFlags(cmd, range.movable), COMMAND_FLAGS),
    reply.int(range.first),
    reply.int(range.last),
    reply.int(range.step),
    setReply(
      c,
      categoryNames(cmd.aclCategories).map((n) => reply.simple(`@${n}`)),
    ),
    setReply(
      c,
      cmd.meta.tips.map((t) => reply.bulk(t.toLowerCase())),
    ),
    setReply(
      c,
      cmd.meta.keySpecs.map((k) => keySpecOf(c, k)),
    ),
    // addReplyCommandSubCommands: an empty set, or an array of the subcommands.
    cmd.subtable
      ? reply.array([...cmd.subtable.values()].map((s) => infoOf(c, s)))
      : setReply(c, []),
  ]);
}

/** redis-server 7.0.15's docs (command-meta/docs.ts); our summary and group for any other. */
function docsOf(c: Client, cmd: Command): Reply[] {
  const has = (full: string): boolean => cmd.subtable?.has(full.split('|')[1]!) === true;
  const docs = commandDocs(cmd.name, has, c.resp === 3);
  if (docs !== undefined) return [reply.bulk(cmd.name), docs];
  return [
    reply.bulk(cmd.name),
    reply.array([
      reply.bulk('summary'),
      reply.bulk(cmd.summary),
      reply.bulk('group'),
      reply.bulk(cmd.group),
    ]),
  ];
}

const count = defineCommand({
  name: 'count',
  arity: 2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'COMMAND COUNT',
  summary: 'How many commands this server knows.',
  run: (c) => reply.int(c.engine.table.all.length),
});

/** Every command then its subcommands, in table order (Redis: dict order). */
function everyCommand(all: readonly Command[]): Command[] {
  return all.flatMap((c) => [c, ...(c.subtable ? c.subtable.values() : [])]);
}

const list = defineCommand({
  name: 'list',
  arity: -2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'COMMAND LIST [FILTERBY MODULE name | ACLCAT category | PATTERN pattern]',
  summary: 'Names of all commands and subcommands, optionally filtered.',
  run: (c, argv) => {
    let keep: (cmd: Command) => boolean = () => true;
    for (let i = 2; i < argv.length; i++) {
      if (!eqi(argv[i]!, 'filterby') || argv.length - 1 - i !== 2) return reply.syntax();
      const type = argv[i + 1]!;
      const arg = argv[i + 2]!;
      if (eqi(type, 'module')) keep = () => false;
      else if (eqi(type, 'aclcat')) {
        const flag = categoryFlagByName(arg);
        keep = (cmd) => flag !== 0 && (cmd.aclCategories & flag) !== 0;
      } else if (eqi(type, 'pattern')) keep = (cmd) => globMatch(arg, cmd.fullName, true);
      else return reply.syntax();
      i += 2;
    }
    return reply.array(
      everyCommand(c.engine.table.all.filter((x) => !c.engine.restricted.has(x.name)))
        .filter(keep)
        .map((x) => reply.bulk(x.fullName)),
    );
  },
});

function pick(
  all: readonly Command[],
  restricted: ReadonlySet<string>,
  names: readonly string[],
): Command[] {
  const usable = all.filter((x) => !restricted.has(x.name));
  if (names.length === 0) return usable;
  return names.flatMap((n) => usable.filter((x) => x.name === n.toLowerCase()));
}

const info = defineCommand({
  name: 'info',
  arity: -2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'COMMAND INFO [command-name ...]',
  summary: 'Arity, flags and key positions of commands.',
  run: (c, argv) => {
    const names = argv.slice(2);
    if (names.length === 0)
      return reply.array(
        pick(c.engine.table.all, c.engine.restricted, []).map((x) => infoOf(c, x)),
      );
    return reply.array(
      names.map((n) => {
        const cmd = c.engine.restricted.has(n.toLowerCase().split('|')[0]!)
          ? undefined
          : lookupAclCommand(c.engine.table, n);
        return cmd ? infoOf(c, cmd) : reply.nil();
      }),
    );
  },
});

const docs = defineCommand({
  name: 'docs',
  arity: -2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'COMMAND DOCS [command-name ...]',
  summary: 'Summary and group of commands (used by redis-cli for hints).',
  run: (c, argv) =>
    mapReply(
      c,
      pick(c.engine.table.all, c.engine.restricted, argv.slice(2)).flatMap((x) => docsOf(c, x)),
    ),
});

export const command = defineCommand({
  name: 'command',
  arity: -1,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'COMMAND [COUNT | INFO | DOCS | LIST]',
  summary: 'Introspects the command table.',
  subcommands: [count, list, info, docs],
  run: (c) =>
    reply.array(pick(c.engine.table.all, c.engine.restricted, []).map((x) => infoOf(c, x))),
});
