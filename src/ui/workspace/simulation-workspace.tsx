import { useEffect, type ReactNode } from 'react';
import type { SimClient } from '../../worker';
import { ActionsPanel } from '../actions/actions-panel';
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
import { DiagramLegend } from './diagram-legend';
import { Stage } from './stage';

export interface SimulationWorkspaceProps {
  scenario: string;
  seed: number;
  mode: ViewMode;
  createClient: () => SimClient;
  autoplay?: boolean;
  onSession?: (session: SimSession | null) => void;
  /** The loaded simulation laid out by the page itself (the embed frame's EmbedStage). */
  children?: ReactNode;
}

/** A running simulation with its controls, diagram, state, narration and log. */
export function SimulationWorkspace({
  scenario,
  seed,
  mode,
  createClient,
  autoplay = true,
  onSession,
  children,
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
        {children ?? <Loaded />}
      </div>
    </SimSessionContext.Provider>
  );
}

function Loaded() {
  const mode = useUiStore(selectMode);
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  const actions = useUiStore((s) => s.actions);
  useKeyboardShortcuts(topology !== null);
  if (!topology || !snapshot) return null;
  const full = mode !== 'embed';
  return (
    <>
      <Stage
        topology={topology}
        side={
          <section className="panel" aria-labelledby="state-heading">
            <h2 id="state-heading">Simulation</h2>
            <SimStats />
          </section>
        }
      />
      <div className="below">
        <div className="below-main">
          <NarrationRegion />
          {full ? <ActionsPanel actions={actions} /> : null}
          <DiagramLegend />
          {full ? <EventLog /> : null}
        </div>
        <div className="below-side">
          {full ? <NodeStatusList /> : null}
          {full ? <MetricsList /> : null}
        </div>
      </div>
    </>
  );
}
