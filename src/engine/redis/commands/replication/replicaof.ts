import { defineCommand, NO_KEYS } from '../../command';
import type { Client } from '../../client';
import type { Argv } from '../../command';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

/** replicaofCommand: REPLICAOF host port, or NO ONE to become a primary. */
function replicaof(c: Client, argv: Argv): Reply {
  // A cluster node's replication follows CLUSTER REPLICATE and failovers, never REPLICAOF.
  if (c.engine.cluster !== null) return reply.error('ERR REPLICAOF not allowed in cluster mode.');
  const repl = c.engine.repl;
  if (eqi(argv[1]!, 'no') && eqi(argv[2]!, 'one')) {
    if (repl.isReplica) repl.promote();
    return reply.ok();
  }
  if (c.replica !== null) return reply.error('ERR Command is not valid when client is a replica.');
  const port = parseInt64(argv[2]!);
  if (port === null || port < 0 || port > 65535) return reply.error('ERR Invalid master port');
  const host = argv[1]!;
  const role = repl.role;
  if (role.host !== null && role.host.toLowerCase() === host.toLowerCase() && role.port === port) {
    return reply.simple('OK Already connected to specified master');
  }
  repl.replicaOf(host, port);
  return reply.ok();
}

const meta = {
  arity: 3,
  flags: ['admin', 'noscript', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  run: replicaof,
} as const;

export const replicaofCommand = defineCommand({
  ...meta,
  name: 'replicaof',
  syntax: 'REPLICAOF host port | NO ONE',
  summary: 'Makes this node a replica of host:port, or (NO ONE) a primary again.',
});

export const slaveof = defineCommand({
  ...meta,
  name: 'slaveof',
  syntax: 'SLAVEOF host port | NO ONE',
  summary: 'Old name of REPLICAOF.',
});
