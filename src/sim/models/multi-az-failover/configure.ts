import type { CachePlan } from '../../cache/index';
import type { ApplyOutcome, SimContext, UserAction } from '../../model';
import {
  describeShape,
  PLACEMENTS,
  planShape,
  type FailoverSystem,
  type GroupShape,
  type Placement,
} from './system';

export type Configured =
  { ok: true; shape: GroupShape; plan: CachePlan } | Extract<ApplyOutcome, { ok: false }>;

/**
 * `group.configure`: the lesson's replica count (0–5) and placement (spread over the AZs, or all
 * in the primary's AZ). Checked against ElastiCache's limits first — a refusal names the limit
 * (docs/aws/replication-groups.md: 0–5 replicas per shard; docs/aws/failover.md: Multi-AZ needs a replica) and changes nothing.
 * Accepted, the group is created anew in that shape, empty, with Multi-AZ as it is now: the
 * apps stop, the kernel drops everything the old group had scheduled, and the new group and
 * apps start at this instant (deterministic: the same action at the same time, the same run).
 */
export function configureGroup(
  action: UserAction,
  current: GroupShape,
  multiAz: boolean,
  system: FailoverSystem,
  c: SimContext,
): Configured {
  const raw = action.params?.replicas;
  const replicas = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    return {
      ok: false,
      error: `"replicas" must be a whole number of read replicas per shard, 0 or more (got ${JSON.stringify(raw ?? null)}).`,
    };
  const placement = action.params?.placement ?? current.placement;
  if (!PLACEMENTS.includes(placement as Placement))
    return {
      ok: false,
      error: `"placement" must be one of ${PLACEMENTS.join(', ')} (got ${JSON.stringify(placement)}).`,
    };
  const shape: GroupShape = { replicas, placement: placement as Placement };
  if (shape.replicas === current.replicas && shape.placement === current.placement)
    return { ok: false, error: `orders already has ${describeShape(shape)}.` };
  const plan = planShape(shape, multiAz);
  if (typeof plan === 'string') return { ok: false, error: plan };
  system.stop();
  c.kernel.clear();
  c.emit('action.applied', '', '', {
    action: action.type,
    detail: `orders created anew with ${describeShape(shape)}; it starts empty`,
  });
  return { ok: true, shape, plan };
}
