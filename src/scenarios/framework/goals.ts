/**
 * Goal trackers: each GoalSpec becomes a small stateful checker fed with what the simulator
 * reports (trace events of a batch, the snapshot's metrics, the action log). A tracker latches:
 * once met it stays met, so a goal reached early still counts when its step comes.
 */
import type { LoggedAction, TraceEvent } from '../../worker';
import type { GoalSpec, MetricOp } from './types';

export interface GoalInput {
  /** Trace events not seen before (one batch). */
  events: readonly TraceEvent[];
  metrics: Readonly<Record<string, number>>;
  /** The whole action log as it stands now. */
  actions: readonly LoggedAction[];
}

export interface GoalTracker {
  readonly met: boolean;
  /** Feeds one observation; returns whether the goal is (now or already) met. */
  update(input: GoalInput): boolean;
}

export function createGoalTracker(spec: GoalSpec): GoalTracker {
  switch (spec.kind) {
    case 'event':
      return eventTracker(spec);
    case 'metric':
      return metricTracker(spec);
    case 'action':
      return latch((input) => input.actions.some(({ action }) => action.type === spec.action && paramsMatch(action.params, spec.params)));
    case 'all': {
      const parts = spec.goals.map(createGoalTracker);
      return latch((input) => parts.map((p) => p.update(input)).every(Boolean));
    }
    case 'sequence': {
      const parts: GoalTracker[] = [];
      return latch((input) => {
        // A later part starts tracking (and takes its delta baseline) only when the earlier ones are met.
        for (;;) {
          const i = parts.length;
          if (i > 0 && !parts[i - 1]!.update(input)) return false;
          if (i === spec.goals.length) return true;
          parts.push(createGoalTracker(spec.goals[i]!));
        }
      });
    }
  }
}

function latch(check: (input: GoalInput) => boolean): GoalTracker {
  let met = false;
  return {
    get met() {
      return met;
    },
    update(input) {
      if (!met && check(input)) met = true;
      return met;
    },
  };
}

function eventTracker(spec: Extract<GoalSpec, { kind: 'event' }>): GoalTracker {
  const needed = spec.count ?? 1;
  let seen = 0;
  return latch((input) => {
    for (const e of input.events) {
      if (e.kind === spec.event && paramsMatch(e.payload as unknown as Record<string, unknown>, spec.where)) seen++;
    }
    return seen >= needed;
  });
}

function metricTracker(spec: Extract<GoalSpec, { kind: 'metric' }>): GoalTracker {
  let baseline: Readonly<Record<string, number>> | null = null;
  return latch((input) => {
    const value = input.metrics[spec.metric];
    if (value === undefined || !Number.isFinite(value)) return false;
    baseline ??= input.metrics;
    const base = (name: string) => (spec.delta ? (baseline![name] ?? 0) : 0);
    if (spec.minRequests !== undefined) {
      const requests = input.metrics.Requests ?? 0;
      if (requests - base('Requests') < spec.minRequests) return false;
    }
    return compare(value - base(spec.metric), spec.op, spec.value);
  });
}

export function compare(a: number, op: MetricOp, b: number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '==':
      return a === b;
  }
}

function paramsMatch(
  actual: Readonly<Record<string, unknown>> | undefined,
  wanted: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if (!wanted) return true;
  if (!actual) return false;
  return Object.entries(wanted).every(([k, v]) => actual[k] === v);
}

/** Every goal of a lesson tracked at once, by step id. */
export class LessonGoals {
  private trackers: Map<string, GoalTracker>;

  constructor(goals: readonly { id: string; goal: GoalSpec }[], alreadyMet: readonly string[] = []) {
    const met = new Set(alreadyMet);
    this.trackers = new Map(goals.map((g) => [g.id, met.has(g.id) ? metTracker() : createGoalTracker(g.goal)]));
  }

  /** Feeds an observation to every goal not met yet; returns the ids that became met. */
  update(input: GoalInput): string[] {
    const newlyMet: string[] = [];
    for (const [id, t] of this.trackers) {
      if (t.met) continue;
      if (t.update(input)) newlyMet.push(id);
    }
    return newlyMet;
  }

  isMet(id: string): boolean {
    return this.trackers.get(id)?.met ?? false;
  }
}

function metTracker(): GoalTracker {
  return { met: true, update: () => true };
}
