import { useState, type ReactNode } from 'react';

export interface LessonToolbarProps {
  canStepBack: boolean;
  busy: boolean;
  onStepBack(): Promise<string | null>;
  onShare(): Promise<string>;
  onReset(): void;
  /** Runs the simulation ahead by this much virtual time (no animation). */
  onRunAhead(durationUs: number): Promise<void>;
  /** More tools after Reset (the learn page's Embed dialog). */
  extra?: ReactNode;
}

/** Lessons need seconds of simulated time; animation at 1× shows milliseconds. */
const RUN_AHEAD_S = [1, 5, 30];

/** Step back (undo the last action), a share link of this exact state, and a lesson reset. */
export function LessonToolbar({
  canStepBack,
  busy,
  onStepBack,
  onShare,
  onReset,
  onRunAhead,
  extra,
}: LessonToolbarProps) {
  const [link, setLink] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="lesson-toolbar" role="group" aria-label="Lesson tools">
      <span className="run-ahead" role="group" aria-labelledby="run-ahead-label">
        <span id="run-ahead-label">Run ahead</span>
        {RUN_AHEAD_S.map((s) => (
          <button
            key={s}
            type="button"
            className="btn"
            disabled={busy}
            aria-label={`Run ${s} second${s === 1 ? '' : 's'} of simulated time`}
            onClick={() => void onRunAhead(s * 1_000_000)}
          >
            {s} s
          </button>
        ))}
      </span>
      <button
        type="button"
        className="btn"
        disabled={!canStepBack || busy}
        onClick={() =>
          void onStepBack().then((m) =>
            setMessage(
              m ??
                'Stepped back: the last action was undone and the simulation rebuilt from the seed.',
            ),
          )
        }
      >
        <span aria-hidden="true">↶ </span>Step back
      </button>
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() =>
          void onShare().then(
            (url) => {
              setLink(url);
              setMessage(
                'Share link ready: it opens this exact state (seed, your actions and the lesson step).',
              );
            },
            (err: unknown) =>
              setMessage(`No link was made: ${err instanceof Error ? err.message : String(err)}`),
          )
        }
      >
        Share
      </button>
      {confirming ? (
        <span className="confirm">
          Start the lesson over? Your goals, answers and actions are cleared.{' '}
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => {
              setConfirming(false);
              setLink(null);
              onReset();
            }}
          >
            Yes, reset
          </button>{' '}
          <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(true)}>
          Reset lesson
        </button>
      )}
      {extra}
      {link ? (
        <div className="share-link">
          <label htmlFor="share-link-url">Share link</label>
          <input
            id="share-link-url"
            type="text"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              void navigator.clipboard?.writeText(link).then(
                () => setMessage('Link copied.'),
                () => setMessage('Copy is blocked here; select the link and copy it by hand.'),
              )
            }
          >
            Copy
          </button>
        </div>
      ) : null}
      <p role="status" className="toolbar-message">
        {message}
      </p>
    </div>
  );
}
