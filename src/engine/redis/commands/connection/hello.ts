import { defineCommand, NO_KEYS } from '../../command';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import { mapReply } from '../../resp3';

/**
 * HELLO [protover [AUTH user pass] [SETNAME name]] (networking.c helloCommand): switches the
 * connection to RESP2 or RESP3 and answers with the server's properties as a map.
 */
export const hello = defineCommand({
  name: 'hello',
  arity: -1,
  flags: ['no-auth', 'noscript', 'loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'connection',
  syntax: 'HELLO [protover [AUTH username password] [SETNAME clientname]]',
  summary: 'Handshake: picks RESP2 or RESP3, may authenticate, returns server information.',
  run: (c, argv) => {
    let ver = 0;
    if (argv.length >= 2) {
      const v = parseInt64(argv[1]!);
      if (v === null) return reply.error('ERR Protocol version is not an integer or out of range');
      if (v < 2 || v > 3) return reply.error('NOPROTO unsupported protocol version');
      ver = Number(v);
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
    if (ver !== 0) c.resp = ver as 2 | 3;
    return mapReply(c, [
      reply.bulk('server'),
      reply.bulk('redis'),
      reply.bulk('version'),
      reply.bulk('7.0.15'),
      reply.bulk('proto'),
      reply.int(c.resp),
      reply.bulk('id'),
      reply.int(c.id),
      reply.bulk('mode'),
      reply.bulk(c.engine.cluster !== null ? 'cluster' : 'standalone'),
      reply.bulk('role'),
      reply.bulk(c.engine.repl.isReplica ? 'replica' : 'master'),
      reply.bulk('modules'),
      reply.emptyArray(),
    ]);
  },
});
