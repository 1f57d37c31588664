/**
 * Typed keyspace access for the aggregate families: Redis's lookupKeyRead/Write + checkType.
 * Each helper returns the value, `null` when the key is missing, or the WRONGTYPE error.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import type { Entry, EntryPayloads } from '../keyspace/entry';
import { reply, type ErrorReply } from '../reply';
import type { RedisHash } from './hash-value';
import type { RedisList } from './list-value';
import type { RedisSet } from './set-value';
import type { RedisZset } from './zset-value';
import type { RedisStream } from './stream-value';

declare module '../keyspace/entry' {
  interface EntryPayloads {
    hash: RedisHash;
    list: RedisList;
    set: RedisSet;
    zset: RedisZset;
    stream: RedisStream;
  }
}

export type AggregateType = 'hash' | 'list' | 'set' | 'zset' | 'stream';

export function isErrorReply(x: unknown): x is ErrorReply {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'error';
}

/** lookupKeyRead + checkType (counts a keyspace hit or miss). */
export function readAs<T extends AggregateType>(
  c: Client,
  key: BinStr,
  type: T,
): EntryPayloads[T] | null | ErrorReply {
  const e = c.db.lookupRead(key);
  if (e === undefined) return null;
  if (e.type !== type) return reply.wrongType();
  return e.value as EntryPayloads[T];
}

export interface Writable<T extends AggregateType> {
  readonly entry: Entry;
  readonly value: EntryPayloads[T];
}

/** lookupKeyWrite + checkType. Call `c.db.afterWrite(entry)` after mutating the value. */
export function writeAs<T extends AggregateType>(
  c: Client,
  key: BinStr,
  type: T,
): Writable<T> | null | ErrorReply {
  const e = c.db.lookupWrite(key);
  if (e === undefined) return null;
  if (e.type !== type) return reply.wrongType();
  return { entry: e, value: e.value as EntryPayloads[T] };
}

/** Like {@link writeAs} but creates an empty value when the key is missing (…LookupWriteOrCreate). */
export function writeOrCreate<T extends AggregateType>(
  c: Client,
  key: BinStr,
  type: T,
  make: () => EntryPayloads[T],
): Writable<T> | ErrorReply {
  const found = writeAs(c, key, type);
  if (found !== null) return found;
  const value = make();
  return { entry: c.db.add(key, type, value), value };
}
