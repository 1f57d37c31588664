import { booleanParam } from '../../action-params';
import { LIMITS, type CacheFleet, type CachePlan } from '../../cache/index';
import type { ActionSpec, ApplyOutcome, SimContext, UserAction } from '../../model';
import { applyFleetAction, fleetActionSpecs, type WorkloadConfig } from '../fleet/index';
import { AZS, DEFAULT_SHAPE, WAIT_TIMEOUT_MS } from './config';
import { PLACEMENTS } from './system';

const AZ_IDS = AZS.map((a) => a.id);

/** Actions that are faults: each starts the outcome measures afresh (outcomes.ts). */
export const FAULTS: ReadonlySet<string> = new Set([
  'primary.crash',
  'primary.reboot',
  'primary.partition',
  'node.crash',
  'node.reboot',
  'node.replace',
  'shard.testFailover',
  'az.outage',
  'az.partition',
]);

/**
 * What the lesson offers: the fleet's faults (crash, reboot, replace and AZ outage from a node's
 * panel on the canvas; TestFailover; a partition between AZs) and the group's settings —
 * Multi-AZ on/off (ModifyReplicationGroup), manual promotion (Multi-AZ off only), and the
 * app's `WAIT 1` after each write.
 */
export function failoverActionSpecs(plan: CachePlan): ActionSpec[] {
  const replicas = plan.nodes.map((n) => n.id);
  return [
    ...fleetActionSpecs([plan], AZ_IDS)
      .filter((a) => a.type !== 'cluster.reshard')
      .map((a) =>
        a.type === 'shard.testFailover' ? { ...a, target: { kinds: ['cache' as const] } } : a,
      ),
    {
      type: 'multiAz.set',
      label: 'Multi-AZ',
      description:
        'Multi-AZ with automatic failover on or off (ModifyReplicationGroup). Off: a failed primary is replaced by a new node that copies a replica; no promotion.',
      params: [{ kind: 'boolean', name: 'on', label: 'On', default: true }],
    },
    {
      type: 'group.configure',
      label: 'Replicas',
      description:
        'How many read replicas the shard has (0–5) and where they are: spread over the AZs after the primary’s, or all in the primary’s AZ. The group is created anew in that shape, empty.',
      params: [
        {
          kind: 'number',
          name: 'replicas',
          label: 'Replicas',
          min: 0,
          max: LIMITS.maxReplicasPerShard,
          step: 1,
          default: DEFAULT_SHAPE.replicas,
        },
        {
          kind: 'choice',
          name: 'placement',
          label: 'Placement',
          options: [...PLACEMENTS],
          default: DEFAULT_SHAPE.placement,
        },
      ],
    },
    {
      type: 'replica.promote',
      label: 'Promote replica',
      description:
        'Make a replica the primary by hand (cluster mode disabled, Multi-AZ off only). The primary hands over and stays as a replica.',
      params: [
        {
          kind: 'choice',
          name: 'node',
          label: 'Replica',
          options: replicas,
          default: replicas[1]!,
        },
      ],
      target: { kinds: ['cache'], param: { name: 'node', from: 'id' } },
    },
    // The lesson's buttons: the same faults aimed at whichever node is the primary now.
    {
      type: 'primary.crash',
      label: 'Fail the primary',
      description: 'The primary’s engine process dies (a node failure).',
      hidden: true,
    },
    {
      type: 'primary.reboot',
      label: 'Reboot the primary',
      description: 'A customer-initiated reboot of the primary: no failover.',
      hidden: true,
    },
    {
      type: 'primary.partition',
      label: 'Partition the primary’s AZ',
      description: 'The network between the primary’s AZ and the other AZs is cut (or heals).',
      params: [{ kind: 'boolean', name: 'cut', label: 'Cut', default: true }],
      hidden: true,
    },
    {
      type: 'wait.set',
      label: 'WAIT 1 after writes',
      description: `The app sends WAIT 1 ${WAIT_TIMEOUT_MS} after each SET and treats the write as done when a replica has acknowledged it (or after ${WAIT_TIMEOUT_MS} ms).`,
      params: [{ kind: 'boolean', name: 'on', label: 'On', default: true }],
    },
  ];
}

/** Applies one action, or refuses it with a sentence (nothing changed). */
export function applyFailoverAction(
  fleet: CacheFleet,
  plan: CachePlan,
  workload: WorkloadConfig,
  action: UserAction,
  ctx: SimContext,
): ApplyOutcome {
  const g = fleet.groups[0]!;
  const applied = (detail: string): ApplyOutcome => {
    ctx.emit('action.applied', '', '', { action: action.type, detail });
    return { ok: true };
  };
  if (action.type === 'multiAz.set') {
    const on = booleanParam(action.params, 'on');
    if (typeof on === 'string') return { ok: false, error: on };
    const refused = g.failover.setMultiAz(on);
    return refused ? { ok: false, error: refused } : applied(on ? 'Multi-AZ on' : 'Multi-AZ off');
  }
  if (action.type === 'replica.promote') {
    const id = action.params?.node;
    if (typeof id !== 'string') return { ok: false, error: '"node" must name a replica.' };
    const refused = g.failover.promoteReplica(id);
    return refused ? { ok: false, error: refused } : applied(`${id} promoted`);
  }
  if (action.type === 'wait.set') {
    const on = booleanParam(action.params, 'on');
    if (typeof on === 'string') return { ok: false, error: on };
    workload.waitReplicas = on ? 1 : 0;
    workload.waitTimeoutMs = WAIT_TIMEOUT_MS;
    return applied(on ? `WAIT 1 ${WAIT_TIMEOUT_MS} after each write` : 'no WAIT');
  }
  if (action.type === 'primary.crash' || action.type === 'primary.reboot') {
    const p = g.primary();
    if (!p)
      return { ok: false, error: `${g.id} has no primary right now: a failover is under way.` };
    const type = action.type === 'primary.crash' ? 'node.crash' : 'node.reboot';
    return applyFleetAction(fleet, [plan], AZ_IDS, { type, params: { node: p.id } }, ctx);
  }
  if (action.type === 'primary.partition') {
    const cut = booleanParam(action.params, 'cut');
    if (typeof cut === 'string') return { ok: false, error: cut };
    const az = g.primary()?.az;
    if (!az)
      return { ok: false, error: `${g.id} has no primary right now: a failover is under way.` };
    for (const other of AZ_IDS) if (other !== az) fleet.partition(az, other, cut);
    return applied(`${az} ${cut ? 'cut off from' : 'reconnected to'} the other AZs`);
  }
  if (action.type === 'cluster.reshard') return { ok: false, error: 'Cluster mode is disabled.' };
  return applyFleetAction(fleet, [plan], AZ_IDS, action, ctx);
}
