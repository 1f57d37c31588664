/**
 * rdbSaveRio: the whole keyspace as an RDB version 10 file, as redis-server 7.0 writes it.
 *
 *   "REDIS0010"
 *   AUX redis-ver 7.0.15, redis-bits 64, ctime, used-mem, [repl-stream-db, repl-id,
 *       repl-offset when replication info is given], aof-base 0
 *   per non-empty database: SELECTDB n, RESIZEDB keys expires, then per key
 *       [EXPIRETIME_MS t] [IDLE s under an LRU policy | FREQ f under an LFU policy]
 *       <object type> <key> <value>
 *   EOF, CRC-64 (little-endian) of everything before it
 *
 * Keys whose TTL has passed but that were not reclaimed yet are written too, as Redis does;
 * a primary loading the file drops them.
 */
import type { Entry, EntryType } from '../keyspace/entry';
import { asEntry } from '../keyspace/entry';
import { estimateIdleMs, lfuDecrAndReturn } from '../keyspace/lfu';
import type { RedisEngine } from '../engine';
import type { CodecContext, TypeCodec } from './codec';
import { CODECS } from './codecs';
import { crc64, writeCrc64LE } from './crc64';
import {
  RDB_OPCODE_AUX,
  RDB_OPCODE_EOF,
  RDB_OPCODE_EXPIRETIME_MS,
  RDB_OPCODE_FREQ,
  RDB_OPCODE_IDLE,
  RDB_OPCODE_RESIZEDB,
  RDB_OPCODE_SELECTDB,
  RDB_VERSION,
} from './format';
import { RdbWriter } from './writer';

/** The version string redis-server 7.0.15 puts in `redis-ver` (and INFO reports). */
export const REDIS_VERSION = '7.0.15';

/** Replication state written as aux fields (rdbPopulateSaveInfo; only with a backlog). */
export interface ReplSaveInfo {
  /** The 40-hex-char replication ID (master_replid). */
  readonly replId: string;
  /** master_repl_offset at the time of the snapshot. */
  readonly replOffset: number;
  /** The database the replication stream last selected (0 if none). */
  readonly streamDb?: number;
}

export interface SaveRdbOptions {
  /** Adds repl-stream-db / repl-id / repl-offset, as a primary with a backlog (or a replica) does. */
  readonly repl?: ReplSaveInfo;
  /** REPLCONF rdb-filter-only (SLAVE_REQ_RDB_EXCLUDE_DATA): the aux fields, no database. */
  readonly excludeData?: boolean;
  /** rdbcompression: LZF for strings over 20 bytes (default true, as redis.conf). */
  readonly compress?: boolean;
  /**
   * Writes the file as if the engine's clock read `asOfMs`: ctime and every key's absolute
   * expiry move by the same amount, so each key keeps the time to live it has now. For a file
   * taken from a simulated clock and loaded by a server on the real one (a key past its expiry
   * is dropped at load, as redis-server does). Relative fields (idle time, LFU) do not change.
   */
  readonly asOfMs?: number;
}

function aux(w: RdbWriter, key: string, value: string): void {
  w.byte(RDB_OPCODE_AUX);
  w.string(key);
  w.string(value);
}

/** Writes one value record's type byte, key and value (rdbSaveObjectType, key, rdbSaveObject). */
function writeObject(w: RdbWriter, e: Entry, ctx: CodecContext): void {
  const codec = CODECS[e.type] as TypeCodec<EntryType>;
  w.byte(codec.rdbType(e.value));
  w.string(e.key);
  codec.save(w, e.value, ctx);
}

/** Serialises `engine`'s keyspace as an RDB v10 file. Pure: reads the engine, changes nothing. */
export function saveRdb(engine: RedisEngine, opts: SaveRdbOptions = {}): Uint8Array {
  const now = engine.clock.nowMs();
  const shift = opts.asOfMs === undefined ? 0 : opts.asOfMs - now;
  const w = new RdbWriter(1 << 16, opts.compress ?? true);
  w.bin(`REDIS${String(RDB_VERSION).padStart(4, '0')}`);
  aux(w, 'redis-ver', REDIS_VERSION);
  aux(w, 'redis-bits', '64');
  aux(w, 'ctime', String(Math.floor((now + shift) / 1000)));
  aux(w, 'used-mem', String(engine.usedMemory()));
  if (opts.repl !== undefined) {
    aux(w, 'repl-stream-db', String(opts.repl.streamDb ?? 0));
    aux(w, 'repl-id', opts.repl.replId);
    aux(w, 'repl-offset', String(opts.repl.replOffset));
  }
  aux(w, 'aof-base', '0');
  const policy = engine.config['maxmemory-policy'];
  const saveLru = policy.endsWith('-lru');
  const saveLfu = policy.endsWith('-lfu');
  const decay = engine.config['lfu-decay-time'];
  const ctx: CodecContext = { config: engine.config };
  for (const db of engine.dbs) {
    if (db.size === 0 || opts.excludeData === true) continue;
    w.byte(RDB_OPCODE_SELECTDB);
    w.len(db.id);
    w.byte(RDB_OPCODE_RESIZEDB);
    w.len(db.size);
    w.len(db.volatileCount);
    db.forEach((ke) => {
      const e = asEntry(ke);
      if (e.expireAt !== -1) {
        w.byte(RDB_OPCODE_EXPIRETIME_MS);
        w.millis(e.expireAt + shift);
      }
      if (saveLru) {
        w.byte(RDB_OPCODE_IDLE);
        w.len(Math.floor(estimateIdleMs(db.lruOf(e), now) / 1000));
      } else if (saveLfu) {
        w.byte(RDB_OPCODE_FREQ);
        w.byte(lfuDecrAndReturn(db.lruOf(e), now, decay));
      }
      writeObject(w, e, ctx);
    });
  }
  w.byte(RDB_OPCODE_EOF);
  const crc = crc64(w.buf, 0, w.pos);
  w.bytes(new Uint8Array(8));
  writeCrc64LE(crc, w.buf, w.pos - 8);
  return w.finish();
}
