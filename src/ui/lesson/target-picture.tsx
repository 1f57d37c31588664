import './target-picture.css';
import type { TargetView } from './types';

/**
 * The goal's target picture: each part it waits for, its threshold and the live value side by
 * side, with a small bar where "how far along" means something.
 */
export function TargetPicture({ targets }: { targets: readonly TargetView[] }) {
  if (targets.length === 0) return null;
  return (
    <dl className="goal-target" data-testid="goal-target" aria-label="What the goal waits for">
      {targets.map((t, i) => (
        <div key={i} className="goal-target-row">
          <dt>{t.label}</dt>
          <dd>
            <span className="goal-target-want">target {t.target}</span>
            <span className="goal-target-live">now {t.live}</span>
            {t.progress === null ? null : (
              <span className="goal-target-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(t.progress * 100)}%` }} />
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
