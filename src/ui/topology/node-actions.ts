import type { ActionSpec, TopologyNodeView, TopologyView, UserAction } from '../../worker';

/** An action the node panel offers on one node, with that node's id or AZ filled in. */
export interface NodeAction {
  spec: ActionSpec;
  action: UserAction;
  /** The button's text: the action's label, naming the AZ when it acts on one. */
  label: string;
}

/**
 * The faults and operations a node supports (ActionSpec.target), ready to apply: the clicked
 * node's id or AZ goes into the parameter the target names; other parameters take their
 * defaults. An action whose parameter does not offer this node (an app slot it does not cover)
 * is left out.
 */
export function actionsForNode(
  actions: readonly ActionSpec[],
  node: TopologyNodeView,
  topology: TopologyView,
): NodeAction[] {
  const out: NodeAction[] = [];
  for (const spec of actions) {
    const t = spec.target;
    if (!t) continue;
    const byId = t.ids?.includes(node.id) ?? false;
    const byKind = t.kinds?.includes(node.kind) ?? false;
    if (!byId && !byKind) continue;
    const params: Record<string, string | number | boolean> = {};
    for (const p of spec.params ?? []) params[p.name] = p.default;
    let label = spec.label;
    if (t.param) {
      const value = t.param.from === 'id' ? node.id : node.az;
      const param = spec.params?.find((p) => p.name === t.param!.name);
      if (param?.kind === 'choice' && !param.options.includes(value)) continue;
      params[t.param.name] = value;
      if (t.param.from === 'az') {
        const az = topology.azs.find((a) => a.id === node.az)?.label ?? node.az;
        label = `${spec.label}: ${az}`;
      }
    }
    const action: UserAction =
      spec.params && spec.params.length > 0 ? { type: spec.type, params } : { type: spec.type };
    out.push({ spec, action, label });
  }
  return out;
}
