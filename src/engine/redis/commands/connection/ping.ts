import { defineCommand, NO_KEYS } from '../../command';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';

const PONG_BULK = reply.bulk('pong');

export const ping = defineCommand({
  name: 'ping',
  arity: -1,
  flags: ['fast', 'pubsub-context'],
  keys: NO_KEYS,
  group: 'connection',
  syntax: 'PING [message]',
  summary: 'Replies PONG (or echoes the message); checks that the connection is alive.',
  run: (c, argv) => {
    if (argv.length > 2) return reply.error("ERR wrong number of arguments for 'ping' command");
    // In RESP2 subscribed mode PING answers as a pub/sub-style array.
    // Only a subscribed RESP2 connection gets the array form (server.c pingCommand).
    if (c.subscriptionCount !== 0 && c.resp === 2)
      return reply.array([PONG_BULK, reply.bulk(argv[1] ?? '')]);
    return argv.length === 1 ? reply.pong() : reply.bulk(argv[1]!);
  },
});

export const echo = defineCommand({
  name: 'echo',
  arity: 2,
  flags: ['fast'],
  keys: NO_KEYS,
  group: 'connection',
  syntax: 'ECHO message',
  summary: 'Returns the message.',
  run: (_c, argv) => reply.bulk(argv[1]!),
});

export const select = defineCommand({
  name: 'select',
  arity: 2,
  flags: ['loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'connection',
  syntax: 'SELECT index',
  summary: 'Switches this connection to another logical database (0-15 by default).',
  run: (c, argv) => {
    const n = parseInt64(argv[1]!);
    if (n === null) return reply.notInteger();
    if (n < -2147483648 || n > 2147483647)
      return reply.error(
        'ERR value is out of range, value must between -2147483648 and 2147483647',
      );
    if (c.engine.cluster !== null && n !== 0)
      return reply.error('ERR SELECT is not allowed in cluster mode');
    const db = c.engine.dbs[n];
    if (n < 0 || db === undefined) return reply.error('ERR DB index is out of range');
    c.db = db;
    return reply.ok();
  },
});

export const quit = defineCommand({
  name: 'quit',
  arity: -1,
  flags: ['no-auth', 'no-multi', 'pubsub-context', 'fast'],
  keys: NO_KEYS,
  group: 'connection',
  syntax: 'QUIT',
  summary: 'Closes the connection after replying OK.',
  run: (c) => {
    c.closeAfterReply = true;
    return reply.ok();
  },
});

export const auth = defineCommand({
  name: 'auth',
  arity: -2,
  flags: ['no-auth', 'fast', 'noscript', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'connection',
  syntax: 'AUTH [username] password',
  summary:
    'Authenticates the connection as a user (the default user when only a password is given).',
  run: (c, argv) => {
    if (argv.length > 3) return reply.syntax();
    const acl = c.engine.acl;
    // The old one-argument form errs when the default user has no password (acl.c authCommand).
    if (argv.length === 2 && acl.defaultUser.nopass) {
      return reply.error(
        'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
      );
    }
    const user = argv.length === 3 ? argv[1]! : 'default';
    if (acl.authenticate(c, user, argv[argv.length - 1]!, argv[0]!)) return reply.ok();
    return reply.error('WRONGPASS invalid username-password pair or user is disabled.');
  },
});

export const time = defineCommand({
  name: 'time',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'TIME',
  summary: 'The server clock as [unix seconds, microseconds].',
  run: (c) => {
    const ms = c.engine.clock.nowMs();
    const sec = Math.floor(ms / 1000);
    const usec = Math.floor((ms - sec * 1000) * 1000);
    return reply.array([reply.bulk(String(sec)), reply.bulk(String(usec))]);
  },
});
