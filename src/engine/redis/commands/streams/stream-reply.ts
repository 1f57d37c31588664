/**
 * streamReplyWithRange and streamReplyWithRangeFromConsumerPEL (t_stream.c): entries as
 * `[id, [field, value, …]]`, and delivery to a consumer group, which moves the group's last
 * delivered ID and read counter and records each delivered entry in the pending lists.
 */
import { reply, type Reply } from '../../reply';
import type { StreamId } from '../../structures/stream-id';
import { MAX_ID, compareIds, formatId } from '../../structures/stream-id';
import type { StreamEntry, StreamNode } from '../../structures/stream-node';
import type { Consumer, ConsumerGroup, Nack } from '../../structures/stream-group';
import type { RedisStream } from '../../structures/stream-value';
import { advanceEntriesRead } from '../../structures/stream-lag';

export const idReply = (id: StreamId): Reply => reply.bulk(formatId(id));

export function entryReply(node: StreamNode, e: StreamEntry): Reply {
  const fields = node.fieldsOf(e);
  const fv: Reply[] = new Array<Reply>(fields.length * 2);
  for (let i = 0; i < fields.length; i++) {
    fv[2 * i] = reply.bulk(fields[i]!);
    fv[2 * i + 1] = reply.bulk(e.values[i]!);
  }
  return reply.array([idReply(e.id), reply.array(fv)]);
}

/** Entries in [start, end], at most `count` (0 = all), ascending or descending. */
export function rangeReplies(
  s: RedisStream,
  start: StreamId,
  end: StreamId,
  count: number,
  rev: boolean,
): Reply[] {
  const out: Reply[] = [];
  s.forRange(start, end, rev, (e, node) => {
    out.push(entryReply(node, e));
    return count === 0 || out.length < count;
  });
  return out;
}

/** One entry by exact ID, or undefined when it is not (or no longer) in the stream. */
export function entryById(s: RedisStream, id: StreamId): Reply | undefined {
  const hit = s.find(id);
  return hit === undefined ? undefined : entryReply(hit.node, hit.entry);
}

/** What one group delivery did, for propagation (XCLAIM per entry, XGROUP SETID for NOACK). */
export interface Delivery {
  readonly replies: Reply[];
  /** Entries now pending for the consumer. */
  readonly claimed: StreamId[];
  /** NOACK moved the group's last ID. */
  readonly lastIdMoved: boolean;
}

/**
 * Serves entries with ID ≥ `start` to `consumer` of `group` (XREADGROUP `>`): the group's last
 * ID and read counter follow, and unless `noack` each entry enters both pending lists (an entry
 * pending for another consumer changes owner and restarts its delivery count).
 */
export function deliverToGroup(
  s: RedisStream,
  start: StreamId,
  count: number,
  group: ConsumerGroup,
  consumer: Consumer,
  noack: boolean,
  now: number,
  /** Each entry entering the pending lists, with the group as it is then (XCLAIM propagation). */
  onClaim?: (id: StreamId, nack: Nack) => void,
): Delivery {
  const replies: Reply[] = [];
  const claimed: StreamId[] = [];
  let lastIdMoved = false;
  s.forRange(start, MAX_ID, false, (e, node) => {
    if (compareIds(e.id, group.lastId) > 0) {
      advanceEntriesRead(s, group, e.id);
      group.lastId = e.id;
      if (noack) lastIdMoved = true;
    }
    replies.push(entryReply(node, e));
    if (!noack) {
      const created = { id: e.id, deliveryTime: now, deliveryCount: 1n, consumer };
      let nack: Nack = created;
      if (!group.addNack(created)) {
        nack = group.pel.get(e.id)!;
        group.assign(nack, consumer);
        nack.deliveryTime = now;
        nack.deliveryCount = 1n;
      }
      claimed.push(e.id);
      onClaim?.(e.id, nack);
    }
    return count === 0 || replies.length < count;
  });
  return { replies, claimed, lastIdMoved };
}

/**
 * The consumer's own pending entries with ID ≥ `start` (XREADGROUP with an ID): deleted
 * entries show as `[id, nil]`; the others count as delivered again.
 */
export function historyReplies(
  s: RedisStream,
  consumer: Consumer,
  start: StreamId,
  count: number,
  now: number,
): Reply[] {
  const out: Reply[] = [];
  const pel = consumer.pel;
  for (let i = pel.lowerBound(start); count === 0 || out.length < count; i++) {
    const nack = pel.at(i);
    if (nack === undefined) break;
    const entry = entryById(s, nack.id);
    if (entry === undefined) {
      out.push(reply.array([idReply(nack.id), reply.nilArray()]));
    } else {
      out.push(entry);
      nack.deliveryTime = now;
      nack.deliveryCount = BigInt.asUintN(64, nack.deliveryCount + 1n);
    }
  }
  return out;
}
