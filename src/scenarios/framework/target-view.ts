/**
 * The target picture beside a goal (README.md, "Goals"): each part the goal still waits for,
 * in the names on screen, with its threshold and the live value — what Learn Git Branching
 * does by drawing the goal state beside the current one.
 */
import { formatMetricValue, metricInfo, type TargetView } from '../../ui/lesson';
import type { GoalTarget } from './goals';

const OP_TEXT = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '==': '=' } as const;

/** `actionLabel` names an action type as the controls do (the model's action label). */
export function targetViews(
  targets: readonly GoalTarget[],
  actionLabel: (type: string) => string,
): TargetView[] {
  return targets.map((t): TargetView => {
    switch (t.kind) {
      case 'metric': {
        const info = metricInfo(t.metric);
        const fmt = (v: number) => formatMetricValue(v, info.unit);
        const window =
          t.forUs === undefined
            ? ''
            : ` for ${t.forUs / 1e6} s in a row (held ${((t.heldUs ?? 0) / 1e6).toFixed(1)} s)`;
        const lower = t.op === '<' || t.op === '<=';
        return {
          label: `${info.name}${t.delta ? ' (change since the goal started counting)' : ''}`,
          target: `${OP_TEXT[t.op]} ${fmt(t.value)}${window}`,
          live: t.current === null ? '—' : fmt(t.current),
          // How far along, for the small bar: held time for windows, else value ÷ target.
          progress:
            t.forUs !== undefined
              ? Math.min(1, (t.heldUs ?? 0) / t.forUs)
              : t.current === null || lower || t.value <= 0
                ? null
                : Math.max(0, Math.min(1, t.current / t.value)),
        };
      }
      case 'action':
        return {
          label: 'Your action',
          target: actionLabel(t.action),
          live: 'not yet',
          progress: 0,
        };
      case 'setting':
        return {
          label: 'Setting',
          target: `${actionLabel(t.action)}: ${Object.values(t.params).map(String).join(', ')}`,
          live: 'not set',
          progress: 0,
        };
      case 'event':
        return {
          label: 'Seen while playing',
          target: `${t.needed} × ${t.says ?? t.event}`,
          live: String(t.seen),
          progress: Math.min(1, t.seen / t.needed),
        };
    }
  });
}
