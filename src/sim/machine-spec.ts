import type { AnyStateMachine, StateValue } from 'xstate';
import type { MachineSpec } from './model';

interface NodeLike {
  id: string;
  key: string;
  path: string[];
  states: Record<string, NodeLike>;
  initial?: { target: readonly NodeLike[] } | undefined;
  transitions: Map<
    string,
    readonly { eventType: string; target?: readonly NodeLike[] | undefined }[]
  >;
  always?: readonly { target?: readonly NodeLike[] | undefined }[] | undefined;
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
      // Eventless transitions, taken as soon as the state is entered (xstate's `always`).
      for (const def of child.always ?? [])
        for (const t of def.target ?? [])
          transitions.push({ from: id, to: t.path.join('.'), event: 'always' });
      for (const [event, defs] of child.transitions) {
        for (const def of defs) {
          for (const t of def.target ?? [])
            transitions.push({
              from: id,
              to: t.path.join('.'),
              event: eventLabel(event, child.id),
            });
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

/**
 * xstate names a delayed transition `xstate.after.<delay>.<state node id>`; the chart says
 * "after <delay>" — a named delay in words ('after detect'), a number in ms ('after 1000 ms').
 */
function eventLabel(event: string, stateNodeId: string): string {
  const prefix = 'xstate.after.';
  const suffix = `.${stateNodeId}`;
  if (!event.startsWith(prefix) || !event.endsWith(suffix)) return event;
  const delay = event.slice(prefix.length, event.length - suffix.length);
  return Number.isFinite(Number(delay)) ? `after ${delay} ms` : `after ${labelOf(delay)}`;
}

/** 'queryingDb' → 'querying db'. */
function labelOf(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
