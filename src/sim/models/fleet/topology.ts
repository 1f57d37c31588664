import { cacheTopology, type CachePlan } from '../../cache/index';
import type { AzSpec, GroupSpec, NodeSpec, TopologySpec } from '../../topology';

/** App instance ids: app-1 … app-n, spread over the AZs in turn. */
export function appIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `app-${i + 1}`);
}

/**
 * App instances spread over the AZs, every cache's nodes in their groups, and a link from each
 * app instance to each cache node (same-AZ or cross-AZ latency from the topology's defaults).
 * No coordinates: the picture is computed from this (src/sim/layout).
 */
export function fleetTopology(
  region: string,
  azs: readonly AzSpec[],
  apps: number,
  plans: readonly CachePlan[],
): TopologySpec {
  const appNodes: NodeSpec[] = appIds(apps).map((id, i) => ({
    id,
    label: `App instance ${i + 1}`,
    kind: 'app',
    az: azs[i % azs.length]!.id,
  }));
  const cacheNodes: NodeSpec[] = [];
  const groups: GroupSpec[] = [];
  for (const plan of plans) {
    const t = cacheTopology(plan);
    cacheNodes.push(...t.nodes);
    groups.push(...t.groups);
  }
  return {
    region,
    azs: [...azs],
    nodes: [...appNodes, ...cacheNodes],
    links: appNodes.flatMap((a) => cacheNodes.map((c) => ({ from: a.id, to: c.id }))),
    groups,
  };
}
