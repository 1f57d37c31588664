import type { AnyStateMachine, StateValue } from 'xstate';
import type { MachineSpec } from './model';

interface NodeLike {
  key: string;
  path: string[];
  states: Record<string, NodeLike>;
  initial?: { target: readonly NodeLike[] } | undefined;
  transitions: Map<
    string,
    readonly { eventType: string; target?: readonly NodeLike[] | undefined }[]
  >;
}

/** A statechart's drawable structure, read from the xstate definition itself (never retyped). */
export function machineSpecOf(machine: AnyStateMachine, title: string): MachineSpec {
  const root = machine.root as unknown as NodeLike;
  const states: MachineSpec['states'] = [];
  const transitions: MachineSpec['transitions'] = [];
  const visit = (node: NodeLike, parent: string | null): void => {
    for (const child of Object.values(node.states)) {
      const id = child.path.join('.');
      states.push({ id, label: labelOf(child.key), parent });
      for (const [event, defs] of child.transitions) {
        for (const def of defs) {
          for (const t of def.target ?? [])
            transitions.push({ from: id, to: t.path.join('.'), event });
        }
      }
      visit(child, id);
    }
  };
  visit(root, null);
  const initial = root.initial?.target[0]?.path.join('.') ?? states[0]?.id ?? '';
  return { id: machine.id, title, initial, states, transitions };
}

/** Active state ids ('miss.queryingDb' style, leaves and their parents) of a snapshot value. */
export function activeStateIds(value: StateValue): string[] {
  const out: string[] = [];
  const walk = (v: StateValue, prefix: string): void => {
    if (typeof v === 'string') {
      out.push(prefix + v);
      return;
    }
    for (const [k, child] of Object.entries(v)) {
      out.push(prefix + k);
      if (child !== undefined) walk(child as StateValue, `${prefix}${k}.`);
    }
  };
  walk(value, '');
  return out;
}

/** 'queryingDb' → 'querying db'. */
function labelOf(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
