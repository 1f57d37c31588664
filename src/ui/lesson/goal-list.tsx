export interface GoalListProps {
  steps: readonly { id: string; title: string; goalText: string }[];
  met: readonly string[];
  index: number;
  /** Instructor mode: each step is a button that jumps there. */
  onJump?: (index: number) => void;
}

/** All goals of the lesson with their state in words (done / current / to do), not colour alone. */
export function GoalList({ steps, met, index, onJump }: GoalListProps) {
  const done = steps.filter((s) => met.includes(s.id)).length;
  return (
    <section className="panel goal-list" aria-labelledby="goal-list-heading">
      <h2 id="goal-list-heading">
        Goals{' '}
        <span className="muted">
          ({done} of {steps.length} done)
        </span>
      </h2>
      <ol>
        {steps.map((s, i) => {
          const isMet = met.includes(s.id);
          const state = isMet ? 'done' : i === index ? 'current' : 'to do';
          const content = (
            <>
              <span className="goal-mark" aria-hidden="true">
                {isMet ? '✓' : i === index ? '▸' : '○'}
              </span>
              <span>
                {s.title} <span className="visually-hidden">— {state}</span>
              </span>
            </>
          );
          return (
            <li
              key={s.id}
              className={`goal-item goal-${state.replace(' ', '-')}`}
              aria-current={i === index ? 'step' : undefined}
              data-goal={s.id}
              data-state={state}
            >
              {onJump ? (
                <button type="button" className="btn-plain" onClick={() => onJump(i)}>
                  {content}
                </button>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
