import type { GroupSpec, NodeSpec } from '../topology';
import type { CachePlan } from './cache-plan';
import { formatSlotRange } from './slot-ranges';

/**
 * The topology's view of a planned cache: one topology node per cache node (kind `cache`, in
 * its AZ, in its group) and one group per row the picture draws — each shard of a
 * cluster-mode-enabled group (label and slot range), or the whole group / Memcached cluster.
 */
export function cacheTopology(plan: CachePlan): { nodes: NodeSpec[]; groups: GroupSpec[] } {
  const id = plan.spec.id;
  const sharded = plan.spec.kind === 'replication-group' && plan.spec.clusterMode;
  const groups: GroupSpec[] = sharded
    ? plan.shards.map((s) => ({
        id: `${id}:${s.id}`,
        label: `${id} shard ${s.id}`,
        shortLabel: s.id,
        ...(s.slots ? { detail: `slots ${formatSlotRange(s.slots)}` } : {}),
      }))
    : [{ id, label: id, detail: groupDetail(plan) }];
  const nodes: NodeSpec[] = plan.nodes.map((n) => ({
    id: n.id,
    label: n.label,
    // In a small picture the row already names the group: keep the member's own number.
    shortLabel: sharded ? `node ${n.id.slice(-3)}` : n.id.slice(id.length + 1),
    kind: 'cache',
    az: n.az,
    group: sharded ? `${id}:${plan.shards[n.shard]!.id}` : id,
  }));
  return { nodes, groups };
}

function groupDetail(plan: CachePlan): string {
  if (plan.engine === 'memcached')
    return `Memcached · ${plan.nodes.length} node${plan.nodes.length === 1 ? '' : 's'}`;
  const replicas = plan.nodes.length - 1;
  return `1 primary · ${replicas} replica${replicas === 1 ? '' : 's'}`;
}
