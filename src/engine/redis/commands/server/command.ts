import { defineCommand, NO_KEYS } from '../../command';
import type { Command } from '../../command';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

function infoOf(cmd: Command): Reply {
  const subs = cmd.subtable ? [...cmd.subtable.values()].map(infoOf) : [];
  const last = cmd.keys.last;
  return reply.array([
    reply.bulk(cmd.fullName),
    reply.int(cmd.arity),
    reply.array(
      cmd.flags
        .filter((f) => f !== 'no-multi' && f !== 'pubsub-context')
        .map((f) => reply.simple(f)),
    ),
    reply.int(cmd.keys.first),
    reply.int(last),
    reply.int(cmd.keys.step),
    reply.emptyArray(),
    reply.emptyArray(),
    reply.emptyArray(),
    reply.array(subs),
  ]);
}

function docsOf(cmd: Command): Reply[] {
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

const list = defineCommand({
  name: 'list',
  arity: -2,
  flags: ['loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'COMMAND LIST',
  summary: 'Names of all commands.',
  run: (c) =>
    reply.array(
      c.engine.table.all
        .filter((x) => !c.engine.restricted.has(x.name))
        .map((x) => reply.bulk(x.name)),
    ),
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
      return reply.array(pick(c.engine.table.all, c.engine.restricted, []).map(infoOf));
    return reply.array(
      names.map((n) => {
        const cmd = c.engine.restricted.has(n.toLowerCase()) ? undefined : c.engine.table.get(n);
        return cmd ? infoOf(cmd) : reply.nil();
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
    reply.array(pick(c.engine.table.all, c.engine.restricted, argv.slice(2)).flatMap(docsOf)),
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
  run: (c) => reply.array(pick(c.engine.table.all, c.engine.restricted, []).map(infoOf)),
});
