import { ActionsPanel } from '../actions/actions-panel';
import { useKeyboardShortcuts } from '../controls/use-keyboard-shortcuts';
import { MetricsPanel } from '../lesson/metrics-panel';
import { NarrationRegion } from '../narration/narration-region';
import { SimStats } from '../status/sim-stats';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot, selectTopology } from '../store/sim-slice';
import { DiagramLegend } from './diagram-legend';
import { Stage } from './stage';
import './embed-stage.css';

export type EmbedControls = 'full' | 'minimal' | 'none';

/**
 * A running simulation in an embed frame (docs/embedding.md "Layout"): the picture first, in
 * one column whose height follows its content. `full` adds the simulation's state, six metrics
 * and the scenario's actions; `minimal` the playback controls and three metrics; `none` only
 * the picture and what is happening (the host page drives it). Its own module, so the full
 * sandbox page does not load the metrics charts it never shows.
 */
export function EmbedStage({ controls }: { controls: EmbedControls }) {
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  const actions = useUiStore((s) => s.actions);
  useKeyboardShortcuts(topology !== null && controls !== 'none');
  if (!topology || !snapshot) return null;
  return (
    <div className={`embed-stage embed-${controls}`}>
      <Stage
        topology={topology}
        embed={{ playback: controls !== 'none' }}
        side={
          controls === 'none' ? null : (
            <>
              {controls === 'full' ? (
                <section className="panel" aria-labelledby="state-heading">
                  <h2 id="state-heading">Simulation</h2>
                  <SimStats />
                </section>
              ) : null}
              <MetricsPanel limit={controls === 'full' ? 6 : 3} />
            </>
          )
        }
      />
      <div className="below">
        <div className="below-main">
          <NarrationRegion />
          {controls === 'full' ? <ActionsPanel actions={actions} /> : null}
          {controls === 'none' ? null : <DiagramLegend />}
        </div>
      </div>
    </div>
  );
}
