/**
 * How redis-server 7.0.15 replicates consumer-group work (t_stream.c streamPropagateXCLAIM,
 * streamPropagateGroupID, streamPropagateConsumerCreation): XREADGROUP, XCLAIM and XAUTOCLAIM
 * never replicate themselves; each pending entry they create, move or drop goes out as an
 * idempotent XCLAIM … FORCE JUSTID LASTID, a group moved by NOACK reading as XGROUP SETID, and a
 * consumer created by NOACK reading as XGROUP CREATECONSUMER.
 */
import type { BinStr } from '../../bytes';
import type { Client } from '../../client';
import { NC } from '../../server/notify';
import type { ConsumerGroup, Nack } from '../../structures/stream-group';
import { formatId } from '../../structures/stream-id';

/** streamPropagateXCLAIM: `idArg` as the command had it (XCLAIM passes its own argument). */
export function propagateXclaim(
  c: Client,
  key: BinStr,
  group: ConsumerGroup,
  idArg: BinStr,
  nack: Nack,
): void {
  c.alsoPropagate([
    'XCLAIM',
    key,
    group.name,
    nack.consumer!.name,
    '0',
    idArg,
    'TIME',
    String(nack.deliveryTime),
    'RETRYCOUNT',
    String(BigInt.asIntN(64, nack.deliveryCount)),
    'FORCE',
    'JUSTID',
    'LASTID',
    formatId(group.lastId),
  ]);
}

/** streamPropagateGroupID: XGROUP SETID key group last-id ENTRIESREAD n. */
export function propagateGroupId(c: Client, key: BinStr, group: ConsumerGroup): void {
  c.alsoPropagate([
    'XGROUP',
    'SETID',
    key,
    group.name,
    formatId(group.lastId),
    'ENTRIESREAD',
    String(group.entriesRead),
  ]);
}

/**
 * streamCreateConsumer's side effects (SCC_DEFAULT): server.dirty++ and xgroup-createconsumer;
 * XREADGROUP … NOACK also replicates the creation (no XCLAIM will carry the consumer).
 */
export function consumerCreated(
  c: Client,
  key: BinStr,
  group: ConsumerGroup,
  name: BinStr,
  propagate: boolean,
): void {
  c.engine.dirty++;
  c.db.notify(NC.STREAM, 'xgroup-createconsumer', key);
  if (propagate) c.alsoPropagate(['XGROUP', 'CREATECONSUMER', key, group.name, name]);
}
