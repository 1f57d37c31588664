/**
 * processCommand + call, following redis-server 7.0's order of checks: existence, arity,
 * NOAUTH, OOM (evicting first), pub/sub context, MULTI queueing, then the handler.
 */
import type { Argv, Command } from '../command';
import { keysOf } from '../command';
import type { Client } from '../client';
import { PROP_FORCE, PROP_PREVENT } from '../client';
import type { RedisEngine } from '../engine';
import { reply } from '../reply';
import { cstr } from '../bytes';
import type { Reply } from '../reply';
import { replyBytes, requestBytes } from './observe';
import { clusterAdmit } from '../cluster/redirect';
import { aclDenied } from '../acl/admit';

const NOAUTH = reply.error('NOAUTH Authentication required.');
const BLOCKED_CLIENT = reply.error(
  'ERR this connection is blocked (BLPOP…) and cannot run commands until it is served',
);
const OOM = reply.error("OOM command not allowed when used memory > 'maxmemory'.");
const READONLY = reply.error("READONLY You can't write against a read only replica.");
const NOT_IN_MULTI = reply.error('ERR Command not allowed inside a transaction');
const REPLICA_KEYSPACE = reply.error("ERR Replica can't interact with the keyspace");

/** Redis sanitises error texts so a newline in user input cannot break the protocol. */
function clean(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

function unknownCommand(argv: Argv): Reply {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${cstr(argv[i]!, 128 - args.length)}' `;
  }
  return reply.error(
    clean(`ERR unknown command '${cstr(argv[0]!, 128)}', with args beginning with: ${args}`),
  );
}

/** Resolves argv to a command, or returns the error Redis gives. */
export function resolveCommand(engine: RedisEngine, argv: Argv): Command | Reply {
  if (argv.length === 0) return unknownCommand(['']);
  let cmd = engine.table.get(argv[0]!);
  if (cmd === undefined) return unknownCommand(argv);
  if (cmd.subtable !== undefined && argv.length >= 2) {
    const sub = cmd.subtable.get(argv[1]!.toLowerCase());
    if (sub === undefined) {
      return reply.error(
        clean(
          `ERR unknown subcommand '${cstr(argv[1]!, 128)}'. Try ${cmd.name.toUpperCase()} HELP.`,
        ),
      );
    }
    cmd = sub;
  }
  const arity = cmd.arity;
  if ((arity > 0 && argv.length !== arity) || argv.length < -arity) {
    return reply.error(`ERR wrong number of arguments for '${cmd.fullName}' command`);
  }
  return cmd;
}

/**
 * rejectCommand: flags the transaction; a refused EXEC (arity, NOAUTH, NOPERM, OOM…) discards
 * it and answers with the reason inside EXECABORT (multi.c execCommandAbort).
 */
function reject(c: Client, r: Reply, isExec = false): Reply {
  if (c.multi !== null) c.multi.aborted = true;
  c.engine.stats.errorReplies++;
  if (isExec && r.kind === 'error') {
    c.multi = null;
    c.engine.unwatchAll(c);
    return reply.error(`EXECABORT Transaction discarded because of: ${r.message}`);
  }
  return r;
}

const REDIRECT = /^(MOVED|ASK|TRYAGAIN|CLUSTERDOWN|CROSSSLOT) /;

const isExecName = (engine: RedisEngine, argv: Argv): boolean =>
  argv.length > 0 && engine.table.get(argv[0]!)?.name === 'exec';

export function dispatch(engine: RedisEngine, c: Client, argv: Argv): Reply | undefined {
  // Fast path for the common case (known command, no MULTI/auth/maxmemory/pub-sub/observer):
  // the same checks as below, in the same order, without the bookkeeping.
  const cmd = engine.table.get(argv[0]!);
  if (
    cmd !== undefined &&
    cmd.run !== undefined &&
    cmd.subtable === undefined &&
    engine.replIdle &&
    engine.observer === undefined &&
    engine.cluster === null &&
    c.blocked === null &&
    c.multi === null &&
    c.authenticated &&
    c.user.unrestricted &&
    (engine.config.maxmemory === 0 || engine.usedMemory() <= engine.config.maxmemory) &&
    c.channels.size === 0 &&
    c.patterns.size === 0 &&
    (cmd.arity > 0 ? argv.length === cmd.arity : argv.length >= -cmd.arity)
  ) {
    return call(engine, c, cmd, argv);
  }
  return dispatchSlow(engine, c, argv);
}

function dispatchSlow(engine: RedisEngine, c: Client, argv: Argv): Reply | undefined {
  const cluster = engine.cluster;
  if (cluster === null) return dispatchChecked(engine, c, argv);
  // Cluster bus messages wait until no node is in the middle of a command.
  cluster.bus.enter();
  try {
    return dispatchChecked(engine, c, argv);
  } finally {
    cluster.afterCommand(c, argv);
    cluster.bus.leave();
  }
}

function dispatchChecked(engine: RedisEngine, c: Client, argv: Argv): Reply | undefined {
  const observing = engine.observer !== undefined;
  if (observing) {
    const k = engine.cmd;
    k.hits = k.misses = k.expired = k.evicted = 0;
  }
  // A blocked connection waits for its reply (a TCP client's next commands stay in its buffer).
  if (c.blocked !== null) return BLOCKED_CLIENT;
  const resolved = resolveCommand(engine, argv);
  let r: Reply | undefined;
  let cmd: Command | undefined;
  // EXEC's record lists the keys of the commands it runs (the queue is gone afterwards).
  const execKeys =
    observing && c.multi !== null && !('kind' in resolved) && resolved.name === 'exec'
      ? c.multi.queue.flatMap((q) => keysOf(q.cmd, q.argv))
      : undefined;
  if ('kind' in resolved) {
    r = reject(c, resolved, isExecName(engine, argv));
  } else {
    cmd = resolved;
    r = admit(engine, c, cmd, argv);
    if (r !== undefined) {
      // clusterRedirectClient's errors are not wrapped: a redirected EXEC was discarded already.
      r = reject(c, r, cmd.name === 'exec' && !(r.kind === 'error' && REDIRECT.test(r.message)));
    } else if (c.multi !== null && !cmd.isNoMulti) {
      c.multi.queue.push({ cmd, argv });
      r = reply.queued();
    } else {
      r = call(engine, c, cmd, argv);
    }
  }
  if (observing) observeCommand(engine, c, cmd, argv, r, execKeys);
  return r;
}

/** Checks after arity: auth, cluster redirection, OOM, pub/sub context. Returns the rejection, or undefined. */
function admit(engine: RedisEngine, c: Client, cmd: Command, argv: Argv): Reply | undefined {
  if (!c.authenticated && !cmd.isNoAuth && engine.acl.authRequired(c)) return NOAUTH;
  if (c.multi !== null && cmd.isDenyMulti) return NOT_IN_MULTI;
  if (!c.user.unrestricted) {
    const denied = aclDenied(c, cmd, argv);
    if (denied !== undefined) return denied;
  }
  // Our primary's stream is never redirected (processCommand: mustObeyClient).
  if (engine.cluster !== null && !c.isMaster) {
    const redirect = clusterAdmit(engine.cluster, c, cmd, argv);
    if (redirect !== undefined) return redirect;
  }
  if (engine.config.maxmemory !== 0) {
    const outOfMemory = !engine.performEvictions();
    // Queueing inside MULTI may grow memory without bound, so Redis refuses it too.
    const denyOom =
      cmd.isDenyOom ||
      (c.multi !== null && !cmd.isNoMulti) ||
      (cmd.name === 'exec' && c.multi !== null && c.multi.queue.some((q) => q.cmd.isDenyOom));
    if (outOfMemory && denyOom) return OOM;
  }
  // A read-only replica refuses writes from anyone but its primary (EXEC counts its queue).
  if (
    engine.repl.isReplica &&
    !c.isMaster &&
    engine.config['replica-read-only'] === 'yes' &&
    (cmd.isWrite ||
      (cmd.name === 'exec' && c.multi !== null && c.multi.queue.some((q) => q.cmd.isWrite)))
  ) {
    return READONLY;
  }
  // Only RESP2 connections are restricted while subscribed (server.c: CLIENT_PUBSUB && resp == 2).
  if (c.subscriptionCount !== 0 && c.resp === 2 && !cmd.isPubsubContext) {
    return reply.error(
      `ERR Can't execute '${cmd.fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`,
    );
  }
  // A connection that became our replica may not touch the keyspace any more.
  if (c.replica !== null && (cmd.isWrite || cmd.isReadonly || cmd.isMayReplicate))
    return REPLICA_KEYSPACE;
  return undefined;
}

/**
 * Runs a resolved, admitted command (also used by EXEC for queued commands). With replication
 * on, this is call()'s propagation: a command that changed the dataset (or forced it) queues
 * its argv — as rewritten by the handler — and the outermost call sends the queue (see
 * replication/propagate.ts). EXEC never propagates itself: its commands are nested calls.
 */
export function call(engine: RedisEngine, c: Client, cmd: Command, argv: Argv): Reply | undefined {
  engine.stats.totalCommands++;
  const prop = engine.repl.propagator;
  if (!prop.enabled) {
    const r = cmd.run!(c, argv);
    if (r !== undefined && r.kind === 'error') engine.stats.errorReplies++;
    return r;
  }
  const dirty = engine.dirty;
  const outerArgv = c.propArgv;
  const outerFlags = c.propFlags;
  c.propArgv = null;
  c.propFlags = 0;
  prop.depth++;
  let r: Reply | undefined;
  try {
    r = cmd.run!(c, argv);
  } finally {
    prop.depth--;
  }
  if (r !== undefined && r.kind === 'error') engine.stats.errorReplies++;
  const f = c.propFlags;
  if (
    cmd.name !== 'exec' &&
    (engine.dirty !== dirty || (f & PROP_FORCE) !== 0) &&
    (f & PROP_PREVENT) === 0
  ) {
    prop.also(c.db.id, c.propArgv ?? argv);
  }
  c.propArgv = outerArgv;
  c.propFlags = outerFlags;
  if (prop.depth === 0) {
    // SCAN and RANDOMKEY may expire any number of keys: their DELs are not a transaction.
    prop.flush(cmd.name === 'scan' || cmd.name === 'randomkey');
    c.woff = engine.repl.primary.offset;
  }
  return r;
}

function observeCommand(
  engine: RedisEngine,
  c: Client,
  cmd: Command | undefined,
  argv: Argv,
  r: Reply | undefined,
  execKeys: string[] | undefined,
): void {
  const k = engine.cmd;
  const error = r !== undefined && r.kind === 'error' ? r.message.split(' ', 1)[0] : undefined;
  engine.observer!({
    at: engine.clock.nowMs(),
    clientId: c.id,
    db: c.db.id,
    command: cmd?.name ?? String(argv[0] ?? ''),
    keys: execKeys ?? (cmd ? keysOf(cmd, argv) : []),
    hits: k.hits,
    misses: k.misses,
    expired: k.expired,
    evicted: k.evicted,
    bytesIn: requestBytes(argv),
    bytesOut: r === undefined ? 0 : replyBytes(r),
    reply: r === undefined ? 'blocked' : r.kind,
    ...(error !== undefined ? { error } : {}),
    usedMemory: engine.usedMemory(),
  });
}
