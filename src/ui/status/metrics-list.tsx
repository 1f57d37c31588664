import { formatMetricValue, metricInfo, orderMetrics } from '../lesson/metric-catalog';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot } from '../store/sim-slice';

/**
 * The scenario's named measurements, as the worker reports them, named and formatted by the
 * same catalogue as the lessons' metrics panel (src/sim/metrics: CloudWatch names and units).
 */
export function MetricsList() {
  const snapshot = useUiStore(selectSnapshot);
  const keys = snapshot ? orderMetrics(Object.keys(snapshot.metrics)) : [];
  if (!snapshot || keys.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="metrics-heading">
      <h2 id="metrics-heading">Metrics</h2>
      <dl className="metrics">
        {keys.map((key) => {
          const info = metricInfo(key);
          return (
            <div key={key} data-metric={key}>
              <dt title={`${info.description} (${info.source})`}>{info.name}</dt>
              <dd>{formatMetricValue(snapshot.metrics[key]!, info.unit)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
