import type { SlideQuestion } from './lecture-types';

const LETTERS = 'ABCDE';

/**
 * A slide's question. The audience's copy never holds the answer until it is revealed (the
 * answer is not in the page at all, not merely hidden); the presenter's always shows it.
 */
export function QuestionCard({
  question,
  showAnswer,
  headingId,
}: {
  question: SlideQuestion;
  showAnswer: boolean;
  headingId: string;
}) {
  return (
    <section
      className={`present-question${showAnswer ? ' present-question-answered' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{question.prompt}</h2>
      <ol className="present-choices">
        {question.choices.map((c, i) => {
          const right = showAnswer && i === question.answer;
          return (
            <li key={c} className={right ? 'present-choice-right' : undefined}>
              <span className="present-letter" aria-hidden="true">
                {LETTERS[i]}
              </span>{' '}
              {c}
              {right ? <strong className="present-answer-mark"> ✓ Answer</strong> : null}
            </li>
          );
        })}
      </ol>
      {showAnswer ? <p className="present-why">{question.why}</p> : null}
    </section>
  );
}
