import { useId, useState } from 'react';
import type { QuizItem } from './types';

/** What a predict item showed: metric values before and after the simulator ran. */
export interface Observation {
  metric: string;
  label: string;
  before: string;
  after: string;
}

export interface QuizPanelProps {
  items: readonly QuizItem[];
  answers: Readonly<Record<string, string>>;
  /** Records a multiple-choice answer. */
  onAnswer(itemId: string, choiceId: string): void;
  /** Records a prediction, runs the simulator, resolves with what it showed (or an error sentence). */
  onPredict(itemId: string, choiceId: string): Promise<Observation[] | string>;
  /** Instructor mode: answers can be revealed without answering. */
  presenter?: boolean;
  score: { answered: number; correct: number; total: number };
}

/** Quiz items; "predict" items are asked before the simulator shows the answer. */
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
  const [observed, setObserved] = useState<Observation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const answered = answer !== undefined;
  const showAnswer = answered || revealed;

  const submit = async () => {
    if (!choice) return;
    if (item.kind === 'choice') {
      onAnswer(item.id, choice);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await onPredict(item.id, choice);
    setBusy(false);
    if (typeof result === 'string') setError(result);
    else setObserved(result);
  };

  const chosen = answer ?? choice;
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
          const right = showAnswer && c.id === item.answer;
          const wrongPick = answered && c.id === answer && c.id !== item.answer;
          return (
            <label
              key={c.id}
              className={`quiz-choice${right ? ' quiz-right' : ''}${wrongPick ? ' quiz-wrong' : ''}`}
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
                {right ? <strong> — correct answer</strong> : null}
                {wrongPick ? <strong> — your answer</strong> : null}
              </span>
            </label>
          );
        })}
        {!answered ? (
          <button type="submit" className="btn btn-primary" disabled={!choice || busy}>
            {item.kind === 'predict'
              ? busy
                ? 'Running the simulator…'
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
              answer === item.answer
                ? 'quiz-verdict quiz-verdict-right'
                : 'quiz-verdict quiz-verdict-wrong'
            }
          >
            {answer === item.answer ? '✓ Correct.' : '✗ Not quite.'}
          </p>
        ) : null}
      </div>
      {observed && observed.length > 0 ? (
        <table className="quiz-observed">
          <caption>What the simulator showed</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {observed.map((o) => (
              <tr key={o.metric}>
                <th scope="row">{o.label}</th>
                <td>{o.before}</td>
                <td>{o.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {showAnswer ? <p className="quiz-explanation">{item.explanation}</p> : null}
      {presenter && !showAnswer ? (
        <button type="button" className="btn btn-small" onClick={() => setRevealed(true)}>
          Reveal answer
        </button>
      ) : null}
    </form>
  );
}
