/**
 * rdbLoadRio: reads an RDB file (versions 1..10) into the engine, replacing its keyspace.
 *
 * The whole file is decoded and its CRC-64 checked before anything changes: a truncated,
 * corrupt or unsupported file is refused with a reason and leaves every database as it was
 * (Redis exits instead; a simulator must not lose the student's data). On success each
 * database is emptied and refilled; values get the encodings redis-server gives them on load,
 * TTLs come back as stored, and IDLE/FREQ restore the LRU/LFU fields (objectSetLRUOrLFU).
 */
import type { BinStr } from '../bytes';
import type { EntryType } from '../keyspace/entry';
import { lfuMinutes, lruClock } from '../keyspace/lfu';
import type { RedisEngine } from '../engine';
import type { CodecContext } from './codec';
import { CODEC_BY_RDB_TYPE } from './codecs';
import { crc64, matchesCrc64LE } from './crc64';
import {
  RDB_OPCODE_AUX,
  RDB_OPCODE_EOF,
  RDB_OPCODE_EXPIRETIME,
  RDB_OPCODE_EXPIRETIME_MS,
  RDB_OPCODE_FREQ,
  RDB_OPCODE_FUNCTION,
  RDB_OPCODE_FUNCTION2,
  RDB_OPCODE_IDLE,
  RDB_OPCODE_MODULE_AUX,
  RDB_OPCODE_RESIZEDB,
  RDB_OPCODE_SELECTDB,
  RDB_TYPE_MODULE,
  RDB_TYPE_MODULE_2,
  RDB_TYPE_STREAM_LISTPACKS,
  RDB_TYPE_STREAM_LISTPACKS_2,
  RDB_VERSION,
} from './format';
import { RdbError, RdbReader, corrupt } from './reader';

/** Replication info a file carries (repl-id is taken only when it is 40 characters, as Redis does). */
export interface RdbReplInfo {
  readonly replId: string;
  readonly replOffset: number;
  readonly streamDb: number;
}

export interface LoadedRdb {
  readonly ok: true;
  /** RDB format version of the file (10 for Redis 7.0). */
  readonly version: number;
  /** Every aux field as written (redis-ver, ctime, used-mem, …). */
  readonly aux: ReadonlyMap<string, BinStr>;
  readonly repl: RdbReplInfo | undefined;
  readonly keysLoaded: number;
  /** Keys dropped because their TTL had passed (never when `keepExpired`). */
  readonly keysExpired: number;
  /** Empty aggregates in the file, skipped as Redis skips them. */
  readonly emptyKeysSkipped: number;
}

export type LoadRdbResult = LoadedRdb | { readonly ok: false; readonly error: string };

export interface LoadRdbOptions {
  /**
   * Keep keys whose TTL already passed. A replica loading its primary's snapshot does (only a
   * primary drops them, `iAmMaster()` in rdbLoadRio); default false.
   */
  readonly keepExpired?: boolean;
}

interface KeyRecord {
  readonly db: number;
  readonly key: BinStr;
  readonly type: EntryType;
  readonly value: unknown;
  readonly expireAt: number;
  readonly idle: number;
  readonly freq: number;
}

interface Parsed {
  version: number;
  aux: Map<string, BinStr>;
  records: KeyRecord[];
  expired: number;
  empty: number;
}

function unsupported(what: string): never {
  throw new RdbError(`${what} cannot be loaded by this engine`);
}

interface ParseOptions {
  readonly nowMs: number;
  readonly dbCount: number;
  readonly keepExpired: boolean;
  /** Cluster mode: only database 0 may hold keys (redis-server refuses to start otherwise). */
  readonly clusterMode: boolean;
  readonly ctx: CodecContext;
}

function parse(bytes: Uint8Array, o: ParseOptions): Parsed {
  const { nowMs, dbCount, keepExpired, ctx } = o;
  const r = new RdbReader(bytes);
  const magic = String.fromCharCode(...r.take(9));
  if (!magic.startsWith('REDIS')) corrupt('Wrong signature trying to load DB from file');
  const version = /^\d{4}$/.test(magic.slice(5)) ? Number(magic.slice(5)) : 0;
  if (version < 1 || version > RDB_VERSION)
    corrupt(`Can't handle RDB format version ${magic.slice(5)}`);
  const out: Parsed = { version, aux: new Map(), records: [], expired: 0, empty: 0 };
  const seen: Array<Set<BinStr>> = [];
  let db = 0;
  let expireAt = -1;
  let idle = -1;
  let freq = -1;
  for (;;) {
    const type = r.byte();
    if (type === RDB_OPCODE_EXPIRETIME) {
      expireAt = r.seconds() * 1000;
      continue;
    }
    if (type === RDB_OPCODE_EXPIRETIME_MS) {
      expireAt = r.millis();
      continue;
    }
    if (type === RDB_OPCODE_FREQ) {
      freq = r.byte();
      continue;
    }
    if (type === RDB_OPCODE_IDLE) {
      idle = r.len();
      continue;
    }
    if (type === RDB_OPCODE_EOF) break;
    if (type === RDB_OPCODE_SELECTDB) {
      db = r.len();
      if (db >= dbCount)
        corrupt(
          `Data file was created with a Redis server configured to handle more than ${dbCount} databases`,
        );
      continue;
    }
    if (type === RDB_OPCODE_RESIZEDB) {
      r.len();
      r.len();
      continue;
    }
    if (type === RDB_OPCODE_AUX) {
      const k = r.string();
      out.aux.set(k, r.string());
      continue;
    }
    if (type === RDB_OPCODE_MODULE_AUX) unsupported('Module aux data');
    if (type === RDB_OPCODE_FUNCTION || type === RDB_OPCODE_FUNCTION2)
      unsupported('A function library');
    if (type === RDB_TYPE_MODULE || type === RDB_TYPE_MODULE_2) unsupported('A module value');
    if (type === RDB_TYPE_STREAM_LISTPACKS || type === RDB_TYPE_STREAM_LISTPACKS_2) {
      if (!CODEC_BY_RDB_TYPE.has(type)) unsupported('A stream');
    }
    const found = CODEC_BY_RDB_TYPE.get(type);
    if (found === undefined) corrupt(`Unknown RDB type or opcode ${type}`);
    const key = r.string();
    const value = found.codec.load(r, type, ctx);
    if (value === null) {
      out.empty++;
    } else if (!keepExpired && expireAt !== -1 && expireAt < nowMs) {
      out.expired++;
    } else {
      if (o.clusterMode && db !== 0) {
        corrupt("You can't have keys in a DB different than DB 0 when in Cluster mode");
      }
      const keys = (seen[db] ??= new Set());
      if (keys.has(key)) corrupt(`Duplicated key found in RDB file (db ${db})`);
      keys.add(key);
      out.records.push({ db, key, type: found.type, value, expireAt, idle, freq });
    }
    expireAt = -1;
    idle = -1;
    freq = -1;
  }
  if (version >= 5) {
    const at = r.pos;
    r.take(8);
    const stored = bytes.subarray(at, at + 8);
    if (stored.some((b) => b !== 0) && !matchesCrc64LE(crc64(bytes, 0, at), bytes, at))
      corrupt('RDB CRC error');
  }
  return out;
}

function replInfo(aux: ReadonlyMap<string, BinStr>): RdbReplInfo | undefined {
  const id = aux.get('repl-id');
  if (id === undefined || id.length !== 40) return undefined;
  return {
    replId: id,
    replOffset: Number.parseInt(aux.get('repl-offset') ?? '0', 10) || 0,
    streamDb: Number.parseInt(aux.get('repl-stream-db') ?? '0', 10) || 0,
  };
}

/** The lru field objectSetLRUOrLFU gives a loaded key, or undefined to keep the new object's. */
export function restoredLru(
  engine: RedisEngine,
  idle: number,
  freq: number,
  nowMs: number,
): number | undefined {
  if (engine.lfuPolicy) return freq >= 0 ? (lfuMinutes(nowMs) << 8) | freq : undefined;
  if (idle < 0) return undefined;
  let lru = lruClock(nowMs) - idle;
  // The 24-bit LRU clock wraps; estimateIdleMs unwraps a negative difference the same way.
  if (lru < 0) lru += 0xffffff;
  return lru;
}

/**
 * Loads `bytes` (an RDB file) into `engine`, replacing all its databases. On any error the
 * engine is untouched and the result says why.
 */
export function loadRdb(
  engine: RedisEngine,
  bytes: Uint8Array,
  opts: LoadRdbOptions = {},
): LoadRdbResult {
  const now = engine.clock.nowMs();
  let parsed: Parsed;
  try {
    parsed = parse(bytes, {
      nowMs: now,
      dbCount: engine.dbs.length,
      keepExpired: opts.keepExpired ?? false,
      clusterMode: engine.cluster !== null,
      ctx: { config: engine.config },
    });
  } catch (err) {
    if (err instanceof RdbError) return { ok: false, error: `Bad RDB file: ${err.message}` };
    throw err;
  }
  for (const db of engine.dbs) db.flush();
  for (const rec of parsed.records) {
    const db = engine.dbs[rec.db]!;
    const e = db.add(rec.key, rec.type, rec.value as never, true);
    if (rec.expireAt !== -1) db.setExpire(e, rec.expireAt);
    const lru = restoredLru(engine, rec.idle, rec.freq, now);
    if (lru !== undefined) db.restoreLru(e, lru);
  }
  const result: LoadedRdb = {
    ok: true,
    version: parsed.version,
    aux: parsed.aux,
    repl: replInfo(parsed.aux),
    keysLoaded: parsed.records.length,
    keysExpired: parsed.expired,
    emptyKeysSkipped: parsed.empty,
  };
  engine.persistence.loaded(result);
  return result;
}
