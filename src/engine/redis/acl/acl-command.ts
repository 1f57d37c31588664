/**
 * ACL and its subcommands as redis-server 7.0.15 answers them (acl.c aclCommand). There is
 * no aclfile in the simulator, so LOAD and SAVE give redis-server's "not configured" error.
 */
import { defineCommand, NO_KEYS } from '../command';
import type { CommandDef } from '../command';
import type { Client } from '../client';
import { reply } from '../reply';
import type { Reply } from '../reply';
import { cstr, eqi } from '../bytes';
import { parseInt64 } from '../args';
import { doubleReply, mapReply, setReply } from '../resp3';
import { resolveCommand } from '../server/dispatch';
import { ACL_CATEGORY_NAMES, categoryFlagByName } from './categories';
import { describeCommandRules, describeUser, keyPatternText } from './describe';
import type { Selector } from './selector';
import { hasSpaces } from './selector';
import { ACL_DENIED_CMD, ACL_DENIED_KEY, checkCommand } from './check';

const ADMIN = ['admin', 'noscript', 'loading', 'stale'] as const;
const PLAIN = ['noscript', 'loading', 'stale'] as const;

function sub(
  name: string,
  arity: number,
  flags: CommandDef['flags'],
  syntax: string,
  summary: string,
  run: (c: Client, argv: readonly string[]) => Reply,
): CommandDef {
  return { name, arity, flags, keys: NO_KEYS, group: 'server', syntax, summary, run };
}

/** addReplySubcommandSyntaxError. */
function syntaxError(argv: readonly string[]): Reply {
  return reply.error(
    `ERR unknown subcommand or wrong number of arguments for '${cstr(argv[1]!, 128)}'. Try ACL HELP.`,
  );
}

/** aclAddReplySelectorDescription: commands, keys, channels. */
function selectorFields(c: Client, s: Selector): Reply[] {
  const keys = s.allKeys ? '~*' : s.patterns.map(keyPatternText).join(' ');
  const channels = s.allChannels ? '&*' : s.channels.map((ch) => `&${ch}`).join(' ');
  return [
    reply.bulk('commands'),
    reply.bulk(describeCommandRules(c.engine.acl.ctx, s)),
    reply.bulk('keys'),
    reply.bulk(keys),
    reply.bulk('channels'),
    reply.bulk(channels),
  ];
}

const HELP = [
  'ACL <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CAT [<category>]',
  '    List all commands that belong to <category>, or all command categories',
  '    when no category is specified.',
  'DELUSER <username> [<username> ...]',
  '    Delete a list of users.',
  'DRYRUN <username> <command> [<arg> ...]',
  '    Returns whether the user can execute the given command without executing the command.',
  'GETUSER <username>',
  "    Get the user's details.",
  'GENPASS [<bits>]',
  '    Generate a secure 256-bit user password. The optional `bits` argument can',
  '    be used to specify a different size.',
  'LIST',
  '    Show users details in config file format.',
  'LOAD',
  '    Reload users from the ACL file.',
  'LOG [<count> | RESET]',
  '    Show the ACL log entries.',
  'SAVE',
  '    Save the current config to the ACL file.',
  'SETUSER <username> <attribute> [<attribute> ...]',
  '    Create or modify a user with the specified attributes.',
  'USERS',
  '    List all the registered usernames.',
  'WHOAMI',
  '    Return the current connection username.',
  'HELP',
  '    Prints this help.',
];

const NO_ACLFILE =
  'ERR This Redis instance is not configured to use an ACL file. You may want to specify users via the ACL SETUSER command and then issue a CONFIG REWRITE (assuming you have a Redis configuration file set) in order to store users in the Redis configuration.';

/**
 * ElastiCache answers the read-only ACL subcommands but not the ones that change users
 * (docs/aws/security.md): users come from the user group. The command is renamed away there,
 * so a client sees what redis-server says about a subcommand it does not have.
 */
function refusedOnElastiCache(c: Client, argv: readonly string[]): Reply | undefined {
  if (c.engine.profile !== 'elasticache') return undefined;
  return reply.error(`ERR unknown subcommand '${cstr(argv[1]!, 128)}'. Try ACL HELP.`);
}

const setuser = sub(
  'setuser',
  -3,
  ADMIN,
  'ACL SETUSER username [rule ...]',
  'Creates or changes a user.',
  (c, argv) => {
    const refused = refusedOnElastiCache(c, argv);
    if (refused !== undefined) return refused;
    const name = argv[2]!;
    if (hasSpaces(name))
      return reply.error("ERR Usernames can't contain spaces or null characters");
    const err = c.engine.acl.setUser(name, argv.slice(3));
    return err === null ? reply.ok() : reply.error(err);
  },
);

const deluser = sub(
  'deluser',
  -3,
  ADMIN,
  'ACL DELUSER username [username ...]',
  'Deletes users and closes their connections.',
  (c, argv) => {
    const refused = refusedOnElastiCache(c, argv);
    if (refused !== undefined) return refused;
    const names = argv.slice(2);
    if (names.includes('default')) return reply.error("ERR The 'default' user cannot be removed");
    let deleted = 0;
    for (const n of names) if (c.engine.acl.deleteUser(n, c)) deleted++;
    return reply.int(deleted);
  },
);

const getuser = sub(
  'getuser',
  3,
  ADMIN,
  'ACL GETUSER username',
  "A user's flags, password hashes and rules.",
  (c, argv) => {
    const u = c.engine.acl.user(argv[2]!);
    if (u === undefined) return reply.nil();
    const flags: string[] = [];
    if (u.enabled) flags.push('on');
    if (u.disabled) flags.push('off');
    if (u.nopass) flags.push('nopass');
    if (u.sanitize !== null) flags.push(u.sanitize);
    // A map; flags a set; each selector a map (acl.c, GETUSER).
    return mapReply(c, [
      reply.bulk('flags'),
      setReply(c, flags.map(reply.bulk)),
      reply.bulk('passwords'),
      reply.bulks(u.passwords),
      ...selectorFields(c, u.root),
      reply.bulk('selectors'),
      reply.array(u.selectors.slice(1).map((s) => mapReply(c, selectorFields(c, s)))),
    ]);
  },
);

// ElastiCache's ACL LIST leaves out the password hashes (docs/aws/security.md).
const list = sub('list', 2, ADMIN, 'ACL LIST', 'Every user as an aclfile line.', (c) => {
  const hashes = c.engine.profile !== 'elasticache';
  return reply.bulks(
    c.engine.acl.all().map((u) => `user ${u.name} ${describeUser(c.engine.acl.ctx, u, hashes)}`),
  );
});

const users = sub('users', 2, ADMIN, 'ACL USERS', 'The user names.', (c) =>
  reply.bulks(c.engine.acl.all().map((u) => u.name)),
);

const whoami = sub('whoami', 2, PLAIN, 'ACL WHOAMI', "This connection's user.", (c) =>
  reply.bulk(c.user.name),
);

const load = sub(
  'load',
  2,
  ADMIN,
  'ACL LOAD',
  'Reloads the aclfile (there is none here).',
  (c, argv) => refusedOnElastiCache(c, argv) ?? reply.error(NO_ACLFILE),
);
const save = sub(
  'save',
  2,
  ADMIN,
  'ACL SAVE',
  'Writes the aclfile (there is none here).',
  (c, argv) => refusedOnElastiCache(c, argv) ?? reply.error(NO_ACLFILE),
);

const cat = sub(
  'cat',
  -2,
  PLAIN,
  'ACL CAT [category]',
  'The categories, or the commands of one.',
  (c, argv) => {
    if (argv.length === 2) return reply.bulks([...ACL_CATEGORY_NAMES]);
    if (argv.length !== 3) return syntaxError(argv);
    const flag = categoryFlagByName(argv[2]!);
    if (flag === 0) return reply.error(`ERR Unknown category '${cstr(argv[2]!, 128)}'`);
    const out: string[] = [];
    for (const cmd of c.engine.table.all) {
      if ((cmd.aclCategories & flag) !== 0) out.push(cmd.fullName);
      for (const s of cmd.subtable?.values() ?? [])
        if ((s.aclCategories & flag) !== 0) out.push(s.fullName);
    }
    return reply.bulks(out);
  },
);

const genpass = sub(
  'genpass',
  -2,
  PLAIN,
  'ACL GENPASS [bits]',
  'A random password (256 bits unless told).',
  (c, argv) => {
    if (argv.length > 3) return syntaxError(argv);
    let bits = 256;
    if (argv.length === 3) {
      const n = parseInt64(argv[2]!);
      if (n === null) return reply.notInteger();
      bits = Number(n);
    }
    if (bits <= 0 || bits > 4096)
      return reply.error(
        'ERR ACL GENPASS argument must be the number of bits for the output password, a positive number up to 4096',
      );
    const chars = Math.floor((bits + 3) / 4);
    let s = '';
    for (let i = 0; i < chars; i++) s += c.engine.rng.int(16).toString(16);
    return reply.bulk(s);
  },
);

const log = sub(
  'log',
  -2,
  ADMIN,
  'ACL LOG [count | RESET]',
  'Recent ACL denials, newest first.',
  (c, argv) => {
    if (argv.length > 3) return syntaxError(argv);
    const acl = c.engine.acl;
    let count = 10;
    if (argv.length === 3) {
      if (eqi(argv[2]!, 'reset')) {
        acl.log.reset();
        return reply.ok();
      }
      const n = parseInt64(argv[2]!);
      if (n === null) return reply.notInteger();
      count = Math.max(0, Number(n));
    }
    const now = c.engine.clock.nowMs();
    return reply.array(
      acl.log.entries
        .slice(0, count)
        .map((e) =>
          mapReply(c, [
            reply.bulk('count'),
            reply.int(e.count),
            reply.bulk('reason'),
            reply.bulk(e.reason),
            reply.bulk('context'),
            reply.bulk(e.context),
            reply.bulk('object'),
            reply.bulk(e.object),
            reply.bulk('username'),
            reply.bulk(e.username),
            reply.bulk('age-seconds'),
            doubleReply(c, (now - e.ctime) / 1000),
            reply.bulk('client-info'),
            reply.bulk(e.cinfo),
          ]),
        ),
    );
  },
);

const dryrun = sub(
  'dryrun',
  -4,
  ADMIN,
  'ACL DRYRUN username command [arg ...]',
  'Whether a user may run a command (it is not run).',
  (c, argv) => {
    const u = c.engine.acl.user(argv[2]!);
    if (u === undefined) return reply.error(`ERR User '${argv[2]!}' not found`);
    const args = argv.slice(3);
    const resolved = resolveCommand(c.engine, args);
    if ('kind' in resolved) {
      if (resolved.kind === 'error' && resolved.message.startsWith('ERR wrong number'))
        return resolved;
      return reply.error(`ERR Command '${argv[3]!}' not found`);
    }
    const denied = checkCommand(u, resolved, args);
    if (denied === null) return reply.ok();
    if (denied.reason === ACL_DENIED_CMD)
      return reply.bulk(`This user has no permissions to run the '${resolved.fullName}' command`);
    const what = denied.reason === ACL_DENIED_KEY ? 'key' : 'channel';
    return reply.bulk(`This user has no permissions to access the '${args[denied.pos]!}' ${what}`);
  },
);

const help = sub(
  'help',
  2,
  ['loading', 'stale'],
  'ACL HELP',
  'Lists the ACL subcommands and what they do.',
  () => reply.array(HELP.map((l) => reply.simple(l))),
);

export const acl = defineCommand({
  name: 'acl',
  arity: -2,
  flags: [],
  keys: NO_KEYS,
  group: 'server',
  syntax:
    'ACL <CAT | DELUSER | DRYRUN | GENPASS | GETUSER | LIST | LOAD | LOG | SAVE | SETUSER | USERS | WHOAMI | HELP> ...',
  summary: 'Users, their rules and the log of refused commands.',
  subcommands: [
    cat,
    deluser,
    dryrun,
    genpass,
    getuser,
    help,
    list,
    load,
    log,
    save,
    setuser,
    users,
    whoami,
  ],
});
