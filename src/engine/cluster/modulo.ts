import { ketamaKeyHash, type RingNode } from './ketama';

/** The naive client: hash(key) mod N. Adding or removing one node remaps most keys. */
export interface ModuloSharding {
  readonly nodes: readonly RingNode[];
  lookup(key: string): number;
}

export function createModuloSharding(nodes: readonly RingNode[]): ModuloSharding {
  return {
    nodes,
    // Same key hash as the ring so the comparison isolates the placement rule.
    lookup: (key) => (nodes.length === 0 ? -1 : ketamaKeyHash(key) % nodes.length),
  };
}
