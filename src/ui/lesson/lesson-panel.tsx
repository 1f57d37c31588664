import { useEffect, useRef, useState } from 'react';
import { TargetPicture } from './target-picture';
import type { StepView, TargetView } from './types';

export interface LessonPanelProps {
  steps: readonly StepView[];
  /** Current step index; steps.length when the lesson is complete. */
  index: number;
  /** Whether the current step's goal is met. */
  goalMet: boolean;
  /** Hints revealed: the question first, then the procedure lines. */
  hintsShown: number;
  /** What the goal still waits for, with live values. */
  targets: readonly TargetView[];
  onNext(): void;
  onPrev(): void;
  onHint(): void;
  /** Performs the step's action (resolves with an error sentence, or null). */
  onShowMe(): Promise<string | null>;
  onSkip(): void;
  completeText: string;
}

/** The current step: narration, the goal and whether it is met, hints, and what was just seen. */
export function LessonPanel({
  steps,
  index,
  goalMet,
  hintsShown,
  targets,
  onNext,
  onPrev,
  onHint,
  onShowMe,
  onSkip,
  completeText,
}: LessonPanelProps) {
  const [showMeError, setShowMeError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  // Moving to another step moves focus to its heading, so keyboard and screen-reader users follow.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
    setShowMeError(null);
  }, [index]);

  const step = steps[index];
  if (!step) {
    return (
      <section className="panel lesson-panel" aria-labelledby="lesson-step-heading">
        <h2 id="lesson-step-heading" ref={heading} tabIndex={-1}>
          Lesson complete
        </h2>
        <p>{completeText}</p>
        <div className="button-row">
          <button type="button" className="btn" onClick={onPrev}>
            ← Previous step
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="panel lesson-panel" aria-labelledby="lesson-step-heading">
      <p className="lesson-step-count">
        Step {index + 1} of {steps.length}
      </p>
      <h2 id="lesson-step-heading" ref={heading} tabIndex={-1}>
        {step.title}
      </h2>
      {step.narration.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <div className={`goal-box${goalMet ? ' goal-met' : ''}`} data-testid="current-goal">
        <p>
          <span className="goal-mark" aria-hidden="true">
            {goalMet ? '✓' : '○'}
          </span>
          <strong>Goal:</strong> {step.goalText}{' '}
          <span className="goal-status" role="status">
            {goalMet ? '— done!' : '— not yet'}
          </span>
        </p>
        {goalMet ? null : <TargetPicture targets={targets} />}
      </div>
      {goalMet ? <p className="lesson-explanation">{step.explanation}</p> : null}
      {step.correction ? (
        <aside className="correction" aria-label="Course notes correction">
          <p>
            <strong>The course notes say:</strong> “{step.correction.claim}”
          </p>
          <p>
            <strong>{step.correction.wasTrue ? 'Outdated — true today:' : 'In fact:'}</strong>{' '}
            {step.correction.truth} <span className="muted">({step.correction.source})</span>
          </p>
        </aside>
      ) : null}
      {hintsShown > 0 ? (
        <div className="hints" data-testid="hints">
          <h3>Hints</h3>
          <p className="hint-question">
            <strong>Think first:</strong> {step.question}
          </p>
          {hintsShown > 1 ? (
            <ol>
              {step.hints.slice(0, hintsShown - 1).map((h, i) => (
                <li key={i}>{h}</li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
      {showMeError ? (
        <p className="quiz-error" role="alert">
          {showMeError}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="btn" onClick={onPrev} disabled={index === 0}>
          ← Previous step
        </button>
        {!goalMet && hintsShown < 1 + step.hints.length ? (
          <button type="button" className="btn" onClick={onHint}>
            {hintsShown === 0 ? 'Hint' : 'Next hint'}
          </button>
        ) : null}
        {!goalMet && hintsShown > step.hints.length ? (
          <button
            type="button"
            className="btn"
            onClick={() => void onShowMe().then(setShowMeError)}
          >
            Show me
          </button>
        ) : null}
        {!goalMet && hintsShown > step.hints.length ? (
          <button type="button" className="btn" onClick={onSkip}>
            Skip step
          </button>
        ) : null}
        <button type="button" className="btn btn-primary" onClick={onNext} disabled={!goalMet}>
          {index + 1 < steps.length ? 'Next step →' : 'Finish lesson'}
        </button>
      </div>
    </section>
  );
}
