/**
 * RDB format constants (redis 7.0 rdb.h), in our own words. An RDB file is
 * "REDIS" + 4-digit version, then opcodes and key/value records, then EOF and a CRC-64.
 */

/** The version redis-server 7.0 writes (and the newest it reads). */
export const RDB_VERSION = 10;

// Object types: the byte before a key, or the first byte of a DUMP payload.
export const RDB_TYPE_STRING = 0;
export const RDB_TYPE_LIST = 1;
export const RDB_TYPE_SET = 2;
export const RDB_TYPE_ZSET = 3;
export const RDB_TYPE_HASH = 4;
/** Sorted set with scores as binary doubles (the skiplist encoding's form since RDB 8). */
export const RDB_TYPE_ZSET_2 = 5;
export const RDB_TYPE_MODULE = 6;
export const RDB_TYPE_MODULE_2 = 7;
export const RDB_TYPE_HASH_ZIPMAP = 9;
export const RDB_TYPE_LIST_ZIPLIST = 10;
export const RDB_TYPE_SET_INTSET = 11;
export const RDB_TYPE_ZSET_ZIPLIST = 12;
export const RDB_TYPE_HASH_ZIPLIST = 13;
export const RDB_TYPE_LIST_QUICKLIST = 14;
export const RDB_TYPE_STREAM_LISTPACKS = 15;
export const RDB_TYPE_HASH_LISTPACK = 16;
export const RDB_TYPE_ZSET_LISTPACK = 17;
/** Quicklist whose nodes are listpacks, each prefixed by its container kind (7.0). */
export const RDB_TYPE_LIST_QUICKLIST_2 = 18;
export const RDB_TYPE_STREAM_LISTPACKS_2 = 19;

/** rdbIsObjectType: 0..7 and 9..19. */
export function isObjectType(t: number): boolean {
  return (t >= 0 && t <= 7) || (t >= 9 && t <= 19);
}

// Opcodes between records.
export const RDB_OPCODE_FUNCTION2 = 245;
export const RDB_OPCODE_FUNCTION = 246;
export const RDB_OPCODE_MODULE_AUX = 247;
export const RDB_OPCODE_IDLE = 248;
export const RDB_OPCODE_FREQ = 249;
export const RDB_OPCODE_AUX = 250;
export const RDB_OPCODE_RESIZEDB = 251;
export const RDB_OPCODE_EXPIRETIME_MS = 252;
export const RDB_OPCODE_EXPIRETIME = 253;
export const RDB_OPCODE_SELECTDB = 254;
export const RDB_OPCODE_EOF = 255;

// Special string encodings (a length byte 11xxxxxx).
export const RDB_ENC_INT8 = 0;
export const RDB_ENC_INT16 = 1;
export const RDB_ENC_INT32 = 2;
export const RDB_ENC_LZF = 3;

/** quicklist node containers in RDB_TYPE_LIST_QUICKLIST_2. */
export const QUICKLIST_NODE_CONTAINER_PLAIN = 1;
export const QUICKLIST_NODE_CONTAINER_PACKED = 2;
