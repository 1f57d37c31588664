import { useEffect, useRef, useState } from 'react';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot } from '../store/sim-slice';
import { selectSpeed } from '../store/playback-slice';
import { formatMetricValue, metricInfo, orderMetrics } from './metric-catalog';
import { MetricHistory } from './metric-history';
import { Sparkline } from './sparkline';

/** Wall time between chart samples (µs): a speed times this is their spacing in virtual time. */
const SAMPLE_WALL_US = 250_000;

interface Props {
  /** Metric keys to show first (a scenario's key metrics). */
  preferred?: readonly string[];
  heading?: string;
  /** Show only the first this many metrics (embed mode). */
  limit?: number;
}

/**
 * The scenario's live metrics under their CloudWatch names (ElastiCache, RDS), each with a
 * sparkline and its value in text. Only metrics the snapshot carries are shown.
 */
export function MetricsPanel({ preferred = [], heading = 'Metrics', limit }: Props) {
  const snapshot = useUiStore(selectSnapshot);
  const speed = useUiStore(selectSpeed);
  // About four samples per wall second at any speed (at least 1 ms of virtual time apart): at
  // 1 ms/s trends show over a few seconds, at 60 s/s a warm-up curve forms live.
  const history = useRef(new MetricHistory(120, 1_000));
  const [, setVersion] = useState(0);

  useEffect(() => {
    const spacing = Math.max(1_000, speed * SAMPLE_WALL_US);
    if (snapshot && history.current.add(snapshot.now, snapshot.metrics, spacing))
      setVersion((v) => v + 1);
  }, [snapshot, speed]);

  if (!snapshot) return null;
  const keys = orderMetrics(Object.keys(snapshot.metrics), preferred).slice(0, limit);
  if (keys.length === 0) return null;
  return (
    <section className="panel metrics-panel" aria-labelledby="lesson-metrics-heading">
      <h2 id="lesson-metrics-heading">{heading}</h2>
      <table className="metrics-table">
        <caption className="visually-hidden">
          Live metrics; the source column says whether the name is a CloudWatch metric of
          ElastiCache or RDS, or a simulator measure.
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Source</th>
            <th scope="col">Trend</th>
            <th scope="col" className="num">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const info = metricInfo(key);
            return (
              <tr key={key} data-metric={key}>
                <th scope="row" title={info.description}>
                  {info.name}
                </th>
                <td className={`metric-source metric-source-${info.source.toLowerCase()}`}>
                  {info.source}
                </td>
                <td>
                  <Sparkline points={history.current.series(key)} />
                </td>
                <td className="num" data-testid={`metric-${key}`}>
                  {formatMetricValue(snapshot.metrics[key]!, info.unit)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
