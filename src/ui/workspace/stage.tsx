import type { ReactNode } from 'react';
import type { TopologyView as Topology } from '../../worker';
import { PlaybackControls } from '../controls/playback-controls';
import { TimelineScrubber } from '../controls/timeline-scrubber';
import { useUiStore } from '../store/ui-store';
import { NodePanel } from '../topology/node-panel';
import { TopologyView } from '../topology/topology-view';
import { ViewCaption } from './view-caption';
import './stage.css';

interface Props {
  topology: Topology;
  /** Beside the picture: a lesson's current step, or the sandbox's state. */
  side: ReactNode;
  /** Under the side content (a lesson's toolbar). */
  tools?: ReactNode;
  /**
   * An embed frame stacks picture, controls and step in one column whose height follows its
   * content (the frame resizes to fit, so nothing may depend on the frame's own height);
   * `playback: false` leaves the controls to the host page (embed `controls=none`).
   */
  embed?: { playback: boolean };
}

/**
 * The first screen of every simulation page: play controls over the canvas, the timeline
 * under it, and beside it the clicked node's panel and the step (or state) the student works
 * on. Sized to the viewport so the picture leads (DESIGN.md "Two time scales", issue 14).
 */
export function Stage({ topology, side, tools, embed }: Props) {
  const fastForwarding = useUiStore((s) => s.fastForward !== null);
  return (
    <div className={embed ? 'stage stage-embed' : 'stage'}>
      {embed?.playback === false ? null : (
        <div className="stage-controls">
          <PlaybackControls />
        </div>
      )}
      <figure
        className={`panel diagram stage-canvas${fastForwarding ? ' diagram-busy' : ''}`}
        aria-label="Topology diagram"
      >
        {fastForwarding ? (
          <p className="diagram-overlay">
            Fast-forwarding without animation — the picture catches up when it ends.
          </p>
        ) : null}
        <TopologyView topology={topology} />
        <figcaption className="stage-caption">
          <ViewCaption />
          <TimelineScrubber />
        </figcaption>
      </figure>
      {side || tools || !embed ? (
        <div className="stage-side">
          <NodePanel />
          {side}
          {tools}
        </div>
      ) : null}
    </div>
  );
}
