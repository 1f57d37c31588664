/**
 * One codec per keyspace type: how its value is written for its current encoding
 * (rdbSaveObjectType + rdbSaveObject) and read back from any RDB object type Redis 7.0 loads
 * for it (rdbLoadObject), building the engine's own structure so it reports the encoding
 * redis-server would report after loading the same bytes.
 *
 * The table in codecs/index.ts is typed over every EntryType, so adding a type to
 * `EntryPayloads` does not compile until its codec is registered there.
 */
import type { EntryPayloads, EntryType } from '../keyspace/entry';
import type { RedisConfig } from '../server/config';
import type { RdbReader } from './reader';
import type { RdbWriter } from './writer';

/**
 * What a codec may consult: the server's configuration (encoding thresholds on load, the list
 * node fill on save).
 */
export interface CodecContext {
  readonly config: Readonly<RedisConfig>;
}

export interface TypeCodec<T extends EntryType> {
  /** The RDB object types this codec reads. */
  readonly rdbTypes: readonly number[];
  /** The RDB object type `value` is saved as in its current encoding. */
  rdbType(value: EntryPayloads[T]): number;
  /** Writes the value (after the type byte and the key, which the caller writes). */
  save(w: RdbWriter, value: EntryPayloads[T], ctx: CodecContext): void;
  /**
   * Reads a value saved as `rdbType`. Returns null for an empty aggregate (Redis skips such
   * keys when loading a file and refuses them in RESTORE). Throws RdbError on bad data.
   */
  load(r: RdbReader, rdbType: number, ctx: CodecContext): EntryPayloads[T] | null;
}

export type CodecTable = { readonly [T in EntryType]: TypeCodec<T> };
