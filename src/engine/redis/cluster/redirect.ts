/**
 * Which node serves a command (getNodeByQuery + clusterRedirectClient, cluster.c 7.0), checked
 * by the dispatcher after NOAUTH and before OOM, as processCommand does. A command is served
 * here when all its keys hash to one slot this node serves; otherwise the client gets
 * -MOVED, -ASK (the slot is migrating and a key is gone from here), -TRYAGAIN (a multi-key
 * command while the slot is half moved), -CROSSSLOT or -CLUSTERDOWN. EXEC is judged on the
 * queued commands' keys together.
 */
import type { Argv, Command } from '../command';
import { routingKeysOf } from '../command';
import type { Client } from '../client';
import { reply } from '../reply';
import type { ErrorReply } from '../reply';
import { keyHashSlot } from '../../cluster/slots';
import type { ClusterNode } from './node';
import type { ClusterState } from './state';

const CROSSSLOT = reply.error("CROSSSLOT Keys in request don't hash to the same slot");
const TRYAGAIN = reply.error('TRYAGAIN Multiple keys request during rehashing of slot');
const DOWN = reply.error('CLUSTERDOWN The cluster is down');
const DOWN_RO = reply.error('CLUSTERDOWN The cluster is down and only accepts read commands');
const DOWN_UNBOUND = reply.error('CLUSTERDOWN Hash slot not served');

/** The commands (and their arguments) a request stands for: EXEC stands for its queue. */
function parts(c: Client, cmd: Command, argv: Argv): Array<{ cmd: Command; argv: Argv }> | null {
  if (cmd.name !== 'exec') return [{ cmd, argv }];
  return c.multi === null ? null : c.multi.queue;
}

/** The redirect for a command, or undefined when this node serves it. */
export function clusterRedirect(
  s: ClusterState,
  c: Client,
  cmd: Command,
  argv: Argv,
): ErrorReply | undefined {
  // Commands without key arguments are never redirected.
  if (cmd.keys.first === 0 && cmd.getKeys === undefined && cmd.name !== 'exec') return undefined;
  const list = parts(c, cmd, argv);
  if (list === null) return undefined; // EXEC without MULTI: EXEC itself answers
  const db0 = s.engine.dbs[0]!;
  let firstKey: string | undefined;
  let slot = 0;
  let owner: ClusterNode | null = null;
  let multipleKeys = false;
  let migrating = false;
  let importing = false;
  let missing = 0;
  let existing = 0;
  let isWrite = false;
  for (const q of list) {
    if (q.cmd.isWrite) isWrite = true;
    for (const key of routingKeysOf(q.cmd, q.argv)) {
      const keySlot = keyHashSlot(key);
      if (firstKey === undefined) {
        firstKey = key;
        slot = keySlot;
        owner = s.slots[slot]!;
        if (owner === null) return DOWN_UNBOUND;
        if (owner === s.myself && s.migratingTo[slot] !== null) migrating = true;
        else if (s.importingFrom[slot] !== null) importing = true;
      } else if (key !== firstKey) {
        if (keySlot !== slot) return CROSSSLOT;
        multipleKeys = true;
      }
      if (migrating || importing) {
        // Without expiring, touching or counting: whether this node holds a live copy of the key.
        const e = db0.peek(key);
        const held = e !== undefined && !db0.isLogicallyExpired(e);
        if (held) existing++;
        else missing++;
      }
    }
  }
  if (owner === null) return undefined; // no key at all
  if (s.state !== 'ok') {
    if (!s.allowReadsWhenDown) return DOWN;
    if (cmd.isWrite) return DOWN_RO;
  }
  // MIGRATE always runs where it is sent while the slot is open.
  if ((migrating || importing) && cmd.name === 'migrate') return undefined;
  if (migrating && missing > 0) {
    if (existing > 0) return TRYAGAIN;
    return redirectTo('ASK', slot, s.migratingTo[slot]!);
  }
  if (importing && (c.asking || cmd.isAsking)) {
    if (multipleKeys && missing > 0) return TRYAGAIN;
    return undefined;
  }
  // A READONLY client may read keys of its master's slots from this replica.
  if (c.readonlyMode && !isWrite && s.myself.isReplica && s.myself.replicaOf === owner)
    return undefined;
  if (owner !== s.myself) return redirectTo('MOVED', slot, owner);
  return undefined;
}

function redirectTo(kind: 'MOVED' | 'ASK', slot: number, n: ClusterNode): ErrorReply {
  return reply.error(`${kind} ${slot} ${n.ip}:${n.port}`);
}

/**
 * The dispatcher's check: a redirect reply, or undefined to go on. A redirected EXEC also
 * discards the transaction (discardTransaction); other commands only flag it.
 */
export function clusterAdmit(
  s: ClusterState,
  c: Client,
  cmd: Command,
  argv: Argv,
): ErrorReply | undefined {
  const r = clusterRedirect(s, c, cmd, argv);
  if (r !== undefined && cmd.name === 'exec' && c.multi !== null) {
    c.multi = null;
    s.engine.unwatchAll(c);
  }
  return r;
}

/**
 * clusterRedirectBlockedClientIfNeeded (run from the cron, as Redis's clientsCron does): a
 * client blocked on a key whose slot is no longer served here (and not being imported) is
 * unblocked with -MOVED, or -CLUSTERDOWN when the slot has no owner or the cluster is down.
 */
export function redirectBlockedClients(s: ClusterState): void {
  for (const c of s.engine.blockedNow()) {
    const b = c.blocked;
    if (b === null) continue;
    if (s.state === 'fail') {
      s.engine.unblockWith(c, DOWN);
      continue;
    }
    const key = b.keys[0];
    if (key === undefined) continue;
    const slot = keyHashSlot(key);
    // Redis keeps a READONLY client blocked by a read command on a replica; every blocking
    // command the engine has (BLPOP, BLMOVE, BZPOPMIN…) is a write command, so none stays.
    const node = s.slots[slot] ?? null;
    if (node !== s.myself && s.importingFrom[slot] === null) {
      s.engine.unblockWith(c, node === null ? DOWN_UNBOUND : redirectTo('MOVED', slot, node));
    }
  }
}
