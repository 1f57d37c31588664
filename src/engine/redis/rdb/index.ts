/**
 * RDB snapshots (version 10, Redis 7.0) and DUMP payloads: the engine's keyspace as the bytes
 * redis-server writes, and back. See ../README.md ("Snapshots") for the contract.
 */
export { saveRdb, REDIS_VERSION } from './save';
export type { SaveRdbOptions, ReplSaveInfo } from './save';
export { loadRdb } from './load';
export type { LoadRdbOptions, LoadRdbResult, LoadedRdb, RdbReplInfo } from './load';
export { dumpValue, restoreValue, DUMP_VERSION_OR_CHECKSUM, BAD_DATA_FORMAT } from './dump';
export type { RestoredValue, RestoreValueResult } from './dump';
export { Persistence } from './persistence';
export type { PersistenceSink } from './persistence';
export { crc64, crc64Hex } from './crc64';
export type { Crc64 } from './crc64';
export { lzfCompress, lzfDecompress } from './lzf';
export type { TypeCodec, CodecContext, CodecTable } from './codec';
