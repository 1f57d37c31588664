import { useUiStore } from '../store/ui-store';
import { selectSnapshot } from '../store/sim-slice';

/** The scenario's named measurements, as the worker reports them. */
export function MetricsList() {
  const snapshot = useUiStore(selectSnapshot);
  const entries = snapshot ? Object.entries(snapshot.metrics) : [];
  if (entries.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Metrics</h2>
      <dl className="metrics">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{formatMetric(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function formatMetric(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en');
  return v.toLocaleString('en', { maximumFractionDigits: 2 });
}
