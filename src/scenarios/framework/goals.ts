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
    case 'action': {
      let from: number | null = null;
      return latch((input) => {
        from ??= spec.fresh ? input.actions.length : 0;
        // A step back can shorten the log below where tracking started.
        from = Math.min(from, input.actions.length);
        return input.actions
          .slice(from)
          .some(
            ({ action }) => action.type === spec.action && paramsMatch(action.params, spec.params),
          );
      });
    }
    case 'setting':
      return settingTracker(spec);
    case 'any': {
      const parts = spec.goals.map(createGoalTracker);
      return latch((input) => parts.map((p) => p.update(input)).some(Boolean));
    }
    case 'all': {
      const parts = spec.goals.map(createGoalTracker);
      // Every part is fed every time (latching parts see all events); met when all hold at once.
      return latch((input) => parts.map((p) => p.update(input)).every(Boolean));
    }
    case 'sequence': {
      if (spec.goals.length === 0) return latch(() => true);
      let current = createGoalTracker(spec.goals[0]!);
      let passed = 0;
      return latch((input) => {
        // A later part starts tracking (and takes its baselines) only once the earlier ones are met.
        while (passed < spec.goals.length && current.update(input)) {
          passed++;
          if (passed < spec.goals.length) current = createGoalTracker(spec.goals[passed]!);
        }
        return passed === spec.goals.length;
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
      if (
        e.kind === spec.event &&
        paramsMatch(e.payload as unknown as Record<string, unknown>, spec.where)
      )
        seen++;
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
    if (spec.minRequests !== undefined) {
      const requests = input.metrics.Requests ?? 0;
      if (requests - (baseline.Requests ?? 0) < spec.minRequests) return false;
    }
    return compare(spec.delta ? value - (baseline[spec.metric] ?? 0) : value, spec.op, spec.value);
  });
}

/** Holds while the latest action of the type carries the params; never latches by itself. */
function settingTracker(spec: Extract<GoalSpec, { kind: 'setting' }>): GoalTracker {
  let now = false;
  return {
    get met() {
      return now;
    },
    update(input) {
      const last = input.actions.findLast(({ action }) => action.type === spec.action);
      now = last ? paramsMatch(last.action.params, spec.params) : spec.initial;
      return now;
    },
  };
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

  constructor(
    goals: readonly { id: string; goal: GoalSpec }[],
    alreadyMet: readonly string[] = [],
  ) {
    const met = new Set(alreadyMet);
    this.trackers = new Map(
      goals.map((g) => [g.id, met.has(g.id) ? metTracker() : createGoalTracker(g.goal)]),
    );
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
