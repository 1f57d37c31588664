/**
 * Goal trackers: each GoalSpec becomes a small stateful checker fed with what the simulator
 * reports (trace events of a batch, the snapshot's metrics, the action log, the virtual time).
 * A tracker latches: once met it stays met. A lesson's goals start being tracked when their
 * step is entered (README.md, "Goals"), so nothing the background workload did before counts.
 */
import type { LoggedAction, TraceEvent, UserAction } from '../../worker';
import type { GoalSpec, MetricOp, ParamMatch } from './types';

export interface GoalInput {
  /** Trace events not seen before (one batch). */
  events: readonly TraceEvent[];
  metrics: Readonly<Record<string, number>>;
  /** The whole action log as it stands now. */
  actions: readonly LoggedAction[];
  /** Virtual time of the snapshot (µs). */
  nowUs: number;
}

/** What a goal still waits for: its pending leaves, for the target picture beside the goal. */
export type GoalTarget =
  | {
      kind: 'metric';
      metric: string;
      op: MetricOp;
      value: number;
      delta: boolean;
      /** The value compared now (the change since tracking started when `delta`); null = none yet. */
      current: number | null;
      /** For a window goal: how long it must hold, and how long it has held so far. */
      forUs?: number;
      heldUs?: number;
    }
  | { kind: 'action'; action: string; params?: Readonly<Record<string, ParamMatch>> }
  | { kind: 'setting'; action: string; params: Readonly<Record<string, ParamMatch>> }
  | { kind: 'event'; event: string; says?: string; seen: number; needed: number };

export interface GoalTracker {
  readonly met: boolean;
  /** Feeds one observation; returns whether the goal is (now or already) met. */
  update(input: GoalInput): boolean;
  /** The parts not met yet (empty once met). */
  targets(): GoalTarget[];
}

/** Shared by the parts of one goal: the action a part matched, for later parts to refer to. */
interface Scope {
  action?: UserAction;
}

export function createGoalTracker(spec: GoalSpec, scope: Scope = {}): GoalTracker {
  switch (spec.kind) {
    case 'event':
      return eventTracker(spec, scope);
    case 'metric':
      return metricTracker(spec);
    case 'action':
      return actionTracker(spec, scope);
    case 'setting':
      return settingTracker(spec);
    case 'any': {
      const parts = spec.goals.map((g) => createGoalTracker(g, scope));
      return latch(
        (input) => parts.map((p) => p.update(input)).some(Boolean),
        () => parts.flatMap((p) => p.targets()),
      );
    }
    case 'all': {
      const parts = spec.goals.map((g) => createGoalTracker(g, scope));
      // Every part is fed every time (latching parts see all events); met when all hold at once.
      return latch(
        (input) => parts.map((p) => p.update(input)).every(Boolean),
        () => parts.flatMap((p) => p.targets()),
      );
    }
    case 'sequence': {
      if (spec.goals.length === 0)
        return latch(
          () => true,
          () => [],
        );
      let current = createGoalTracker(spec.goals[0]!, scope);
      let passed = 0;
      return latch(
        (input) => {
          // A later part starts tracking (and takes its baselines) only once the earlier ones are met.
          while (passed < spec.goals.length && current.update(input)) {
            passed++;
            if (passed < spec.goals.length) current = createGoalTracker(spec.goals[passed]!, scope);
          }
          return passed === spec.goals.length;
        },
        () => current.targets(),
      );
    }
  }
}

function latch(check: (input: GoalInput) => boolean, pending: () => GoalTarget[]): GoalTracker {
  let met = false;
  return {
    get met() {
      return met;
    },
    update(input) {
      if (!met && check(input)) met = true;
      return met;
    },
    targets: () => (met ? [] : pending()),
  };
}

/** Only actions logged after tracking started count: the step asks the student to do them. */
function actionTracker(spec: Extract<GoalSpec, { kind: 'action' }>, scope: Scope): GoalTracker {
  let from: number | null = null;
  return latch(
    (input) => {
      from ??= input.actions.length;
      // A step back can shorten the log below where tracking started.
      from = Math.min(from, input.actions.length);
      const hit = input.actions
        .slice(from)
        .find(
          ({ action }) => action.type === spec.action && paramsMatch(action.params, spec.params),
        );
      if (hit) scope.action = hit.action;
      return hit !== undefined;
    },
    () => [{ kind: 'action', action: spec.action, params: spec.params }],
  );
}

function eventTracker(spec: Extract<GoalSpec, { kind: 'event' }>, scope: Scope): GoalTracker {
  const needed = spec.count ?? 1;
  let seen = 0;
  return latch(
    (input) => {
      for (const e of input.events) {
        if (
          e.kind === spec.event &&
          paramsMatch(e.payload as unknown as Record<string, unknown>, spec.where, scope.action)
        )
          seen++;
      }
      return seen >= needed;
    },
    () => [{ kind: 'event', event: spec.event, says: spec.says, seen, needed }],
  );
}

function metricTracker(spec: Extract<GoalSpec, { kind: 'metric' }>): GoalTracker {
  let baseline: Readonly<Record<string, number>> | null = null;
  let current: number | null = null;
  /** Virtual time since which the condition has held without a break (window goals). */
  let heldSince: number | null = null;
  let lastNow = 0;
  return latch(
    (input) => {
      const value = input.metrics[spec.metric];
      lastNow = input.nowUs;
      if (value === undefined || !Number.isFinite(value)) return false;
      baseline ??= input.metrics;
      current = spec.delta ? value - (baseline[spec.metric] ?? 0) : value;
      if (spec.minRequests !== undefined) {
        const requests = input.metrics.Requests ?? 0;
        if (requests - (baseline.Requests ?? 0) < spec.minRequests) return false;
      }
      const holds = compare(current, spec.op, spec.value);
      if (spec.forUs === undefined) return holds;
      if (!holds) {
        heldSince = null;
        return false;
      }
      heldSince ??= input.nowUs;
      return input.nowUs - heldSince >= spec.forUs;
    },
    () => [
      {
        kind: 'metric',
        metric: spec.metric,
        op: spec.op,
        value: spec.value,
        delta: spec.delta ?? false,
        current,
        ...(spec.forUs === undefined
          ? {}
          : { forUs: spec.forUs, heldUs: heldSince === null ? 0 : lastNow - heldSince }),
      },
    ],
  );
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
    targets: () => (now ? [] : [{ kind: 'setting', action: spec.action, params: spec.params }]),
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

/**
 * Whether `actual` has every wanted value. A wanted value `{ fromAction, format }` is taken from
 * the params of the action an earlier part of the goal matched ("the product *you* updated").
 */
function paramsMatch(
  actual: Readonly<Record<string, unknown>> | undefined,
  wanted: Readonly<Record<string, ParamMatch>> | undefined,
  action?: UserAction,
): boolean {
  if (!wanted) return true;
  if (!actual) return false;
  return Object.entries(wanted).every(([k, v]) => {
    if (typeof v !== 'object') return actual[k] === v;
    const p = action?.params?.[v.fromAction];
    if (p === undefined) return false;
    return actual[k] === (v.format ? v.format.replace('{}', String(p)) : p);
  });
}

/**
 * Every goal of a lesson, by step id. A goal is tracked from the moment its step is entered
 * (`enter`), or from the start when its step says `mayBeMetEarly`.
 */
export class LessonGoals {
  private trackers = new Map<string, GoalTracker>();
  private readonly specs: Map<string, GoalSpec>;

  constructor(
    goals: readonly { id: string; goal: GoalSpec; mayBeMetEarly?: boolean }[],
    alreadyMet: readonly string[] = [],
  ) {
    this.specs = new Map(goals.map((g) => [g.id, g.goal]));
    const met = new Set(alreadyMet);
    for (const g of goals) {
      if (met.has(g.id)) this.trackers.set(g.id, metTracker());
      else if (g.mayBeMetEarly) this.trackers.set(g.id, createGoalTracker(g.goal));
    }
  }

  /** The student is now on this step: its goal starts being tracked (once; re-entry keeps it). */
  enter(id: string): void {
    const spec = this.specs.get(id);
    if (spec && !this.trackers.has(id)) this.trackers.set(id, createGoalTracker(spec));
  }

  /**
   * The student skipped the step: its goal stops being tracked (nothing in the background can
   * meet it later); entering the step again starts it afresh.
   */
  drop(id: string): void {
    if (!this.isMet(id)) this.trackers.delete(id);
  }

  /** Feeds an observation to every tracked goal not met yet; returns the ids that became met. */
  update(input: GoalInput): string[] {
    const newlyMet: string[] = [];
    // In step order, so goals met by one observation are reported as the lesson lists them.
    for (const id of this.specs.keys()) {
      const t = this.trackers.get(id);
      if (!t || t.met) continue;
      if (t.update(input)) newlyMet.push(id);
    }
    return newlyMet;
  }

  isMet(id: string): boolean {
    return this.trackers.get(id)?.met ?? false;
  }

  isTracked(id: string): boolean {
    return this.trackers.has(id);
  }

  /** What the goal still waits for (empty when met or not tracked yet). */
  targets(id: string): GoalTarget[] {
    return this.trackers.get(id)?.targets() ?? [];
  }
}

function metTracker(): GoalTracker {
  return { met: true, update: () => true, targets: () => [] };
}
