import type { ReactNode } from 'react';
import { useKeyboardShortcuts } from '../controls/use-keyboard-shortcuts';
import { EventLog } from '../narration/event-log';
import { NarrationRegion } from '../narration/narration-region';
import { NoticeRegion } from '../status/notice-region';
import { SimStats } from '../status/sim-stats';
import { SimStateBanner } from '../status/sim-state-banner';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot, selectTopology } from '../store/sim-slice';
import type { ViewMode } from '../store/view-slice';
import { DiagramLegend } from '../workspace/diagram-legend';
import { Stage } from '../workspace/stage';
import './lesson.css';
import './lesson-charts.css';

export interface LessonWorkspaceProps {
  mode: ViewMode;
  /** Lesson tools beside the step (step back, run ahead, share, reset). */
  toolbar: ReactNode;
  /** Beside the picture: the current step and its goal, the goal list. */
  lesson: ReactNode;
  /** Under the picture: the quiz. */
  quiz?: ReactNode;
  /** Under the picture: scenario controls, metrics, statecharts. */
  main: ReactNode;
  /** Full width below: experiment, console. */
  lower?: ReactNode;
  /** Shown instead of the workspace while something (a restore) is under way. */
  busyText?: string | null;
  /** Embed mode's chrome (`controls=` in docs/embedding.md); ignored in other modes. */
  chrome?: 'full' | 'minimal' | 'none';
}

/**
 * The lesson layout, picture first: the canvas with the play controls and timeline, the
 * current step beside it (all in the first screen at 1280 × 720), and everything else —
 * narration, controls, metrics, quiz, consoles, experiment, event log — below. Must be inside a
 * SimSessionContext provider.
 */
export function LessonWorkspace({
  mode,
  toolbar,
  lesson,
  quiz,
  main,
  lower,
  busyText,
  chrome = 'full',
}: LessonWorkspaceProps) {
  const embed = mode === 'embed';
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  useKeyboardShortcuts(topology !== null && !busyText);
  return (
    <div className={`workspace lesson-workspace lesson-${mode}${embed ? ` embed-${chrome}` : ''}`}>
      <NoticeRegion />
      <SimStateBanner />
      {busyText ? (
        <p className="banner" role="status">
          <span className="spinner" aria-hidden="true" /> {busyText}
        </p>
      ) : null}
      {topology && snapshot ? (
        <>
          <Stage
            topology={topology}
            side={lesson}
            tools={toolbar}
            embed={embed ? { playback: chrome !== 'none' } : undefined}
          />
          <div className="below">
            <div className="below-main">
              <NarrationRegion />
              {main}
              {embed ? null : (
                <section className="panel" aria-labelledby="state-heading">
                  <h2 id="state-heading">Simulation</h2>
                  <SimStats />
                </section>
              )}
              {embed && chrome !== 'full' ? null : <DiagramLegend />}
            </div>
            {quiz ? <div className="below-side">{quiz}</div> : null}
          </div>
          {lower}
          {mode === 'full' ? <EventLog /> : null}
        </>
      ) : null}
    </div>
  );
}
