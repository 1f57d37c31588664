import type { TraceEvent } from '../../worker';
import type { StepDefinition } from './types';

/** A trace event for tests; only the fields goals read matter. */
export function ev(
  seq: number,
  kind: TraceEvent['kind'],
  payload: Record<string, unknown> = {},
): TraceEvent {
  return { seq, t: seq * 1000, kind, from: 'a', to: 'b', payload } as unknown as TraceEvent;
}

export function step(
  id: string,
  goal: StepDefinition['goal'],
  hints: string[] = [],
): StepDefinition {
  return {
    id,
    title: id,
    narration: [`About ${id}`],
    goalText: id,
    goal,
    showMe: { actions: [], windowUs: 1_000_000 },
    question: `What causes ${id}?`,
    hints,
    hintDelayMs: 1000,
    explanation: `Saw ${id}`,
  };
}
