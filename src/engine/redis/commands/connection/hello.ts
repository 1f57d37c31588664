import { defineCommand, NO_KEYS } from '../../command';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';

/**
 * HELLO, RESP2 only: the engine speaks RESP2, so `HELLO 3` is refused with the NOPROTO error
 * redis-server gives for versions it does not know (real Redis 7 would switch to RESP3).
 */
export const hello = defineCommand({
  name: 'hello',
  arity: -1,
  flags: ['no-auth', 'noscript', 'loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'connection',
  syntax: 'HELLO [protover [AUTH username password] [SETNAME clientname]]',
  summary: 'Handshake: returns server information (protocol 2 only in the simulator).',
  run: (c, argv) => {
    if (argv.length >= 2) {
      const ver = parseInt64(argv[1]!);
      if (ver === null)
        return reply.error('ERR Protocol version is not an integer or out of range');
      if (ver !== 2) return reply.error('NOPROTO unsupported protocol version');
    }
    let name: string | undefined;
    for (let j = 2; j < argv.length; j++) {
      const left = argv.length - j - 1;
      if (eqi(argv[j]!, 'auth') && left >= 2) {
        if (!c.engine.acl.authenticate(c, argv[j + 1]!, argv[j + 2]!, argv[0]!)) {
          return reply.error('WRONGPASS invalid username-password pair or user is disabled.');
        }
        j += 2;
      } else if (eqi(argv[j]!, 'setname') && left >= 1) {
        name = argv[++j]!;
      } else {
        return reply.error(`ERR Syntax error in HELLO option '${argv[j]!}'`);
      }
    }
    if (!c.authenticated) {
      return reply.error(
        'NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time',
      );
    }
    if (name !== undefined) c.name = name;
    return reply.array([
      reply.bulk('server'),
      reply.bulk('redis'),
      reply.bulk('version'),
      reply.bulk('7.0.15'),
      reply.bulk('proto'),
      reply.int(2),
      reply.bulk('id'),
      reply.int(c.id),
      reply.bulk('mode'),
      reply.bulk('standalone'),
      reply.bulk('role'),
      reply.bulk('master'),
      reply.bulk('modules'),
      reply.emptyArray(),
    ]);
  },
});
