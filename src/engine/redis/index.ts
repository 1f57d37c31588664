/**
 * The Redis/Valkey-compatible engine: pure TypeScript, DOM-free, deterministic (injected clock
 * and seeded RNG). One engine serves the browser console, the RESP TCP server and the tests.
 *
 *   const engine = createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });
 *   const conn = engine.connect({ onPush: (msg) => … });   // pub/sub messages, unblocked BLPOP
 *   conn.exec(['SET', 'k', 'v', 'PX', '100']);              // → Reply (typed RESP value)
 *   engine.observe((o) => …);                               // one record per command
 *   engine.activeExpireCycle();                             // the clock owner calls this at hz
 *
 * Adding a command family (see README.md in this folder for the full contract):
 *   1. commands/<family>/<name>.ts: `export const hget = defineCommand({ name, arity, flags,
 *      keys, group, syntax, summary, run: (c, argv) => Reply })`; argv[0] is the command name.
 *   2. Values: declare the payload type by augmenting `EntryPayloads` in keyspace/entry.ts;
 *      it must implement StructureValue (encoding, size, memoryBytes).
 *   3. Read with `c.db.lookupRead(key)` / `lookupWrite(key)`, create with `c.db.add(key, type,
 *      value)`, and after an in-place mutation call `c.db.afterWrite(entry, NC.X, 'event')`;
 *      fire keyspace notifications as README.md says.
 *   4. Parse arguments with ./args (exact Redis error strings), reply with ./reply.
 *   5. Add one line in commands/index.ts.
 */
export type { BinStr } from './bytes';
export { textToBin, binToText, bytesToBin, binToBytes, eqi } from './bytes';
export type { Reply, ErrorReply } from './reply';
export { reply, isError, WRONGTYPE_MESSAGE } from './reply';
export type {
  Argv,
  CommandDef,
  Command,
  CommandFlag,
  CommandGroup,
  KeySpec,
  CommandTable,
} from './command';
export { defineCommand, buildTable, NO_KEYS, ONE_KEY, commandKeys, keysOf } from './command';
export { numkeysKeys, storeOptionKeys, migrateKeys } from './key-positions';
export { parseInt64, parseInt64Exact, parseDouble, formatDouble } from './args';
export { globMatch } from './glob';
export type { Entry, EntryType, EntryPayloads, StructureValue } from './keyspace/entry';
export type { Db } from './keyspace/db';
export { LOOKUP_NOTOUCH, LOOKUP_NOSTATS, LOOKUP_NONOTIFY } from './keyspace/db';
export { jemallocSize } from './keyspace/memory';
export { Client } from './client';
export type { PushListener } from './client';
export { RedisEngine, createRedisEngine } from './engine';
export type { RedisEngineOptions, ServerStats } from './engine';
export type { RedisConfig, MaxmemoryPolicy } from './server/config';
export { MAXMEMORY_POLICIES } from './server/config';
export { NC, parseKeyspaceEvents, keyspaceEventsToString } from './server/notify';
export type { KeyspaceEventName, KeyspaceListener, NotifyClass } from './server/notify';
export type { EngineProfile } from './server/profile';
export { ELASTICACHE_RESTRICTED } from './server/profile';
export type { CommandObservation, ObservationListener } from './server/observe';
export { saveRdb, loadRdb, dumpValue, restoreValue, REDIS_VERSION } from './rdb';
export type {
  SaveRdbOptions,
  ReplSaveInfo,
  LoadRdbOptions,
  LoadRdbResult,
  LoadedRdb,
  RdbReplInfo,
  RestoredValue,
  RestoreValueResult,
  PersistenceSink,
  Persistence,
} from './rdb';
export { RespParser, RespReader, encodeReply, encodeCommand, splitArgs } from './resp';
export { Replication, nextStreamCommand, MIN_BACKLOG_SIZE } from './replication';
export type {
  AttachOptions,
  PsyncAnswer,
  ReplicaHandle,
  MasterLinkTransport,
  PsyncRequest,
  LinkState,
} from './replication';
export type { ParseItem } from './resp';
export {
  formatReply,
  formatCliReply,
  formatCommandReply,
  quoteBytes,
  commandHelp,
  commandHelpList,
  completeCommand,
  parseConsoleLine,
} from './console';
export type { CommandHelp } from './console';
export type {
  RedisCluster,
  RedisClusterOptions,
  ClusterNodeOptions,
  BusTransport,
  SlotRange,
  MoveSlotResult,
} from './cluster';
export {
  createRedisCluster,
  ClusterBus,
  ClusterState,
  ClusterNode,
  meet,
  slotMap,
  moveSlot,
} from './cluster';
