import { useEffect } from 'react';
import type { SimClient } from '../../worker';
import { ActionsPanel } from '../actions/actions-panel';
import { PlaybackControls } from '../controls/playback-controls';
import { useKeyboardShortcuts } from '../controls/use-keyboard-shortcuts';
import { EventLog } from '../narration/event-log';
import { NarrationRegion } from '../narration/narration-region';
import { SimSessionContext, useSimSessionLifecycle } from '../session/session-context';
import type { SimSession } from '../session/sim-session';
import { MetricsList } from '../status/metrics-list';
import { NodeStatusList } from '../status/node-status-list';
import { NoticeRegion } from '../status/notice-region';
import { SimStats } from '../status/sim-stats';
import { SimStateBanner } from '../status/sim-state-banner';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot, selectTopology } from '../store/sim-slice';
import { selectMode, type ViewMode } from '../store/view-slice';
import { TopologyView } from '../topology/topology-view';
import { DiagramLegend } from './diagram-legend';

export interface SimulationWorkspaceProps {
  scenario: string;
  seed: number;
  mode: ViewMode;
  createClient: () => SimClient;
  autoplay?: boolean;
  onSession?: (session: SimSession | null) => void;
}

/** A running simulation with its controls, diagram, state, narration and log. */
export function SimulationWorkspace({
  scenario,
  seed,
  mode,
  createClient,
  autoplay = true,
  onSession,
}: SimulationWorkspaceProps) {
  const session = useSimSessionLifecycle({ createClient, scenario, seed, autoplay, onSession });
  const setMode = useUiStore((s) => s.setMode);
  useEffect(() => setMode(mode), [mode, setMode]);
  if (!session) return null;
  return (
    <SimSessionContext.Provider value={session}>
      <div className={`workspace workspace-${mode}`}>
        <NoticeRegion />
        <SimStateBanner />
        <Loaded />
      </div>
    </SimSessionContext.Provider>
  );
}

function Loaded() {
  const mode = useUiStore(selectMode);
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  const actions = useUiStore((s) => s.actions);
  const fastForwarding = useUiStore((s) => s.fastForward !== null);
  useKeyboardShortcuts(topology !== null);
  if (!topology || !snapshot) return null;
  const full = mode !== 'embed';
  return (
    <>
      <PlaybackControls />
      <div className="workspace-grid">
        <div className="main-column">
          <figure
            className={`panel diagram${fastForwarding ? ' diagram-busy' : ''}`}
            aria-label="Topology diagram"
          >
            {fastForwarding ? (
              <p className="diagram-overlay">
                Fast-forwarding without animation — the picture catches up when it ends.
              </p>
            ) : null}
            <TopologyView topology={topology} />
            <figcaption>
              <DiagramLegend />
            </figcaption>
          </figure>
          <NarrationRegion />
          {full ? <EventLog /> : null}
        </div>
        <div className="side">
          <section className="panel" aria-labelledby="state-heading">
            <h2 id="state-heading">Simulation</h2>
            <SimStats />
          </section>
          {full ? <NodeStatusList /> : null}
          {full ? <ActionsPanel actions={actions} /> : null}
          {full ? <MetricsList /> : null}
        </div>
      </div>
    </>
  );
}
