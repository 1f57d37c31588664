import { useMemo } from 'react';
import { extent, line, max, scaleLinear } from 'd3';
import type { ExperimentResult } from '../../worker';

const W = 420;
const H = 200;
const M = { top: 12, right: 12, bottom: 36, left: 52 };
/** Dash patterns tell the lines apart without colour. */
const DASHES = ['', '8 4', '2 4', '12 4 2 4'];
const CLASSES = ['series-0', 'series-1', 'series-2', 'series-3'];

interface Props {
  result: ExperimentResult;
  charts: readonly { metric: string; title: string; unit: string }[];
}

/** One line chart per metric (x = requests completed), one line per strategy, plus a table of final values. */
export function ExperimentCharts({ result, charts }: Props) {
  return (
    <div className="experiment-results" data-testid="experiment-charts">
      <ul className="chart-legend" aria-label="Line styles">
        {result.variants.map((v, i) => (
          <li key={v.label}>
            <svg width="36" height="10" aria-hidden="true">
              <line
                x1="0"
                y1="5"
                x2="36"
                y2="5"
                className={`chart-line ${CLASSES[i % 4]}`}
                strokeDasharray={DASHES[i % 4]}
              />
            </svg>
            {v.label}
          </li>
        ))}
      </ul>
      <div className="chart-grid">
        {charts.map((c) => (
          <Chart key={c.metric} result={result} metric={c.metric} title={c.title} unit={c.unit} />
        ))}
      </div>
      <table className="experiment-table">
        <caption>Final values after each run</caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            {charts.map((c) => (
              <th scope="col" key={c.metric}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.variants.map((v) => (
            <tr key={v.label}>
              <th scope="row">{v.label}</th>
              {charts.map((c) => (
                <td key={c.metric}>{fmt(v.final[c.metric] ?? lastSample(v, c.metric), c.unit)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function lastSample(v: ExperimentResult['variants'][number], metric: string): number {
  return v.samples[v.samples.length - 1]?.metrics[metric] ?? Number.NaN;
}

function fmt(v: number, unit: string): string {
  if (!Number.isFinite(v)) return '—';
  return `${v.toLocaleString('en', { maximumFractionDigits: v < 10 ? 2 : 1 })}${unit ? ` ${unit}` : ''}`;
}

function Chart({
  result,
  metric,
  title,
  unit,
}: {
  result: ExperimentResult;
  metric: string;
  title: string;
  unit: string;
}) {
  const { x, y, paths, xTicks, yTicks } = useMemo(() => {
    const all = result.variants.flatMap((v) => v.samples);
    const [x0, x1] = extent(all, (s) => s.requests) as [number | undefined, number | undefined];
    const yMax = max(all, (s) => s.metrics[metric] ?? 0) ?? 0;
    const xs = scaleLinear()
      .domain([x0 ?? 0, x1 ?? 1])
      .range([M.left, W - M.right]);
    const ys = scaleLinear()
      .domain([0, yMax > 0 ? yMax : 1])
      .nice()
      .range([H - M.bottom, M.top]);
    const gen = line<{ requests: number; metrics: Record<string, number> }>()
      .defined((s) => Number.isFinite(s.metrics[metric]))
      .x((s) => xs(s.requests))
      .y((s) => ys(s.metrics[metric] ?? 0));
    return {
      x: xs,
      y: ys,
      paths: result.variants.map((v) => gen(v.samples) ?? ''),
      xTicks: xs.ticks(4),
      yTicks: ys.ticks(4),
    };
  }, [result, metric]);
  const summary = result.variants
    .map((v) => `${v.label}: ${fmt(v.final[metric] ?? lastSample(v, metric), unit)}`)
    .join('; ');
  return (
    <figure className="chart">
      <figcaption>
        {title}
        {unit ? ` (${unit})` : ''}
      </figcaption>
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title} over requests. Final values — ${summary}`}
      >
        {yTicks.map((t) => (
          <g key={`y${t}`} className="chart-tick">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end">
              {t.toLocaleString('en')}
            </text>
          </g>
        ))}
        {xTicks.map((t) => (
          <text
            key={`x${t}`}
            className="chart-tick"
            x={x(t)}
            y={H - M.bottom + 16}
            textAnchor="middle"
          >
            {compact(t)}
          </text>
        ))}
        <text
          className="chart-axis-label"
          x={(M.left + W - M.right) / 2}
          y={H - 4}
          textAnchor="middle"
        >
          requests completed
        </text>
        {paths.map((d, i) => (
          <path
            key={i}
            d={d}
            className={`chart-line ${CLASSES[i % 4]}`}
            strokeDasharray={DASHES[i % 4]}
          />
        ))}
      </svg>
    </figure>
  );
}

function compact(n: number): string {
  if (n >= 1_000_000) return `${n / 1_000_000}M`;
  if (n >= 1000) return `${n / 1000}k`;
  return String(n);
}
