// A Simulation around a bare topology, for tests of simulator parts (cache nodes, clients,
// DNS): the real kernel, seeded streams, trace and hash, with the SimContext handed out.
import { Simulation } from '../../src/sim/simulation';
import type { SimContext } from '../../src/sim/model';
import type { TopologySpec } from '../../src/sim/topology';
import type { TraceEvent } from '../../src/sim/trace';

export interface Harness {
  sim: Simulation;
  ctx: SimContext;
  events: TraceEvent[];
  /** Events of one kind, in order. */
  of<K extends TraceEvent['kind']>(kind: K): Extract<TraceEvent, { kind: K }>[];
}

export function harness(topology: TopologySpec, seed = 1): Harness {
  let captured: SimContext | null = null;
  const sim = new Simulation(
    () => ({
      id: 'harness',
      topology,
      actions: [],
      start: (ctx) => {
        captured = ctx;
      },
      apply: () => ({ ok: false, error: 'the harness takes no actions' }),
      nodeStatus: () => ({}),
      metrics: () => ({}),
    }),
    seed,
  );
  const events: TraceEvent[] = [];
  sim.onEvent((e) => events.push(e));
  return {
    sim,
    ctx: captured!,
    events,
    of: <K extends TraceEvent['kind']>(kind: K) =>
      events.filter((e): e is Extract<TraceEvent, { kind: K }> => e.kind === kind),
  };
}
