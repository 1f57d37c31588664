import type { ReactNode } from 'react';
import { PlaybackControls } from '../controls/playback-controls';
import { useKeyboardShortcuts } from '../controls/use-keyboard-shortcuts';
import { EventLog } from '../narration/event-log';
import { NarrationRegion } from '../narration/narration-region';
import { NoticeRegion } from '../status/notice-region';
import { SimStats } from '../status/sim-stats';
import { SimStateBanner } from '../status/sim-state-banner';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot, selectTopology } from '../store/sim-slice';
import type { ViewMode } from '../store/view-slice';
import { TopologyView } from '../topology/topology-view';
import { DiagramLegend } from '../workspace/diagram-legend';
import './lesson.css';
import './lesson-charts.css';

export interface LessonWorkspaceProps {
  mode: ViewMode;
  /** Lesson tools beside the playback controls (step back, share, reset). */
  toolbar: ReactNode;
  /** The lesson column: step, goals, quiz. */
  lesson: ReactNode;
  /** Under the diagram: scenario controls, metrics, statecharts. */
  main: ReactNode;
  /** Full width below: experiment, console. */
  lower?: ReactNode;
  /** Shown instead of the workspace while something (a restore) is under way. */
  busyText?: string | null;
}

/**
 * The lesson layout around the shared simulation views (topology with packets, playback,
 * narration, notices). Must be inside a SimSessionContext provider.
 */
export function LessonWorkspace({
  mode,
  toolbar,
  lesson,
  main,
  lower,
  busyText,
}: LessonWorkspaceProps) {
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  useKeyboardShortcuts(topology !== null && !busyText);
  return (
    <div className={`workspace lesson-workspace lesson-${mode}`}>
      <NoticeRegion />
      <SimStateBanner />
      {busyText ? (
        <p className="banner" role="status">
          <span className="spinner" aria-hidden="true" /> {busyText}
        </p>
      ) : null}
      {topology && snapshot ? (
        <>
          <div className="lesson-controls-row">
            <PlaybackControls />
            {toolbar}
          </div>
          <div className="lesson-grid">
            <div className="lesson-main">
              <figure className="panel diagram">
                <TopologyView topology={topology} />
                <figcaption>
                  <DiagramLegend />
                </figcaption>
              </figure>
              <NarrationRegion />
              {main}
              {mode === 'embed' ? null : (
                <section className="panel" aria-labelledby="state-heading">
                  <h2 id="state-heading">Simulation</h2>
                  <SimStats />
                </section>
              )}
            </div>
            <div className="lesson-side">{lesson}</div>
          </div>
          {lower}
          {mode === 'full' ? <EventLog /> : null}
        </>
      ) : null}
    </div>
  );
}
