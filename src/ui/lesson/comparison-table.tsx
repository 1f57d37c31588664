import { useUiStore } from '../store/ui-store';
import { selectSnapshot } from '../store/sim-slice';
import type { ComparisonTableSpec } from './types';

/**
 * A comparison table filled live by measurement: every figure appears once the run that
 * measures it has happened, with "run N at T s" under it, so each number points at the run
 * that produced it. Cells not measured yet say so.
 */
export function ComparisonTable({ spec }: { spec: ComparisonTableSpec }) {
  const snapshot = useUiStore(selectSnapshot);
  const m = snapshot?.metrics ?? {};
  return (
    <section className="panel comparison-panel" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{spec.title}</h2>
      <table className="comparison-table">
        <caption>{spec.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Measured</th>
            {spec.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row) => (
            <tr key={row.id} id={`compare-${row.id}`} data-row={row.id}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => {
                const run = cell.run === undefined ? undefined : (m[cell.run] ?? 0);
                const filled = run !== undefined && run > 0 && cell.text !== undefined;
                const at = cell.run ? m[`${cell.run}At`] : undefined;
                return (
                  <td
                    key={spec.columns[i]}
                    data-filled={filled ? 'yes' : 'no'}
                    data-testid={`compare-${row.id}-${i}`}
                  >
                    {run === undefined ? (
                      <span className="comparison-none">{cell.none ?? '—'}</span>
                    ) : filled ? (
                      <>
                        <span className="comparison-value">{cell.text!(m)}</span>
                        <span className="comparison-run">
                          run {run}
                          {at === undefined ? '' : ` at ${at.toFixed(1)} s`}
                        </span>
                      </>
                    ) : (
                      <span className="comparison-none">not measured yet</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
