import { useMemo } from 'react';
import { layoutTopology, type TopologyView as Topology } from '../../worker';
import { selectTopology } from '../store/sim-slice';
import { useUiStore } from '../store/ui-store';
import { TopologyView } from '../topology/topology-view';
import { formatVirtual } from './format';
import type { LectureDefinition } from './lecture-types';
import { QuestionCard } from './question-card';
import type { AudienceStatus, SharedState } from './sync-protocol';

/**
 * Wider than tall by more than this at the default canvas: a picture that needs the whole
 * width (three AZ columns) rather than a tall one (tiers stacked in two AZs).
 */
const WIDE_ASPECT = 2;

/**
 * The canvas under a question is short (about 320 layout px at 1280 × 720): the picture is laid
 * out for it — compact cards at 14 px, 18 px once scaled — instead of for the usual 420 px and
 * then shrunk.
 */
const AUDIENCE_MIN_LAYOUT = { width: 400, height: 240 };

function isWide(topology: Topology): boolean {
  const l = layoutTopology(topology);
  return l.width / l.height > WIDE_ASPECT;
}

export interface AudienceViewProps {
  lecture: LectureDefinition;
  state: SharedState;
  status: AudienceStatus;
  /** Whether a presenter window is connected (the room is told nothing else). */
  connected: boolean;
  /** A problem with the link (a bad `slide=`), named for the presenter. */
  notice: string | null;
  onPresenter(): void;
  onKeyMap(): void;
}

/**
 * The projector's screen: the slide's title and caption, the canvas, and the question without
 * its answer until the presenter reveals it. Nothing else — no notes, no controls beyond two
 * small buttons for the keys and the presenter view. Fits 1280 × 720 without scrolling.
 */
export function AudienceView({
  lecture,
  state,
  status,
  connected,
  notice,
  onPresenter,
  onKeyMap,
}: AudienceViewProps) {
  const topology = useUiStore(selectTopology);
  const slide = lecture.slides[state.slide]!;
  // A question beside a wide picture (three AZs side by side) would squeeze it under 18 px
  // text: the question goes below it instead, and the picture keeps the whole width.
  const wide = useMemo(() => topology !== null && isWide(topology), [topology]);
  const body = slide.question
    ? `present-body ${wide ? 'present-body-below' : 'present-body-question'}`
    : 'present-body';
  return (
    <div
      className="present-audience"
      data-slide={state.slide + 1}
      data-busy={status.busy}
      data-on-script={status.onScript}
      data-revealed={state.revealed}
      data-blank={state.blank}
    >
      <header className="present-head">
        <h1>{slide.title}</h1>
        <p className="present-count">
          <span className="visually-hidden">Slide </span>
          {state.slide + 1} / {lecture.slides.length}
        </p>
      </header>
      <p className="present-caption">{slide.caption}</p>
      <div className={body} data-question={slide.question ? (wide ? 'below' : 'beside') : 'none'}>
        <figure className="present-canvas" aria-label="Topology diagram">
          <div className="present-canvas-scale">
            {topology ? <TopologyView topology={topology} minLayout={AUDIENCE_MIN_LAYOUT} /> : null}
          </div>
        </figure>
        {slide.question ? (
          <QuestionCard
            question={slide.question}
            showAnswer={state.revealed}
            headingId="audience-question"
          />
        ) : null}
      </div>
      <footer className="present-foot">
        <p className="present-clock" role="status">
          {status.busy
            ? 'Setting up the slide…'
            : `${formatVirtual(status.nowUs)} · ${status.playing ? 'playing' : 'paused'}${status.onScript ? '' : ' · off script'}`}
        </p>
        {status.problem || notice ? (
          <p className="present-problem" role="alert">
            {status.problem ?? notice}
          </p>
        ) : null}
        <button type="button" onClick={onKeyMap}>
          Keys <kbd>?</kbd>
        </button>
        <button type="button" onClick={onPresenter}>
          {connected ? 'Presenter view (open)' : 'Presenter view'} <kbd>P</kbd>
        </button>
      </footer>
      {state.blank ? (
        <div className="present-blank" data-testid="blank">
          <p className="visually-hidden">The screen is blank. Press B to show it again.</p>
        </div>
      ) : null}
    </div>
  );
}
