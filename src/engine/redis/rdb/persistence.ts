/**
 * Where SAVE and BGSAVE put the snapshot, and the persistence state INFO and LASTSAVE report.
 * The engine stays pure: it produces the RDB bytes and hands them to an injected sink (the TCP
 * server writes `dir/dbfilename`; the simulator keeps them as a backup). Without a sink a save
 * fails as a failed disk write does in Redis.
 */
import type { RedisEngine } from '../engine';
import type { LoadedRdb } from './load';
import type { ReplSaveInfo } from './save';
import { saveRdb } from './save';

export interface PersistenceSink {
  /** Stores a complete RDB file; throws when it cannot (the save then fails). */
  write(bytes: Uint8Array): void;
}

export class Persistence {
  /** Where snapshots go; undefined = nowhere (SAVE answers ERR). */
  sink: PersistenceSink | undefined = undefined;
  /**
   * Replication info for snapshots (rdbPopulateSaveInfo): the replication layer sets this while
   * the engine has a backlog or a primary, so SAVE writes repl-id / repl-offset aux fields.
   */
  replInfo: (() => ReplSaveInfo | undefined) | undefined = undefined;
  /** server.lastsave: engine-clock ms of the last successful save (startup counts as one). */
  lastSaveMs: number;
  /** INFO rdb_saves: SAVE and BGSAVE runs. */
  saves = 0;
  /** INFO rdb_last_bgsave_status. */
  lastBgsaveOk = true;
  /** BGSAVE inside MULTI is only scheduled; the next engine.tick() runs it (serverCron). */
  bgsaveScheduled = false;
  /** INFO rdb_last_load_keys_loaded / rdb_last_load_keys_expired. */
  lastLoadKeysLoaded = 0;
  lastLoadKeysExpired = 0;

  constructor(startedAtMs: number) {
    this.lastSaveMs = startedAtMs;
  }

  /** rdbSave: snapshots `engine` into the sink; false when there is none or it failed. */
  save(engine: RedisEngine): boolean {
    if (this.sink === undefined) return false;
    const repl = this.replInfo?.();
    const bytes = saveRdb(engine, repl === undefined ? {} : { repl });
    try {
      this.sink.write(bytes);
    } catch {
      // The sink could not store it (a disk error, in Redis's terms): the save failed.
      return false;
    }
    this.lastSaveMs = engine.clock.nowMs();
    this.lastBgsaveOk = true;
    return true;
  }

  /** BGSAVE: here the "child" finishes at once; the outcome goes to rdb_last_bgsave_status. */
  backgroundSave(engine: RedisEngine): void {
    this.bgsaveScheduled = false;
    this.saves++;
    this.lastBgsaveOk = this.save(engine);
  }

  /** serverCron's part: runs a BGSAVE that was scheduled inside MULTI. */
  cron(engine: RedisEngine): void {
    if (this.bgsaveScheduled) this.backgroundSave(engine);
  }

  /** Records a successful load (loadRdb calls this). */
  loaded(result: LoadedRdb): void {
    this.lastLoadKeysLoaded = result.keysLoaded;
    this.lastLoadKeysExpired = result.keysExpired;
  }
}
