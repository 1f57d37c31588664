/**
 * Keyspace notifications (redis notify.c): the event classes of `notify-keyspace-events`, their
 * text form, and the publish step onto `__keyspace@<db>__:<key>` / `__keyevent@<db>__:<event>`.
 *
 * Handlers never call this file: they call `c.db.notify(NC.STRING, 'set', key)` (keyspace/db.ts),
 * which is one bit test when nothing listens, so the hot path pays nothing.
 */
import type { BinStr } from '../bytes';

/** Event classes, as redis server.h's NOTIFY_* bits (the letters in notify-keyspace-events). */
export const NC = {
  /** K: publish on __keyspace@<db>__:<key> */
  KEYSPACE: 1 << 0,
  /** E: publish on __keyevent@<db>__:<event> */
  KEYEVENT: 1 << 1,
  /** g: DEL, EXPIRE, RENAME… */
  GENERIC: 1 << 2,
  /** $ */
  STRING: 1 << 3,
  /** l */
  LIST: 1 << 4,
  /** s */
  SET: 1 << 5,
  /** h */
  HASH: 1 << 6,
  /** z */
  ZSET: 1 << 7,
  /** x: a key expired (lazily or by the active cycle) */
  EXPIRED: 1 << 8,
  /** e: a key was evicted for maxmemory */
  EVICTED: 1 << 9,
  /** t */
  STREAM: 1 << 10,
  /** m: a read found no key (not part of A) */
  KEY_MISS: 1 << 11,
  /** d: module events (no modules here; accepted and echoed as redis does) */
  MODULE: 1 << 13,
  /** n: a key was created (not part of A) */
  NEW: 1 << 14,
} as const;

export type NotifyClass = (typeof NC)[keyof typeof NC];

/** A = g$lshzxetd (redis NOTIFY_ALL: m and n are left out on purpose). */
export const NC_ALL =
  NC.GENERIC |
  NC.STRING |
  NC.LIST |
  NC.SET |
  NC.HASH |
  NC.ZSET |
  NC.EXPIRED |
  NC.EVICTED |
  NC.STREAM |
  NC.MODULE;

/** Every event name redis-server 7.0 publishes (the `event` of notifyKeyspaceEvent). */
export type KeyspaceEventName =
  // generic
  | 'del'
  | 'expire'
  | 'persist'
  | 'rename_from'
  | 'rename_to'
  | 'move_from'
  | 'move_to'
  | 'copy_to'
  | 'restore'
  | 'expired'
  | 'evicted'
  | 'new'
  | 'keymiss'
  // strings
  | 'set'
  | 'setrange'
  | 'incrby'
  | 'incrbyfloat'
  | 'append'
  | 'setbit'
  | 'pfadd'
  // lists
  | 'lpush'
  | 'rpush'
  | 'lpop'
  | 'rpop'
  | 'linsert'
  | 'lset'
  | 'lrem'
  | 'ltrim'
  | 'sortstore'
  // sets
  | 'sadd'
  | 'srem'
  | 'spop'
  | 'sinterstore'
  | 'sunionstore'
  | 'sdiffstore'
  // hashes
  | 'hset'
  | 'hincrby'
  | 'hincrbyfloat'
  | 'hdel'
  // sorted sets and geo
  | 'zadd'
  | 'zincr'
  | 'zrem'
  | 'zremrangebyrank'
  | 'zremrangebyscore'
  | 'zremrangebylex'
  | 'zpopmin'
  | 'zpopmax'
  | 'zunionstore'
  | 'zinterstore'
  | 'zdiffstore'
  | 'zrangestore'
  | 'georadiusstore'
  | 'geosearchstore'
  // streams
  | 'xadd'
  | 'xtrim'
  | 'xdel'
  | 'xsetid'
  | 'xgroup-create'
  | 'xgroup-createconsumer'
  | 'xgroup-setid'
  | 'xgroup-destroy'
  | 'xgroup-delconsumer';

/** An engine-level listener (the simulator's hook): no pub/sub, no config needed. */
export type KeyspaceListener = (
  event: KeyspaceEventName,
  key: BinStr,
  db: number,
  cls: NotifyClass,
) => void;

const LETTERS: ReadonlyArray<readonly [string, number]> = [
  ['A', NC_ALL],
  ['g', NC.GENERIC],
  ['$', NC.STRING],
  ['l', NC.LIST],
  ['s', NC.SET],
  ['h', NC.HASH],
  ['z', NC.ZSET],
  ['x', NC.EXPIRED],
  ['e', NC.EVICTED],
  ['K', NC.KEYSPACE],
  ['E', NC.KEYEVENT],
  ['t', NC.STREAM],
  ['m', NC.KEY_MISS],
  ['d', NC.MODULE],
  ['n', NC.NEW],
];
const BY_LETTER = new Map(LETTERS);

/** keyspaceEventsStringToFlags: the class bits of `classes`, or null for an unknown letter. */
export function parseKeyspaceEvents(classes: string): number | null {
  let flags = 0;
  for (const ch of classes) {
    if (ch === '\0') break; // a C string: redis stops at the first NUL
    const bit = BY_LETTER.get(ch);
    if (bit === undefined) return null;
    flags |= bit;
  }
  return flags;
}

/** keyspaceEventsFlagsToString: CONFIG GET's canonical text (A first, then K, E, m). */
export function keyspaceEventsToString(flags: number): string {
  let s = '';
  if ((flags & NC_ALL) === NC_ALL) s += 'A';
  else {
    for (const [letter, bit] of LETTERS) {
      if (bit === NC_ALL || bit === NC.KEYSPACE || bit === NC.KEYEVENT || bit === NC.KEY_MISS)
        continue;
      if (flags & bit) s += letter;
    }
  }
  if (flags & NC.KEYSPACE) s += 'K';
  if (flags & NC.KEYEVENT) s += 'E';
  if (flags & NC.KEY_MISS) s += 'm';
  return s;
}

/** The bits a Db must see set before it bothers the engine: configured classes (only when K or E
 *  would publish them) plus the engine-level listener's classes. */
export function notifyMask(configured: number, listenerClasses: number): number {
  const published =
    (configured & (NC.KEYSPACE | NC.KEYEVENT)) !== 0
      ? configured & ~(NC.KEYSPACE | NC.KEYEVENT)
      : 0;
  return published | listenerClasses;
}

/** Where notifyKeyspaceEvent publishes: pub/sub's publish, as PUBLISH would deliver. */
export interface NotifySink {
  publish(channel: BinStr, message: BinStr): number;
}

/**
 * notifyKeyspaceEvent after the class check: the keyspace channel (K) first, then the
 * keyevent channel (E), each delivered to channel and pattern subscribers.
 */
export function publishKeyspaceEvent(
  sink: NotifySink,
  configured: number,
  cls: number,
  event: string,
  key: BinStr,
  db: number,
): void {
  if ((configured & cls) === 0) return;
  if (configured & NC.KEYSPACE) sink.publish(`__keyspace@${db}__:${key}`, event);
  if (configured & NC.KEYEVENT) sink.publish(`__keyevent@${db}__:${event}`, key);
}

/**
 * The engine's notification state: notify-keyspace-events' bits and the engine-level listener.
 * `configure` and `listen` return the new mask the Db reads (KeyspaceHost.notifyMask).
 */
export class KeyspaceNotifier {
  private flags = 0;
  private listener: KeyspaceListener | undefined;
  private listenerClasses = 0;

  configure(flags: number): number {
    this.flags = flags;
    return notifyMask(this.flags, this.listenerClasses);
  }

  listen(classes: string, listener: KeyspaceListener | undefined): number {
    const bits = parseKeyspaceEvents(classes);
    if (bits === null) throw new Error(`unknown keyspace event class in '${classes}'`);
    this.listener = listener;
    this.listenerClasses = listener === undefined ? 0 : bits & ~(NC.KEYSPACE | NC.KEYEVENT);
    return notifyMask(this.flags, this.listenerClasses);
  }

  emit(sink: NotifySink, cls: number, event: KeyspaceEventName, key: BinStr, db: number): void {
    if ((this.listenerClasses & cls) !== 0) this.listener!(event, key, db, cls as NotifyClass);
    publishKeyspaceEvent(sink, this.flags, cls, event, key, db);
  }
}
