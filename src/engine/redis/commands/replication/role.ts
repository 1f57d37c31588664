import { defineCommand, NO_KEYS } from '../../command';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

/** ROLE (roleCommand): ["master", offset, [[ip, port, acked]…]] or ["slave", host, port, state, offset]. */
export const role = defineCommand({
  name: 'role',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'ROLE',
  summary: 'Returns whether this node is a primary or a replica, with its replication offsets.',
  run: (c) => {
    const repl = c.engine.repl;
    const r = repl.role;
    if (r.host === null) {
      const replicas: Reply[] = [];
      for (const x of repl.primary.replicas) {
        if (x.state !== 'online') continue;
        replicas.push(reply.bulks([x.addr, String(x.listeningPort), String(x.ackOffset)]));
      }
      return reply.array([
        reply.bulk('master'),
        reply.int(repl.primary.offset),
        reply.array(replicas),
      ]);
    }
    return reply.array([
      reply.bulk('slave'),
      reply.bulk(r.host),
      reply.int(r.port),
      reply.bulk(r.state),
      reply.int(r.link !== null ? r.link.reploff : -1),
    ]);
  },
});
