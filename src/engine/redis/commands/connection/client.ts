import { defineCommand, NO_KEYS } from '../../command';
import { reply } from '../../reply';
import { cstr, eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { REPLY_OFF, REPLY_SKIP, REPLY_SKIP_NEXT } from '../../client';
import { clientInfoString as describe } from './client-info';
import { verbatimReply } from '../../resp3';

const meta = { keys: NO_KEYS, group: 'connection' as const };

const id = defineCommand({
  ...meta,
  name: 'id',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT ID',
  summary: 'The unique id of this connection.',
  run: (c) => reply.int(c.id),
});

const getname = defineCommand({
  ...meta,
  name: 'getname',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT GETNAME',
  summary: 'The name set with CLIENT SETNAME, or nil.',
  run: (c) => (c.name === '' ? reply.nil() : reply.bulk(c.name)),
});

const setname = defineCommand({
  ...meta,
  name: 'setname',
  arity: 3,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT SETNAME connection-name',
  summary: 'Names this connection (shown by CLIENT LIST).',
  run: (c, argv) => {
    const name = argv[2]!;
    for (let i = 0; i < name.length; i++) {
      const ch = name.charCodeAt(i);
      if (ch < 33 || ch > 126)
        return reply.error(
          'ERR Client names cannot contain spaces, newlines or special characters.',
        );
    }
    c.name = name;
    return reply.ok();
  },
});

const list = defineCommand({
  ...meta,
  name: 'list',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  syntax: 'CLIENT LIST',
  summary: 'One line per open connection.',
  run: (c) => {
    const now = c.engine.clock.nowMs();
    return verbatimReply(
      c,
      [...c.engine.clients.values()].map((x) => `${describe(x, now)}\n`).join(''),
    );
  },
});

const info = defineCommand({
  ...meta,
  name: 'info',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT INFO',
  summary: 'The CLIENT LIST line of this connection.',
  run: (c) => verbatimReply(c, `${describe(c, c.engine.clock.nowMs())}\n`),
});

const reply_ = defineCommand({
  ...meta,
  name: 'reply',
  arity: 3,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT REPLY <ON | OFF | SKIP>',
  summary: 'Turns this connection’s replies off, back on, or skips the next one.',
  run: (c, argv) => {
    const mode = argv[2]!;
    if (eqi(mode, 'on')) {
      c.replyFlags &= ~(REPLY_SKIP | REPLY_OFF);
      return reply.ok();
    }
    if (eqi(mode, 'off')) {
      c.replyFlags |= REPLY_OFF;
      return reply.ok(); // never sent: the connection is silent now
    }
    if (eqi(mode, 'skip')) {
      if ((c.replyFlags & REPLY_OFF) === 0) c.replyFlags |= REPLY_SKIP_NEXT;
      return undefined; // SKIP itself replies nothing
    }
    return reply.syntax();
  },
});

const unblock = defineCommand({
  ...meta,
  name: 'unblock',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  syntax: 'CLIENT UNBLOCK client-id [TIMEOUT | ERROR]',
  summary: 'Ends another connection’s blocking command now, as a timeout or with an error.',
  run: (c, argv) => {
    // addReplySubcommandSyntaxError names the subcommand as sent.
    if (argv.length > 4) {
      return reply.error(
        `ERR unknown subcommand or wrong number of arguments for '${cstr(argv[1]!, 128)}'. Try CLIENT HELP.`,
      );
    }
    let asError = false;
    if (argv.length === 4) {
      if (eqi(argv[3]!, 'error')) asError = true;
      else if (!eqi(argv[3]!, 'timeout'))
        return reply.error('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
    }
    const id = parseInt64(argv[2]!);
    if (id === null) return reply.notInteger();
    const target = c.engine.clients.get(id);
    if (target === undefined || target.blocked === null) return reply.int(0);
    c.engine.unblockWith(
      target,
      asError
        ? reply.error('UNBLOCKED client unblocked via CLIENT UNBLOCK')
        : typeof target.blocked.onTimeout === 'function'
          ? target.blocked.onTimeout()
          : target.blocked.onTimeout,
    );
    return reply.int(1);
  },
});

const noEvict = defineCommand({
  ...meta,
  name: 'no-evict',
  arity: 3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  syntax: 'CLIENT NO-EVICT <ON | OFF>',
  summary: 'Exempts this connection from client eviction (maxmemory-clients).',
  run: (c, argv) => {
    if (eqi(argv[2]!, 'on')) c.noEvict = true;
    else if (eqi(argv[2]!, 'off')) c.noEvict = false;
    else return reply.syntax();
    return reply.ok();
  },
});

export const client = defineCommand({
  ...meta,
  name: 'client',
  arity: -2,
  flags: [],
  syntax: 'CLIENT <ID | GETNAME | SETNAME | LIST | INFO | REPLY | UNBLOCK | NO-EVICT> ...',
  summary: 'Inspects and names connections.',
  subcommands: [id, getname, setname, list, info, reply_, unblock, noEvict],
});
