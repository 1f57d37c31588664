import { lazy, Suspense, useState } from 'react';
import type { ExperimentProgress, ExperimentResult } from '../../worker';

// d3 chart code loads only when a result is there to draw (not in the first page load).
const ExperimentCharts = lazy(() =>
  import('./experiment-charts').then((m) => ({ default: m.ExperimentCharts })),
);

export interface ExperimentPanelProps {
  title: string;
  description: string;
  variants: readonly string[];
  requests: number;
  charts: readonly { metric: string; title: string; unit: string }[];
  disabled: boolean;
  run(labels: string[], onProgress: (p: ExperimentProgress) => void): Promise<ExperimentResult>;
  cancel(): Promise<void>;
}

/** Pick strategies, fast-forward the same workload for each (fresh simulation, same seed), compare. */
export function ExperimentPanel({
  title,
  description,
  variants,
  requests,
  charts,
  disabled,
  run,
  cancel,
}: ExperimentPanelProps) {
  const [chosen, setChosen] = useState<string[]>(variants.slice(0, 2));
  const [progress, setProgress] = useState<ExperimentProgress | null>(null);
  const [result, setResult] = useState<ExperimentResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = progress !== null;
  const total = requests.toLocaleString('en');

  const start = async () => {
    setError(null);
    setResult(null);
    setProgress({ variant: 0, variants: chosen.length, requests: 0, totalRequests: requests });
    try {
      const r = await run(chosen, setProgress);
      setResult(r);
    } catch (err) {
      console.error('[experiment] failed', err);
      setError(
        `The experiment stopped: ${err instanceof Error ? err.message : String(err)}. Nothing else changed; try again or with fewer strategies.`,
      );
    } finally {
      setProgress(null);
    }
  };

  const done = progress
    ? (progress.variant * progress.totalRequests +
        Math.min(progress.requests, progress.totalRequests)) /
      (progress.variants * progress.totalRequests)
    : 0;
  return (
    <section className="panel experiment" aria-labelledby="experiment-heading">
      <h2 id="experiment-heading">{title}</h2>
      <p>{description}</p>
      <fieldset disabled={running || disabled}>
        <legend>Strategies to compare</legend>
        {variants.map((v) => (
          <label key={v} className="experiment-variant">
            <input
              type="checkbox"
              checked={chosen.includes(v)}
              onChange={(e) =>
                setChosen(
                  e.target.checked
                    ? variants.filter((x) => chosen.includes(x) || x === v)
                    : chosen.filter((x) => x !== v),
                )
              }
            />
            {v}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={running || disabled || chosen.length === 0}
          onClick={() => void start()}
        >
          Run {total} requests per strategy
        </button>
        {running ? (
          <button type="button" className="btn" onClick={() => void cancel()}>
            Cancel
          </button>
        ) : null}
      </div>
      {progress ? (
        <div className="experiment-progress">
          <label htmlFor="experiment-progress">
            Strategy {progress.variant + 1} of {progress.variants}:{' '}
            {progress.requests.toLocaleString('en')} of{' '}
            {progress.totalRequests.toLocaleString('en')} requests
          </label>
          <progress id="experiment-progress" max={1} value={done} />
        </div>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <div role="status">
        {result ? (
          <p>
            {result.cancelled
              ? 'Cancelled — the charts show what had run so far.'
              : `Done: ${result.variants.map((v) => `${v.label} in ${(v.wallMs / 1000).toFixed(1)} s`).join(', ')}.`}
          </p>
        ) : null}
      </div>
      {result ? (
        <Suspense fallback={<p>Drawing the charts…</p>}>
          <ExperimentCharts result={result} charts={charts} />
        </Suspense>
      ) : null}
    </section>
  );
}
