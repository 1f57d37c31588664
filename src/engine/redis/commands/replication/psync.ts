/**
 * PSYNC and SYNC (syncCommand): this connection becomes a replica. The answer is not a
 * reply but raw bytes on the connection's transport: +FULLRESYNC <replid> <offset>, then the
 * snapshot as $<len>\r\n<rdb> (no trailing CRLF), or +CONTINUE [<replid>] and the backlog —
 * then the stream. SYNC sends the snapshot alone, for replicas that predate PSYNC.
 */
import { defineCommand, NO_KEYS } from '../../command';
import type { Argv } from '../../command';
import type { Client } from '../../client';
import { bytesToBin, eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

function syncGeneric(c: Client, argv: Argv, psync: boolean): Reply | undefined {
  if (c.replica !== null) return undefined; // already a replica: ignored
  const repl = c.engine.repl;
  if (psync && argv.length > 3 && eqi(argv[3]!, 'failover')) {
    if (!repl.isReplica) return reply.error("ERR PSYNC FAILOVER can't be sent to a master.");
    if (argv[1]!.toLowerCase() !== repl.primary.replid)
      return reply.error('ERR PSYNC FAILOVER replid must match my replid.');
    repl.promote();
  }
  if (repl.isReplica && repl.role.state !== 'connected') {
    return reply.error("NOMASTERLINK Can't SYNC while not connected with my master");
  }
  const conf = c.replConf;
  if (conf.excludeData && !conf.eof)
    return reply.error('ERR Filtered replica requires EOF capability');
  let offset = 0;
  if (psync) {
    const o = parseInt64(argv[2]!);
    if (o === null) return reply.notInteger();
    offset = o;
  }
  const raw = c.onRaw;
  // The console has no byte stream to carry a snapshot: only transports (TCP, simulated links) do.
  if (raw === undefined)
    return reply.error('ERR this connection cannot carry a replication stream');
  const handle = repl.attachReplica({
    addr: conf.addr ?? c.addr.slice(0, Math.max(0, c.addr.lastIndexOf(':'))),
    listeningPort: conf.listeningPort,
    psync2: conf.psync2,
    send: (bytes) => raw(bytes),
    close: () => c.kill(),
    excludeData: conf.excludeData,
  });
  c.replica = handle;
  if (!psync) {
    const rdb = handle.sync();
    raw(`$${rdb.length}\r\n${bytesToBin(rdb)}`);
    return undefined;
  }
  const answer = handle.psync(argv[1]!, offset);
  if (answer.kind === 'continue') {
    raw(conf.psync2 ? `+CONTINUE ${answer.replid}\r\n` : '+CONTINUE\r\n');
    if (answer.backlog.length !== 0) raw(answer.backlog);
  } else {
    raw(
      `+FULLRESYNC ${answer.replid} ${answer.offset}\r\n$${answer.rdb.length}\r\n${bytesToBin(answer.rdb)}`,
    );
    if (conf.rdbOnly) c.kill();
  }
  return undefined;
}

const meta = {
  flags: ['admin', 'noscript', 'deny-multi'],
  keys: NO_KEYS,
  group: 'server',
} as const;

export const psync = defineCommand({
  ...meta,
  name: 'psync',
  arity: -3,
  syntax: 'PSYNC replicationid offset',
  summary: 'Starts replication: continues from offset of that history, or sends a full snapshot.',
  run: (c, argv) => syncGeneric(c, argv, true),
});

export const sync = defineCommand({
  ...meta,
  name: 'sync',
  arity: 1,
  syntax: 'SYNC',
  summary: 'Starts replication the pre-PSYNC way: always a full snapshot, then the stream.',
  run: (c, argv) => syncGeneric(c, argv, false),
});
