import { useUiStore } from '../store/ui-store';
import { selectSnapshot } from '../store/sim-slice';
import { formatClock } from '../narration/format';

/** Virtual clock, events processed and the trace hash (instructors and tests compare it). */
export function SimStats() {
  const snapshot = useUiStore(selectSnapshot);
  if (!snapshot) return null;
  return (
    <dl className="stats" aria-label="Simulation state">
      <div>
        <dt>Virtual time</dt>
        <dd data-testid="virtual-time">{formatClock(snapshot.now)}</dd>
      </div>
      <div>
        <dt>Events processed</dt>
        <dd data-testid="events-processed">{snapshot.eventsProcessed.toLocaleString('en')}</dd>
      </div>
      <div>
        <dt>Events pending</dt>
        <dd>{snapshot.pendingEvents.toLocaleString('en')}</dd>
      </div>
      <div>
        <dt>Seed</dt>
        <dd>{snapshot.seed}</dd>
      </div>
      <div className="stats-hash">
        <dt>Trace hash</dt>
        <dd data-testid="trace-hash">
          <code>{snapshot.traceHash}</code>
        </dd>
      </div>
    </dl>
  );
}
