import { useId, useState } from 'react';
import type { QuizItem } from './types';

/** One observed metric of a prediction: its value over the period before and the period after. */
export interface Observation {
  metric: string;
  label: string;
  before: string;
  after: string;
}

/** What a prediction showed, from a fork of the simulation (the lesson's own run is untouched). */
export interface Prediction {
  /** Column headings: the period before and the period after ("Last 10 s", "Next 10 s"). */
  periods: [string, string];
  rows: Observation[];
}

export interface QuizPanelProps {
  items: readonly QuizItem[];
  answers: Readonly<Record<string, string>>;
  /** Records an answer (a retry replaces the earlier one). */
  onAnswer(itemId: string, choiceId: string): void;
  /** Records a prediction, runs it in a fork, resolves with what it showed (or an error sentence). */
  onPredict(itemId: string, choiceId: string): Promise<Prediction | string>;
  /** Instructor mode: answers can be revealed without answering. */
  presenter?: boolean;
  score: { answered: number; correct: number; total: number };
}

/**
 * Quiz items; "predict" items are asked before the simulator shows the answer. A wrong answer
 * shows why that option is wrong, then may be retried; a right one shows every option's why.
 */
export function QuizPanel({
  items,
  answers,
  onAnswer,
  onPredict,
  presenter = false,
  score,
}: QuizPanelProps) {
  return (
    <section className="panel quiz" aria-labelledby="quiz-heading">
      <h2 id="quiz-heading">
        Check yourself{' '}
        <span className="muted" data-testid="quiz-score">
          ({score.correct} of {score.total} right, {score.answered} answered)
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">Questions appear here as you work through the steps.</p>
      ) : null}
      {items.map((item) => (
        <QuizCard
          key={item.id}
          item={item}
          answer={answers[item.id]}
          onAnswer={onAnswer}
          onPredict={onPredict}
          presenter={presenter}
        />
      ))}
    </section>
  );
}

function QuizCard({
  item,
  answer,
  onAnswer,
  onPredict,
  presenter,
}: {
  item: QuizItem;
  answer: string | undefined;
  onAnswer: QuizPanelProps['onAnswer'];
  onPredict: QuizPanelProps['onPredict'];
  presenter: boolean;
}) {
  const name = useId();
  const [choice, setChoice] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [observed, setObserved] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  /** After a wrong answer the student pressed "Try again": the item is open once more. */
  const [retrying, setRetrying] = useState(false);
  const answered = answer !== undefined && !retrying;
  const right = answered && answer === item.answer;
  const solved = right || revealed;

  const submit = async () => {
    if (!choice) return;
    if (item.kind === 'choice' || observed) {
      // A retried prediction keeps the fork's result: the student re-reads the same numbers.
      onAnswer(item.id, choice);
      setRetrying(false);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await onPredict(item.id, choice);
    setBusy(false);
    if (typeof result === 'string') setError(result);
    else {
      setObserved(result);
      setRetrying(false);
    }
  };

  const chosen = answered ? answer : choice;
  const picked = item.choices.find((c) => c.id === answer);
  return (
    <form
      className="quiz-item"
      data-quiz={item.id}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset disabled={answered || busy}>
        <legend>
          {item.kind === 'predict' ? <span className="quiz-tag">Predict</span> : null}
          {item.fromCourseNotes ? <span className="quiz-tag">Exam-style</span> : null}
          {item.prompt}
        </legend>
        {item.choices.map((c) => {
          const isRight = solved && c.id === item.answer;
          const wrongPick = answered && c.id === answer && c.id !== item.answer;
          return (
            <label
              key={c.id}
              className={`quiz-choice${isRight ? ' quiz-right' : ''}${wrongPick ? ' quiz-wrong' : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={c.id}
                checked={chosen === c.id}
                onChange={() => setChoice(c.id)}
              />
              <span>
                {c.text}
                {isRight ? <strong> — correct answer</strong> : null}
                {wrongPick ? <strong> — your answer</strong> : null}
                {solved && !isRight ? <span className="quiz-why"> {c.why}</span> : null}
              </span>
            </label>
          );
        })}
        {!answered ? (
          <button type="submit" className="btn btn-primary" disabled={!choice || busy}>
            {item.kind === 'predict' && !observed
              ? busy
                ? 'Running a copy of the simulation…'
                : 'Lock in prediction and run'
              : 'Check answer'}
          </button>
        ) : null}
      </fieldset>
      {error ? (
        <p className="quiz-error" role="alert">
          {error}
        </p>
      ) : null}
      <div role="status">
        {answered ? (
          <p
            className={
              right ? 'quiz-verdict quiz-verdict-right' : 'quiz-verdict quiz-verdict-wrong'
            }
          >
            {right ? '✓ Correct.' : '✗ Not quite.'}
          </p>
        ) : null}
      </div>
      {answered && !right && picked ? (
        <div className="quiz-retry">
          <p className="quiz-explanation">
            <strong>Why not:</strong> {picked.why}
          </p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setChoice('');
              setRetrying(true);
            }}
          >
            Try again
          </button>
        </div>
      ) : null}
      {observed && observed.rows.length > 0 ? (
        <table className="quiz-observed">
          <caption>What a copy of your simulation showed (yours is untouched)</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">{observed.periods[0]}</th>
              <th scope="col">{observed.periods[1]}</th>
            </tr>
          </thead>
          <tbody>
            {observed.rows.map((o) => (
              <tr key={o.metric}>
                <th scope="row">{o.label}</th>
                <td>{o.before}</td>
                <td>{o.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {solved ? (
        <p className="quiz-explanation">
          {item.choices.find((c) => c.id === item.answer)?.why} {item.explanation}
        </p>
      ) : null}
      {presenter && !solved ? (
        <button type="button" className="btn btn-small" onClick={() => setRevealed(true)}>
          Reveal answer
        </button>
      ) : null}
    </form>
  );
}
