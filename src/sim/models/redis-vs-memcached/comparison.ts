import type { Micros } from '../../trace';

/** The run that produced a value: the experiment's number, its action and when it started. */
export interface RunRef {
  run: number;
  action: string;
  atUs: Micros;
}

/** One measured figure of the comparison table, with the run that produced it. */
export interface Measured {
  /** Metric name → value: the figures the row shows, as metrics() exposes them. */
  values: Record<string, number>;
  run: RunRef;
}

/**
 * The comparison table, filled by measurement: each experiment writes its figures under a
 * row and a side (`redis` or `memcached`) together with the run that produced them, so the
 * table can say "run 3 at 41.2 s" beside every number. A later run of the same experiment
 * replaces that side's figures. Metric names are those of README.md's table.
 */
export class ComparisonTable {
  private readonly cells = new Map<string, Measured>();
  private runs = 0;

  /** A new experiment starts: its run reference. */
  begin(action: string, atUs: Micros): RunRef {
    return { run: ++this.runs, action, atUs };
  }

  get runCount(): number {
    return this.runs;
  }

  fill(
    row: string,
    side: 'redis' | 'memcached' | 'both',
    run: RunRef,
    values: Record<string, number>,
  ): void {
    this.cells.set(`${row}/${side}`, { values, run });
  }

  cell(row: string, side: 'redis' | 'memcached' | 'both'): Measured | undefined {
    return this.cells.get(`${row}/${side}`);
  }

  /**
   * Every filled figure as a metric, plus `<Row><Side>Run` (the run number; 0 = not measured
   * yet) per cell and `<Row><Side>RunAt` (the run's start, virtual seconds) per filled cell.
   */
  metrics(): Record<string, number> {
    const out: Record<string, number> = {};
    // A cell not measured yet has run 0: goals can wait for a run number to rise.
    for (const id of CELLS) out[`${runPrefix(id)}Run`] = 0;
    for (const [id, m] of this.cells) {
      Object.assign(out, m.values);
      const prefix = runPrefix(id);
      out[`${prefix}Run`] = m.run.run;
      out[`${prefix}RunAt`] = m.run.atUs / 1e6;
    }
    return out;
  }
}

/** Every cell an experiment fills (README.md). */
const CELLS = [
  'nodeLoss/memcached',
  'nodeLoss/redis',
  'restore/memcached',
  'restore/redis',
  'leaderboard/memcached',
  'leaderboard/redis',
  'scaleOut/memcached',
  'scaleOut/redis',
  'limits/memcached',
  'limits/redis',
  'ttl/memcached',
  'ttl/redis',
  'cpu/memcached',
  'cpu/redis',
];

/** `nodeLoss/memcached` → `NodeLossMemcached`. */
function runPrefix(id: string): string {
  return id
    .split('/')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')
    .replace('Both', '');
}
