/**
 * CLUSTER and its read-only subcommands (clusterCommand in cluster.c 7.0). The subcommands that
 * change the configuration are in cluster-config-commands.ts.
 */
import { defineCommand, NO_KEYS } from '../command';
import { parseInt64 } from '../args';
import { reply } from '../reply';
import { HASH_SLOTS, keyHashSlot } from '../../cluster/slots';
import { arg, clusterSub, errorf } from './command-support';
import { infoText, linksReply, nodeLine, nodesText, shardsReply, slotsReply } from './describe';
import { failureReportCount } from './failure-reports';
import { clusterConfigSubcommands } from './cluster-config-commands';
import { clusterReplicaSubcommands } from './replica-commands';

const HELP = [
  'CLUSTER <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ADDSLOTS <slot> [<slot> ...]',
  '    Assign slots to current node.',
  'ADDSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]',
  '    Assign slots which are between <start-slot> and <end-slot> to current node.',
  'BUMPEPOCH',
  '    Advance the cluster config epoch.',
  'COUNT-FAILURE-REPORTS <node-id>',
  '    Return number of failure reports for <node-id>.',
  'COUNTKEYSINSLOT <slot>',
  '    Return the number of keys in <slot>.',
  'DELSLOTS <slot> [<slot> ...]',
  '    Delete slots information from current node.',
  'DELSLOTSRANGE <start slot> <end slot> [<start slot> <end slot> ...]',
  '    Delete slots information which are between <start-slot> and <end-slot> from current node.',
  'FAILOVER [FORCE|TAKEOVER]',
  '    Promote current replica node to being a master.',
  'FORGET <node-id>',
  '    Remove a node from the cluster.',
  'GETKEYSINSLOT <slot> <count>',
  '    Return key names stored by current node in a slot.',
  'FLUSHSLOTS',
  '    Delete current node own slots information.',
  'INFO',
  '    Return information about the cluster.',
  'KEYSLOT <key>',
  '    Return the hash slot for <key>.',
  'MEET <ip> <port> [<bus-port>]',
  '    Connect nodes into a working cluster.',
  'MYID',
  '    Return the node id.',
  'NODES',
  '    Return cluster configuration seen by node. Output format:',
  '    <id> <ip:port> <flags> <master> <pings> <pongs> <epoch> <link> <slot> ...',
  'REPLICATE <node-id>',
  '    Configure current node as replica to <node-id>.',
  'RESET [HARD|SOFT]',
  '    Reset current node (default: soft).',
  'SET-CONFIG-EPOCH <epoch>',
  '    Set config epoch of current node.',
  'SETSLOT <slot> (IMPORTING <node-id>|MIGRATING <node-id>|STABLE|NODE <node-id>)',
  '    Set slot state.',
  'REPLICAS <node-id>',
  '    Return <node-id> replicas.',
  'SAVECONFIG',
  '    Force saving cluster configuration on disk.',
  'SLOTS',
  '    Return information about slots range mappings. Each range is made of:',
  '    start, end, master and replicas IP addresses, ports and ids',
  'SHARDS',
  '    Return information about slot range mappings and the nodes associated with them.',
  'LINKS',
  '    Return information about all network links between this node and its peers.',
  '    Output format is an array where each array element is a map containing attributes of a link',
  'HELP',
  '    Prints this help.',
];

const STALE = ['stale'] as const;

const help = clusterSub({
  name: 'help',
  arity: 2,
  flags: ['loading', 'stale'],
  syntax: 'CLUSTER HELP',
  summary: 'Lists the CLUSTER subcommands.',
  run: () => reply.array(HELP.map((l) => reply.simple(l))),
});

const info = clusterSub({
  name: 'info',
  arity: 2,
  flags: STALE,
  syntax: 'CLUSTER INFO',
  summary:
    'State, slot counts, epochs and bus message counters of the cluster as this node sees it.',
  run: (s) => reply.bulk(infoText(s)),
});

const myid = clusterSub({
  name: 'myid',
  arity: 2,
  flags: STALE,
  syntax: 'CLUSTER MYID',
  summary: "This node's 40-character ID.",
  run: (s) => reply.bulk(s.myself.id),
});

const nodes = clusterSub({
  name: 'nodes',
  arity: 2,
  flags: STALE,
  syntax: 'CLUSTER NODES',
  summary: 'Every known node: id, address, flags, master, ping/pong times, epoch, link, slots.',
  run: (s) => reply.bulk(nodesText(s)),
});

const slots = clusterSub({
  name: 'slots',
  arity: 2,
  flags: STALE,
  syntax: 'CLUSTER SLOTS',
  summary: 'Slot ranges with the master and replicas serving each.',
  run: (s) => slotsReply(s),
});

const shards = clusterSub({
  name: 'shards',
  arity: 2,
  flags: STALE,
  syntax: 'CLUSTER SHARDS',
  summary: 'Shards: their slot ranges and the nodes (master and replicas) in each.',
  run: (s) => shardsReply(s),
});

const links = clusterSub({
  name: 'links',
  arity: 2,
  flags: STALE,
  syntax: 'CLUSTER LINKS',
  summary: 'The cluster bus connections between this node and its peers.',
  run: (s) => linksReply(s),
});

const keyslot = clusterSub({
  name: 'keyslot',
  arity: 3,
  flags: STALE,
  syntax: 'CLUSTER KEYSLOT key',
  summary: 'The hash slot of a key (CRC16 of the key or its {hash tag}, mod 16384).',
  run: (_s, _c, argv) => reply.int(keyHashSlot(argv[2]!)),
});

const countkeysinslot = clusterSub({
  name: 'countkeysinslot',
  arity: 3,
  flags: STALE,
  syntax: 'CLUSTER COUNTKEYSINSLOT slot',
  summary: 'How many keys of a slot this node holds.',
  run: (s, _c, argv) => {
    const slot = parseInt64(argv[2]!);
    if (slot === null) return reply.notInteger();
    if (slot < 0 || slot >= HASH_SLOTS) return reply.error('ERR Invalid slot');
    return reply.int(s.countKeysInSlot(slot));
  },
});

const getkeysinslot = clusterSub({
  name: 'getkeysinslot',
  arity: 4,
  flags: STALE,
  syntax: 'CLUSTER GETKEYSINSLOT slot count',
  summary: 'Up to count keys of a slot held by this node, most recently added first.',
  run: (s, _c, argv) => {
    const slot = parseInt64(argv[2]!);
    if (slot === null) return reply.notInteger();
    const max = parseInt64(argv[3]!);
    if (max === null) return reply.notInteger();
    if (slot < 0 || slot >= HASH_SLOTS || max < 0)
      return reply.error('ERR Invalid slot or number of keys');
    return reply.bulks(s.slotKeys.keys(slot, max));
  },
});

const replicasDef = (name: string) =>
  clusterSub({
    name,
    arity: 3,
    flags: ['admin', 'stale'],
    syntax: `CLUSTER ${name.toUpperCase()} node-id`,
    summary: 'The replicas of a master, as CLUSTER NODES lines.',
    run: (s, _c, argv) => {
      const n = s.lookup(argv[2]!);
      if (n === undefined) return errorf(`ERR Unknown node ${arg(argv[2]!)}`);
      if (n.isReplica) return reply.error('ERR The specified node is not a master');
      return reply.array(n.replicas.map((r) => reply.bulk(nodeLine(s, r))));
    },
  });

const countFailureReports = clusterSub({
  name: 'count-failure-reports',
  arity: 3,
  flags: ['admin', 'stale'],
  syntax: 'CLUSTER COUNT-FAILURE-REPORTS node-id',
  summary: 'How many masters currently report a node as failing.',
  run: (s, _c, argv) => {
    const n = s.lookup(argv[2]!);
    if (n === undefined) return errorf(`ERR Unknown node ${arg(argv[2]!)}`);
    return reply.int(failureReportCount(s, n));
  },
});

export const cluster = defineCommand({
  name: 'cluster',
  arity: -2,
  flags: [],
  keys: NO_KEYS,
  group: 'cluster',
  syntax: 'CLUSTER <subcommand> [arg ...]',
  summary: 'Cluster mode: slots, nodes, resharding and redirection state.',
  subcommands: [
    help,
    info,
    myid,
    nodes,
    slots,
    shards,
    links,
    keyslot,
    countkeysinslot,
    getkeysinslot,
    replicasDef('replicas'),
    replicasDef('slaves'),
    countFailureReports,
    ...clusterConfigSubcommands,
    ...clusterReplicaSubcommands,
  ],
});
