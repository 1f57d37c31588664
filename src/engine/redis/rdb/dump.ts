/**
 * DUMP payloads (cluster.c createDumpPayload / verifyDumpPayload): one value serialised as in
 * an RDB file, without the key, followed by a 2-byte RDB version and a CRC-64 of everything
 * before the CRC, both little-endian:
 *
 *   <object type> <value> <version u16 LE = 10> <crc64 LE>
 *
 * RESTORE, MIGRATE and the cluster's slot moves carry values in this form.
 */
import type { BinStr } from '../bytes';
import { binToBytes } from '../bytes';
import type { Entry, EntryPayloads, EntryType } from '../keyspace/entry';
import type { RedisConfig } from '../server/config';
import type { TypeCodec } from './codec';
import { CODECS, CODEC_BY_RDB_TYPE } from './codecs';
import { crc64, matchesCrc64LE, writeCrc64LE } from './crc64';
import { RDB_VERSION, isObjectType } from './format';
import { RdbError, RdbReader, bytesToBinStr } from './reader';
import { RdbWriter } from './writer';

export const DUMP_VERSION_OR_CHECKSUM = 'ERR DUMP payload version or checksum are wrong';
export const BAD_DATA_FORMAT = 'ERR Bad data format';

/** A value decoded from a DUMP payload, ready for `db.add(key, type, value)`. */
export type RestoredValue = {
  [T in EntryType]: { readonly type: T; readonly value: EntryPayloads[T] };
}[EntryType];

export type RestoreValueResult =
  | ({ readonly ok: true } & RestoredValue)
  | {
      readonly ok: false;
      readonly error: typeof DUMP_VERSION_OR_CHECKSUM | typeof BAD_DATA_FORMAT;
    };

/**
 * The DUMP payload of `entry`'s value (what DUMP replies), as a byte string. `config` is the
 * dumping server's (list-max-listpack-size decides how a list's nodes are cut).
 */
export function dumpValue(entry: Entry, config: Readonly<RedisConfig>): BinStr {
  const w = new RdbWriter(256);
  const codec = CODECS[entry.type] as TypeCodec<EntryType>;
  w.byte(codec.rdbType(entry.value));
  codec.save(w, entry.value, { config });
  w.byte(RDB_VERSION & 0xff);
  w.byte((RDB_VERSION >> 8) & 0xff);
  const crc = crc64(w.buf, 0, w.pos);
  w.bytes(new Uint8Array(8));
  writeCrc64LE(crc, w.buf, w.pos - 8);
  return bytesToBinStr(w.buf, 0, w.pos);
}

/** verifyDumpPayload: at least version + CRC, a version this server reads, a matching CRC. */
function verifyPayload(p: Uint8Array): boolean {
  if (p.length < 10) return false;
  const footer = p.length - 10;
  const version = p[footer]! | (p[footer + 1]! << 8);
  if (version > RDB_VERSION) return false;
  return matchesCrc64LE(crc64(p, 0, p.length - 8), p, p.length - 8);
}

/**
 * Decodes a DUMP payload (RESTORE's checks, in its order): a wrong version or CRC gives
 * "DUMP payload version or checksum are wrong", anything undecodable "Bad data format".
 * `config` supplies the receiving server's encoding thresholds.
 */
export function restoreValue(
  payload: BinStr | Uint8Array,
  config: Readonly<RedisConfig>,
): RestoreValueResult {
  const p = typeof payload === 'string' ? binToBytes(payload) : payload;
  if (!verifyPayload(p)) return { ok: false, error: DUMP_VERSION_OR_CHECKSUM };
  // RESTORE reads the value from the whole buffer (footer included) and ignores what is left.
  const r = new RdbReader(p);
  try {
    const type = r.byte();
    const found = isObjectType(type) ? CODEC_BY_RDB_TYPE.get(type) : undefined;
    if (found === undefined) return { ok: false, error: BAD_DATA_FORMAT };
    const value = found.codec.load(r, type, { config });
    if (value === null) return { ok: false, error: BAD_DATA_FORMAT };
    return { ok: true, type: found.type, value } as RestoreValueResult;
  } catch (err) {
    if (err instanceof RdbError) return { ok: false, error: BAD_DATA_FORMAT };
    throw err;
  }
}
