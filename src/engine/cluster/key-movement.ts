import type { RingNode } from './ketama';
import { nodeName } from './ketama';

interface Placement {
  readonly nodes: readonly RingNode[];
  lookup(key: string): number;
}

export interface KeyMovement {
  total: number;
  moved: number;
  /** moved / total. */
  fraction: number;
  /** Keys whose node changed, with the node names before and after. */
  movedKeys: { key: string; from: string; to: string }[];
  /** Keys per node (by name) after the change. */
  perNodeAfter: Record<string, number>;
}

/** Which keys change node between two placements (e.g. before/after adding a node). */
export function keyMovement(
  before: Placement,
  after: Placement,
  keys: Iterable<string>,
  keepKeys = true,
): KeyMovement {
  let total = 0;
  let moved = 0;
  const movedKeys: KeyMovement['movedKeys'] = [];
  const perNodeAfter: Record<string, number> = {};
  for (const n of after.nodes) perNodeAfter[nodeName(n)] = 0;
  for (const key of keys) {
    total++;
    const from = nodeName(before.nodes[before.lookup(key)]!);
    const to = nodeName(after.nodes[after.lookup(key)]!);
    perNodeAfter[to] = (perNodeAfter[to] ?? 0) + 1;
    if (from !== to) {
      moved++;
      if (keepKeys) movedKeys.push({ key, from, to });
    }
  }
  return { total, moved, fraction: total === 0 ? 0 : moved / total, movedKeys, perNodeAfter };
}
