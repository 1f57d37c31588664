/**
 * The CLUSTER subcommands about roles and the node's own configuration (clusterCommand in
 * cluster.c 7.0): REPLICATE, FAILOVER [FORCE|TAKEOVER], RESET [HARD|SOFT], SAVECONFIG.
 */
import { eqi } from '../bytes';
import type { CommandDef } from '../command';
import { reply } from '../reply';
import { HASH_SLOTS } from '../../cluster/slots';
import { arg, clusterSub, errorf } from './command-support';
import { resetManualFailover, startManualFailover } from './failover';
import { setNodeAsMaster } from './gossip';
import { TODO_SAVE_CONFIG, TODO_UPDATE_STATE } from './node';
import type { ClusterState } from './state';

const ADMIN = ['admin', 'stale'] as const;

const replicate = clusterSub({
  name: 'replicate',
  arity: 3,
  flags: ADMIN,
  syntax: 'CLUSTER REPLICATE node-id',
  summary: 'Makes this node a replica of the given master (it must be empty if it is a master).',
  run: (s, _c, argv) => {
    const n = s.lookup(argv[2]!);
    if (n === undefined) return errorf(`ERR Unknown node ${arg(argv[2]!)}`);
    if (n === s.myself) return reply.error("ERR Can't replicate myself");
    if (n.isReplica) return reply.error('ERR I can only replicate a master, not a replica.');
    const me = s.myself;
    if (me.isMaster && (me.numSlots !== 0 || s.engine.dbs[0]!.size !== 0))
      return reply.error('ERR To set a master the node must be empty and without assigned slots.');
    s.setMaster(n);
    s.todo |= TODO_UPDATE_STATE | TODO_SAVE_CONFIG;
    return reply.ok();
  },
});

const failover = clusterSub({
  name: 'failover',
  arity: -2,
  flags: ADMIN,
  syntax: 'CLUSTER FAILOVER [FORCE|TAKEOVER]',
  summary:
    'Promotes this replica: with its master (default), without it (FORCE), or alone (TAKEOVER).',
  run: (s, _c, argv) => {
    if (argv.length > 3) return subcommandError(argv[1]!);
    let mode: 'default' | 'force' | 'takeover' = 'default';
    if (argv.length === 3) {
      if (eqi(argv[2]!, 'force')) mode = 'force';
      else if (eqi(argv[2]!, 'takeover')) mode = 'takeover';
      else return reply.syntax();
    }
    const me = s.myself;
    if (me.isMaster) return reply.error('ERR You should send CLUSTER FAILOVER to a replica');
    const master = me.replicaOf;
    if (master === null) return reply.error("ERR I'm a replica but my master is unknown to me");
    if (mode === 'default' && (master.failed || master.link === null))
      return reply.error('ERR Master is down or failed, please use CLUSTER FAILOVER FORCE');
    startManualFailover(s, mode);
    return reply.ok();
  },
});

/** clusterReset: forget everything but myself; HARD also takes a new name and epoch 0. */
function resetNode(s: ClusterState, hard: boolean): void {
  const me = s.myself;
  if (me.isReplica) {
    setNodeAsMaster(s, me);
    s.engine.repl.promote();
    for (const db of s.engine.dbs) db.flush();
  }
  s.closeAllSlots();
  resetManualFailover(s);
  for (let j = 0; j < HASH_SLOTS; j++) s.delSlot(j);
  for (const n of [...s.nodes.values()]) if (n !== me) s.delNode(n);
  if (hard) {
    s.currentEpoch = 0;
    s.failover.lastVoteEpoch = 0;
    me.configEpoch = 0;
    // The bus knows members by name: leave under the old one, come back under the new.
    s.bus.detach(s);
    s.renameNode(me, s.randomNodeId());
    s.bus.attach(s);
  }
  s.todo |= TODO_SAVE_CONFIG | TODO_UPDATE_STATE;
}

const reset = clusterSub({
  name: 'reset',
  arity: -2,
  flags: ['admin', 'stale', 'noscript'],
  syntax: 'CLUSTER RESET [HARD|SOFT]',
  summary: 'Forgets every other node and slot (HARD: also a new node ID and epochs back to 0).',
  run: (s, c, argv) => {
    if (argv.length > 3) return subcommandError(argv[1]!);
    let hard = false;
    if (argv.length === 3) {
      if (eqi(argv[2]!, 'hard')) hard = true;
      else if (!eqi(argv[2]!, 'soft')) return reply.syntax();
    }
    if (s.myself.isMaster && c.db.size !== 0)
      return reply.error("ERR CLUSTER RESET can't be called with master nodes containing keys");
    resetNode(s, hard);
    return reply.ok();
  },
});

const saveconfig = clusterSub({
  name: 'saveconfig',
  arity: 2,
  flags: ADMIN,
  syntax: 'CLUSTER SAVECONFIG',
  summary: "Writes this node's cluster configuration (nodes.conf) now.",
  run: (s) => {
    s.saveConfig();
    return reply.ok();
  },
});

/** addReplySubcommandSyntaxError */
function subcommandError(sub: string): ReturnType<typeof errorf> {
  return errorf(
    `ERR unknown subcommand or wrong number of arguments for '${arg(sub).slice(0, 128)}'. Try CLUSTER HELP.`,
  );
}

export const clusterReplicaSubcommands: CommandDef[] = [replicate, failover, reset, saveconfig];
