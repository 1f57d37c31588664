/**
 * The CLUSTER subcommands that change this node's configuration (clusterCommand in cluster.c
 * 7.0): slot assignment, the SETSLOT resharding states, epochs, forgetting nodes. Like Redis,
 * they change this node's view only; peers learn through the bus (gossip.ts) — at the next
 * heartbeat, or at once where Redis broadcasts at once (closing an imported slot).
 */
import { parseInt64 } from '../args';
import type { BinStr } from '../bytes';
import { eqi } from '../bytes';
import type { CommandDef } from '../command';
import { reply } from '../reply';
import type { ErrorReply, Reply } from '../reply';
import { HASH_SLOTS } from '../../cluster/slots';
import { arg, clusterSub, errorf, parseSlot } from './command-support';
import { broadcastPong } from './gossip';
import type { ClusterState } from './state';
import { bumpEpochWithoutConsensus } from './epochs';
import {
  ClusterNode,
  CLUSTER_PORT_INCR,
  NODE_HANDSHAKE,
  NODE_MEET,
  TODO_UPDATE_STATE,
} from './node';

const ADMIN = ['admin', 'stale'] as const;
/** CLUSTER FORGET keeps a node out of gossip this long (CLUSTER_BLACKLIST_TTL). */
export const BLACKLIST_TTL_MS = 60_000;

/** checkSlotAssignmentsOrReply over [start, end]; marks the slots in `marked`. */
function checkSlots(
  s: ClusterState,
  marked: Uint8Array,
  del: boolean,
  start: number,
  end: number,
): ErrorReply | undefined {
  for (let slot = start; slot <= end; slot++) {
    if (del && s.slots[slot] === null) return reply.error(`ERR Slot ${slot} is already unassigned`);
    if (!del && s.slots[slot] !== null) return reply.error(`ERR Slot ${slot} is already busy`);
    if (marked[slot] === 1) return reply.error(`ERR Slot ${slot} specified multiple times`);
    marked[slot] = 1;
  }
  return undefined;
}

/** clusterUpdateSlots: assign the marked slots to this node, or unassign them. */
function updateSlots(s: ClusterState, marked: Uint8Array, del: boolean): Reply {
  for (let j = 0; j < HASH_SLOTS; j++) {
    if (marked[j] === 0) continue;
    // Now the real owner: an importing state for the slot is over.
    s.importingFrom[j] = null;
    if (del) s.delSlot(j);
    else s.addSlot(s.myself, j);
  }
  s.todo |= TODO_UPDATE_STATE;
  return reply.ok();
}

const slotsDef = (name: 'addslots' | 'delslots') =>
  clusterSub({
    name,
    arity: -3,
    flags: ADMIN,
    syntax: `CLUSTER ${name.toUpperCase()} slot [slot ...]`,
    summary:
      name === 'addslots'
        ? 'Assigns slots to this node.'
        : "Unassigns slots (in this node's view).",
    run: (s, _c, argv) => {
      const slots: number[] = [];
      for (let j = 2; j < argv.length; j++) {
        const slot = parseSlot(argv[j]!);
        if (typeof slot !== 'number') return slot;
        slots.push(slot);
      }
      const marked = new Uint8Array(HASH_SLOTS);
      const del = name === 'delslots';
      for (const slot of slots) {
        const err = checkSlots(s, marked, del, slot, slot);
        if (err) return err;
      }
      return updateSlots(s, marked, del);
    },
  });

const rangeDef = (name: 'addslotsrange' | 'delslotsrange') =>
  clusterSub({
    name,
    arity: -4,
    flags: ADMIN,
    syntax: `CLUSTER ${name.toUpperCase()} start-slot end-slot [start-slot end-slot ...]`,
    summary:
      name === 'addslotsrange' ? 'Assigns slot ranges to this node.' : 'Unassigns slot ranges.',
    run: (s, _c, argv) => {
      if (argv.length % 2 === 1)
        return reply.error(`ERR wrong number of arguments for 'cluster|${name}' command`);
      const marked = new Uint8Array(HASH_SLOTS);
      const del = name === 'delslotsrange';
      for (let j = 2; j < argv.length; j += 2) {
        const start = parseSlot(argv[j]!);
        if (typeof start !== 'number') return start;
        const end = parseSlot(argv[j + 1]!);
        if (typeof end !== 'number') return end;
        if (start > end)
          return reply.error(
            `ERR start slot number ${start} is greater than end slot number ${end}`,
          );
        const err = checkSlots(s, marked, del, start, end);
        if (err) return err;
      }
      return updateSlots(s, marked, del);
    },
  });

const BAD_SETSLOT = reply.error(
  'ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP',
);
const NOT_MASTER = reply.error('ERR Target node is not a master');

/** SETSLOT <slot> NODE <id>: bind the slot to a node (the last step of moving a slot). */
function setSlotNode(s: ClusterState, slot: number, id: BinStr): Reply {
  const n = s.lookup(id);
  if (n === undefined) return errorf(`ERR Unknown node ${arg(id)}`);
  if (n.isReplica) return NOT_MASTER;
  const me = s.myself;
  if (s.slots[slot] === me && n !== me && s.countKeysInSlot(slot) !== 0) {
    return reply.error(
      `ERR Can't assign hashslot ${slot} to a different node while I still hold keys for this hash slot.`,
    );
  }
  // Migrating with no keys left here: assigning the slot elsewhere ends the migration.
  if (s.countKeysInSlot(slot) === 0 && s.migratingTo[slot] !== null) s.migratingTo[slot] = null;
  const wasMine = s.slots[slot] === me;
  s.delSlot(slot);
  s.addSlot(n, slot);
  // A master left without slots becomes a replica of the new owner.
  if (wasMine && n !== me && me.numSlots === 0 && s.allowReplicaMigration) s.setMaster(n);
  if (n === me && s.importingFrom[slot] !== null) {
    // The slot was moved by hand: a new epoch (no consensus) lets the new owner win everywhere,
    // and everyone is told at once.
    bumpEpochWithoutConsensus(s);
    s.importingFrom[slot] = null;
    broadcastPong(s);
  }
  return reply.ok();
}

const setslot = clusterSub({
  name: 'setslot',
  arity: -4,
  flags: ADMIN,
  syntax: 'CLUSTER SETSLOT slot IMPORTING node-id | MIGRATING node-id | STABLE | NODE node-id',
  summary:
    'Opens a slot for migration (MIGRATING / IMPORTING), closes it (STABLE) or binds it (NODE).',
  run: (s, _c, argv) => {
    if (s.myself.isReplica) return reply.error('ERR Please use SETSLOT only with masters.');
    const slot = parseSlot(argv[2]!);
    if (typeof slot !== 'number') return slot;
    const action = argv[3]!;
    const me = s.myself;
    if ((eqi(action, 'migrating') || eqi(action, 'importing')) && argv.length === 5) {
      const migrating = eqi(action, 'migrating');
      if (migrating && s.slots[slot] !== me)
        return reply.error(`ERR I'm not the owner of hash slot ${slot}`);
      if (!migrating && s.slots[slot] === me)
        return reply.error(`ERR I'm already the owner of hash slot ${slot}`);
      const n = s.lookup(argv[4]!);
      if (n === undefined) return errorf(`ERR I don't know about node ${arg(argv[4]!)}`);
      if (n.isReplica) return NOT_MASTER;
      if (migrating) s.migratingTo[slot] = n;
      else s.importingFrom[slot] = n;
    } else if (eqi(action, 'stable') && argv.length === 4) {
      s.importingFrom[slot] = null;
      s.migratingTo[slot] = null;
    } else if (eqi(action, 'node') && argv.length === 5) {
      const r = setSlotNode(s, slot, argv[4]!);
      if (r.kind === 'error') return r;
    } else {
      return BAD_SETSLOT;
    }
    s.todo |= TODO_UPDATE_STATE;
    return reply.ok();
  },
});

const bumpepoch = clusterSub({
  name: 'bumpepoch',
  arity: 2,
  flags: ADMIN,
  syntax: 'CLUSTER BUMPEPOCH',
  summary: 'Gives this node a new, greatest config epoch unless it already has one.',
  run: (s) => {
    const bumped = bumpEpochWithoutConsensus(s);
    return reply.simple(`${bumped ? 'BUMPED' : 'STILL'} ${s.myself.configEpoch}`);
  },
});

const flushslots = clusterSub({
  name: 'flushslots',
  arity: 2,
  flags: ADMIN,
  syntax: 'CLUSTER FLUSHSLOTS',
  summary: 'Unassigns every slot of this node (its database must be empty).',
  run: (s) => {
    if (s.engine.dbs[0]!.size !== 0)
      return reply.error('ERR DB must be empty to perform CLUSTER FLUSHSLOTS.');
    s.delNodeSlots(s.myself);
    s.todo |= TODO_UPDATE_STATE;
    return reply.ok();
  },
});

const setConfigEpoch = clusterSub({
  name: 'set-config-epoch',
  arity: 3,
  flags: ADMIN,
  syntax: 'CLUSTER SET-CONFIG-EPOCH config-epoch',
  summary: "Sets a fresh node's config epoch (used when creating a cluster).",
  run: (s, _c, argv) => {
    const epoch = parseInt64(argv[2]!);
    if (epoch === null) return reply.notInteger();
    if (epoch < 0) return reply.error(`ERR Invalid config epoch specified: ${epoch}`);
    if (s.nodes.size > 1) {
      return reply.error(
        'ERR The user can assign a config epoch only when the node does not know any other node.',
      );
    }
    if (s.myself.configEpoch !== 0) return reply.error('ERR Node config epoch is already non-zero');
    s.myself.configEpoch = epoch;
    if (s.currentEpoch < epoch) s.currentEpoch = epoch;
    s.todo |= TODO_UPDATE_STATE;
    return reply.ok();
  },
});

const forget = clusterSub({
  name: 'forget',
  arity: 3,
  flags: ADMIN,
  syntax: 'CLUSTER FORGET node-id',
  summary: "Removes a node from this node's view (kept out of gossip for 60 s).",
  run: (s, _c, argv) => {
    const n = s.lookup(argv[2]!);
    if (n === undefined) return errorf(`ERR Unknown node ${arg(argv[2]!)}`);
    if (n === s.myself) return reply.error("ERR I tried hard but I can't forget myself...");
    if (s.myself.isReplica && s.myself.replicaOf === n)
      return reply.error("ERR Can't forget my master!");
    s.blacklist.set(n.id, s.now() + BLACKLIST_TTL_MS);
    s.delNode(n);
    s.todo |= TODO_UPDATE_STATE;
    return reply.ok();
  },
});

/** inet_pton's IPv4 form (four decimal octets, no leading zeros) or an IPv6 address. */
function isIp(s: string): boolean {
  const v4 = s.split('.');
  if (v4.length === 4) return v4.every((o) => /^(0|[1-9][0-9]{0,2})$/.test(o) && Number(o) <= 255);
  return (
    s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s) && !s.includes(':::') && s.split('::').length <= 2
  );
}

const meet = clusterSub({
  name: 'meet',
  arity: -4,
  flags: ADMIN,
  syntax: 'CLUSTER MEET ip port [cluster-bus-port]',
  summary: 'Introduces this node to the node at ip:port; gossip then spreads the membership.',
  run: (s, _c, argv) => {
    if (argv.length > 5) {
      return errorf(
        `ERR unknown subcommand or wrong number of arguments for '${arg(argv[1]!).slice(0, 128)}'. Try CLUSTER HELP.`,
      );
    }
    const port = parseInt64(argv[3]!);
    if (port === null) return errorf(`ERR Invalid TCP base port specified: ${arg(argv[3]!)}`);
    let cport = port + CLUSTER_PORT_INCR;
    if (argv.length === 5) {
      const p = parseInt64(argv[4]!);
      if (p === null) return errorf(`ERR Invalid TCP bus port specified: ${arg(argv[4]!)}`);
      cport = p;
    }
    const ip = argv[2]!;
    if (!isIp(ip) || port <= 0 || port > 65535 || cport <= 0 || cport > 65535) {
      return errorf(`ERR Invalid node address specified: ${arg(ip)}:${arg(argv[3]!)}`);
    }
    // clusterStartHandshake: a node known only by address, under a random name, to MEET.
    const inProgress = [...s.nodes.values()].some(
      (n) =>
        (n.flags & NODE_HANDSHAKE) !== 0 && n.ip === ip && n.port === port && n.cport === cport,
    );
    if (!inProgress) {
      const n = new ClusterNode(s.randomNodeId(), ip, port, cport, NODE_HANDSHAKE | NODE_MEET);
      n.createdAt = s.now();
      s.addNode(n);
    }
    return reply.ok();
  },
});

export const clusterConfigSubcommands: CommandDef[] = [
  meet,
  slotsDef('addslots'),
  slotsDef('delslots'),
  rangeDef('addslotsrange'),
  rangeDef('delslotsrange'),
  setslot,
  bumpepoch,
  flushslots,
  setConfigEpoch,
  forget,
];
