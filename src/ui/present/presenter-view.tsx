import { useEffect, useState } from 'react';
import { formatElapsed, formatVirtual } from './format';
import type { LectureDefinition } from './lecture-types';
import { QuestionCard } from './question-card';
import type { AudienceStatus, SharedState } from './sync-protocol';

export interface PresenterViewProps {
  lecture: LectureDefinition;
  state: SharedState;
  /** The audience window's simulation; null while none is open. */
  audience: AudienceStatus | null;
  /** False where the browser offers no channel between windows. */
  available: boolean;
  /** A problem with the link (a bad `slide=`). */
  notice: string | null;
  onMove(delta: 1 | -1): void;
  onTogglePlay(): void;
  onBlank(): void;
  onBackToScript(): void;
  onReveal(): void;
  onFault(index: number): void;
  onOpenAudience(): void;
  onKeyMap(): void;
}

/**
 * The instructor's own window: the notes, the answer (with a Reveal button for the room), the
 * slide's faults as buttons, the next slide, a timer, and what the audience window is doing.
 */
export function PresenterView(p: PresenterViewProps) {
  const { lecture, state, audience } = p;
  const slide = lecture.slides[state.slide]!;
  const next = lecture.slides[state.slide + 1];
  const faults = slide.faults ?? [];
  const noAudience = audience === null;
  return (
    <div className="present-presenter" data-slide={state.slide + 1} data-revealed={state.revealed}>
      <header className="presenter-head">
        <h1>
          Presenter view <span className="presenter-lecture">— {lecture.title}</span>
        </h1>
        <ElapsedTimer />
      </header>
      <p>
        <a
          href={`#/present/${encodeURIComponent(lecture.scenario)}?view=lesson`}
          target="_blank"
          rel="noopener"
        >
          The whole lesson, every step open (new tab)
        </a>
      </p>
      <p className="presenter-link" role="status">
        {!p.available
          ? 'This browser gives the windows no channel to each other: each works alone.'
          : noAudience
            ? 'No audience window answers. Open one for the projector.'
            : `Audience: slide ${audience.slide + 1}, ${audience.busy ? 'setting up…' : `${formatVirtual(audience.nowUs)}, ${audience.playing ? 'playing' : 'paused'}, ${audience.onScript ? 'on script' : 'off script'}`}${state.blank ? ', screen blank' : ''}`}
        {noAudience ? (
          <button type="button" onClick={p.onOpenAudience}>
            Open the audience view
          </button>
        ) : null}
      </p>
      {audience?.problem || p.notice ? (
        <p className="present-problem" role="alert">
          {audience?.problem ?? p.notice}
        </p>
      ) : null}
      <div className="presenter-grid">
        <section className="presenter-now" aria-labelledby="presenter-slide">
          <h2 id="presenter-slide">
            Slide {state.slide + 1} of {lecture.slides.length}: {slide.title}
          </h2>
          <p className="presenter-caption">
            <span className="presenter-label">The room reads:</span> {slide.caption}
          </p>
          <h3>Notes</h3>
          <ul className="presenter-notes">
            {slide.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          {slide.question ? (
            <>
              <QuestionCard question={slide.question} showAnswer headingId="presenter-question" />
              <button type="button" aria-pressed={state.revealed} onClick={p.onReveal}>
                {state.revealed ? 'Hide the answer from the room' : 'Reveal the answer to the room'}
              </button>
            </>
          ) : null}
        </section>
        <div className="presenter-side">
          <section aria-labelledby="presenter-controls">
            <h2 id="presenter-controls">Controls</h2>
            <div className="presenter-buttons">
              <button type="button" onClick={() => p.onMove(-1)} disabled={state.slide === 0}>
                <kbd>←</kbd> Previous
              </button>
              <button
                type="button"
                onClick={() => p.onMove(1)}
                disabled={state.slide === lecture.slides.length - 1}
              >
                Next <kbd>→</kbd>
              </button>
              <button type="button" onClick={p.onTogglePlay} disabled={noAudience}>
                {audience?.playing ? 'Pause' : 'Play'} <kbd>Space</kbd>
              </button>
              <button type="button" onClick={p.onBackToScript} disabled={noAudience}>
                Back to script <kbd>R</kbd>
              </button>
              <button type="button" aria-pressed={state.blank} onClick={p.onBlank}>
                Blank screen <kbd>B</kbd>
              </button>
              <button type="button" onClick={p.onKeyMap}>
                Keys <kbd>?</kbd>
              </button>
            </div>
          </section>
          <section aria-labelledby="presenter-faults">
            <h2 id="presenter-faults">Prepared faults</h2>
            {faults.length === 0 ? (
              <p>None on this slide.</p>
            ) : (
              <ul className="presenter-fault-list">
                {faults.map((f, i) => (
                  <li key={f.label}>
                    <button type="button" onClick={() => p.onFault(i)} disabled={noAudience}>
                      <kbd>{i + 1}</kbd> {f.label}
                    </button>
                    <span>{f.description}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="presenter-next" className="presenter-next">
            <h2 id="presenter-next">Next slide</h2>
            {next ? (
              <>
                <p className="presenter-next-title">{next.title}</p>
                <p>{next.caption}</p>
              </>
            ) : (
              <p>This is the last slide.</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** Wall time since the presenter view opened, with a restart for the start of the talk. */
function ElapsedTimer() {
  const [start, setStart] = useState(() => performance.now());
  const [now, setNow] = useState(start);
  useEffect(() => {
    const id = window.setInterval(() => setNow(performance.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return (
    <p className="presenter-timer">
      <span className="presenter-label">Elapsed</span>{' '}
      <time aria-live="off">{formatElapsed(now - start)}</time>{' '}
      <button
        type="button"
        onClick={() => {
          const t = performance.now();
          setStart(t);
          setNow(t);
        }}
      >
        Restart
      </button>
    </p>
  );
}
