/**
 * MIGRATE and RESTORE-ASKING (cluster.c 7.0 migrateCommand): keys move to another server as
 * DUMP payloads inside RESTORE commands (RESTORE-ASKING in cluster mode, so a node importing
 * the slot accepts them), over a cached connection that remembers its selected database.
 * Servers are in-process engines found by host:port through the engine's `resolvePeer` (in a
 * cluster: the members of its bus). The target runs the commands through its own dispatcher,
 * so AUTH, SELECT, BUSYKEY, MOVED… come back as "Target instance replied with error: …".
 */
import { parseInt64 } from '../args';
import type { BinStr } from '../bytes';
import { eqi } from '../bytes';
import type { Client } from '../client';
import type { Argv, CommandDef } from '../command';
import { defineCommand } from '../command';
import type { RedisEngine } from '../engine';
import type { Entry } from '../keyspace/entry';
import { migrateKeys } from '../key-positions';
import { dumpValue } from '../rdb/dump';
import { reply } from '../reply';
import { NC } from '../server/notify';
import type { Reply } from '../reply';
import { restoreCommand } from '../commands/keys/dump';

/** Cached connections are closed after 10 s unused (MIGRATE_SOCKET_CACHE_TTL); at most 64. */
const SOCKET_TTL_MS = 10_000;
const SOCKET_CACHE_ITEMS = 64;

interface CachedSocket {
  readonly target: RedisEngine;
  readonly client: Client;
  lastDbid: number;
  lastUse: number;
}

const sockets = new WeakMap<RedisEngine, Map<string, CachedSocket>>();

function socketsOf(engine: RedisEngine): Map<string, CachedSocket> {
  let m = sockets.get(engine);
  if (m === undefined) sockets.set(engine, (m = new Map()));
  return m;
}

/** migrateCloseTimedoutSockets: run from the engine's cron. */
export function closeIdleMigrateSockets(engine: RedisEngine): void {
  const m = sockets.get(engine);
  if (m === undefined || m.size === 0) return;
  const now = engine.clock.nowMs();
  for (const [name, s] of m) {
    if (now - s.lastUse > SOCKET_TTL_MS) {
      s.client.close();
      m.delete(name);
    }
  }
}

const CONNECT_ERROR = reply.error('IOERR error or timeout connecting to the client');
const WRITE_ERROR = reply.error('IOERR error or timeout writing to target instance');
const READ_ERROR = reply.error('IOERR error or timeout reading to target instance');

/**
 * Nobody listens at host:port. Redis's non-blocking connect to an address "succeeds" and the
 * write then fails (refused), twice (one retry): "writing". Only a host name that does not
 * resolve fails the connect itself: "connecting".
 */
function unreachable(host: BinStr): Reply {
  const ip = host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
  return ip ? WRITE_ERROR : CONNECT_ERROR;
}

/** migrateGetSocket: the cached connection to host:port, or a new one. */
function getSocket(c: Client, host: BinStr, port: BinStr): CachedSocket | undefined {
  const engine = c.engine;
  const cache = socketsOf(engine);
  const name = `${host}:${port}`;
  const now = engine.clock.nowMs();
  const cached = cache.get(name);
  if (cached !== undefined && !cached.client.closed) {
    cached.lastUse = now;
    return cached;
  }
  const target = engine.resolvePeer(host, Number.parseInt(port, 10));
  if (target === undefined) return undefined;
  if (cache.size >= SOCKET_CACHE_ITEMS) {
    const names = [...cache.keys()];
    const drop = names[engine.rng.int(names.length)]!;
    cache.get(drop)!.client.close();
    cache.delete(drop);
  }
  const client = target.connect({ name: '' });
  client.addr = `${engine.cluster?.myself.ip ?? '127.0.0.1'}:${engine.tcpPort}`;
  const s: CachedSocket = { target, client, lastDbid: -1, lastUse: now };
  cache.set(name, s);
  return s;
}

interface MigrateOptions {
  copy: boolean;
  replace: boolean;
  user?: BinStr;
  password?: BinStr;
  keys: BinStr[];
}

function parseOptions(argv: Argv): MigrateOptions | Reply {
  const o: MigrateOptions = { copy: false, replace: false, keys: [argv[3]!] };
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const a = argv[j]!;
    if (eqi(a, 'copy')) o.copy = true;
    else if (eqi(a, 'replace')) o.replace = true;
    else if (eqi(a, 'auth')) {
      if (more === 0) return reply.syntax();
      o.password = argv[++j]!;
    } else if (eqi(a, 'auth2')) {
      if (more < 2) return reply.syntax();
      o.user = argv[++j]!;
      o.password = argv[++j]!;
    } else if (eqi(a, 'keys')) {
      if (argv[3]!.length !== 0) {
        return reply.error(
          'ERR When using MIGRATE KEYS option, the key argument must be set to the empty string',
        );
      }
      o.keys = argv.slice(j + 1);
      break;
    } else return reply.syntax();
  }
  return o;
}

function migrate(c: Client, argv: Argv): Reply {
  const o = parseOptions(argv);
  if ('kind' in o) return o;
  const timeout = parseInt64(argv[5]!);
  if (timeout === null) return reply.notInteger();
  const dbid = parseInt64(argv[4]!);
  if (dbid === null) return reply.notInteger();
  // Keys that are here now; all gone is not an error (they may just have expired).
  const found: Array<[BinStr, Entry]> = [];
  for (const k of o.keys) {
    const e = c.db.lookupRead(k);
    if (e !== undefined) found.push([k, e]);
  }
  if (found.length === 0) return reply.simple('NOKEY');
  const s = getSocket(c, argv[1]!, argv[2]!);
  if (s === undefined) return unreachable(argv[1]!);
  // A server migrating to itself waits on its own reply until the timeout.
  if (s.target === c.engine) return READ_ERROR;
  const t = s.client;
  const auth =
    o.password === undefined
      ? undefined
      : t.exec(['AUTH', ...(o.user !== undefined ? [o.user] : []), o.password]);
  const select = s.lastDbid !== dbid ? t.exec(['SELECT', String(dbid)]) : undefined;
  const now = Math.floor(c.engine.clock.nowMs());
  const restore = c.engine.cluster !== null ? 'RESTORE-ASKING' : 'RESTORE';
  let targetError: string | undefined;
  const deleted: string[] = [];
  for (const [key, e] of found) {
    let ttl = 0;
    if (e.expireAt !== -1) {
      ttl = e.expireAt - now;
      if (ttl < 0) continue; // expired since the lookup
      if (ttl < 1) ttl = 1;
    }
    const r = t.exec([
      restore,
      key,
      String(ttl),
      dumpValue(e, c.engine.config),
      ...(o.replace ? ['REPLACE'] : []),
    ]);
    const failed = [auth, select, r].find((x) => x !== undefined && x.kind === 'error');
    if (failed !== undefined) {
      if (targetError === undefined) {
        s.lastDbid = -1;
        targetError = `ERR Target instance replied with error: ${(failed as { message: string }).message}`;
      }
    } else if (!o.copy) {
      c.db.delete(key);
      c.db.notify(NC.GENERIC, 'del', key);
      deleted.push(key);
    }
  }
  // Replicated as a DEL of the keys the target acknowledged (cluster.c migrateCommand).
  if (deleted.length !== 0) c.propagateAs(['DEL', ...deleted]);
  if (targetError !== undefined) return reply.error(targetError);
  s.lastDbid = dbid;
  return reply.ok();
}

export const migrateCommand = defineCommand({
  name: 'migrate',
  arity: -6,
  flags: ['write'],
  keys: { first: 3, last: 3, step: 1 },
  getKeys: migrateKeys,
  group: 'generic',
  syntax:
    'MIGRATE host port key|"" destination-db timeout [COPY] [REPLACE] [AUTH password | AUTH2 username password] [KEYS key [key ...]]',
  summary: 'Moves keys to another server (DUMP + RESTORE), deleting them here unless COPY.',
  run: migrate,
});

/** RESTORE, served by a node importing the key's slot even without ASKING (what MIGRATE sends). */
export const restoreAsking = defineCommand({
  name: 'restore-asking',
  arity: -4,
  flags: ['write', 'denyoom', 'asking'],
  keys: { first: 1, last: 1, step: 1 },
  group: 'cluster',
  syntax:
    'RESTORE-ASKING key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME seconds] [FREQ frequency]',
  summary: 'RESTORE as MIGRATE sends it between cluster nodes.',
  run: restoreCommand.run!,
});

export const migrateCommands: CommandDef[] = [migrateCommand, restoreAsking];
