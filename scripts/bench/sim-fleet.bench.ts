// Many cache nodes live: the fleet model (src/sim/models/fleet) with 20 cache nodes — a
// 6-node replication group across 3 AZs and a 14-node Memcached cluster — and 6 app instances
// sending traffic through resolver caches, endpoint connections and the ketama ring. Prints
// kernel events/s and requests/s, in fast (summary) runs as experiments use them.
import { createRng, Kernel, Simulation } from '../../src/sim/index';
import { createFleetModel, DEFAULT_WORKLOAD } from '../../src/sim/models/fleet/index';
import { fmt, medianRate } from './measure';

const AZS = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];
const VIRTUAL_S = 10;

function fleetSim(ratePerApp: number): Simulation {
  return new Simulation(
    () =>
      createFleetModel({
        detail: 'summary',
        region: 'us-east-1',
        azs: AZS,
        apps: 6,
        caches: [
          {
            kind: 'replication-group',
            id: 'orders',
            engine: 'valkey',
            nodeType: 'cache.r7g.xlarge',
            clusterMode: false,
            shards: 1,
            replicasPerShard: 5,
            azs: AZS.map((a) => a.id),
          },
          {
            kind: 'memcached',
            id: 'sessions',
            nodeType: 'cache.m7g.large',
            nodes: 14,
            azs: AZS.map((a) => a.id),
          },
        ],
        workload: { ...DEFAULT_WORKLOAD, ratePerApp },
      }),
    1,
    { detail: 'summary' },
  );
}

function fleetRun(ratePerApp: number): {
  eventsPerS: number;
  requestsPerS: number;
  events: number;
} {
  const sim = fleetSim(ratePerApp);
  const nodes = Object.keys(sim.state().nodes).length;
  if (nodes < 26) throw new Error(`expected 20 cache nodes + 6 apps, got ${nodes}`);
  const t0 = process.hrtime.bigint();
  sim.kernel.runUntil(VIRTUAL_S * 1_000_000);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const requests = sim.model.metrics().Requests ?? 0;
  return { eventsPerS: sim.kernel.fired / s, requestsPerS: requests / s, events: sim.kernel.fired };
}

/**
 * The kernel's own throughput at the 20-node fleet's size: how many events the fleet keeps
 * queued once running (its crons, links, clients, connections — counted after one virtual
 * second), then the hold model with that many live events and empty handlers on a kernel of
 * its own — the cost of scheduling and firing, not of the engines.
 */
function kernelAtFleetSize(): { eventsPerS: number; live: number } {
  const sim = fleetSim(500);
  sim.kernel.runUntil(1_000_000);
  const live = sim.kernel.pending;
  const k = new Kernel();
  const rng = createRng(2).stream('hold');
  const n = 2_000_000;
  let remaining = n;
  const fire = (): void => {
    if (--remaining > 0) k.after(1 + rng.int(1000), fire);
  };
  for (let i = 0; i < live; i++) k.after(rng.int(1000), fire);
  const t0 = process.hrtime.bigint();
  k.runUntil(Number.MAX_SAFE_INTEGER);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { eventsPerS: k.fired / s, live };
}

export async function run(): Promise<void> {
  {
    let live = 0;
    const { median, all } = medianRate(3, () => {
      const r = kernelAtFleetSize();
      live = r.live;
      return r.eventsPerS;
    });
    console.log(
      `kernel at the 20-node fleet's size (${fmt(live)} live events, hold model, empty handlers): ` +
        `median ${fmt(median)} events/s (runs: ${all.map(fmt).join(', ')}; target ≥ 3M events/s)`,
    );
  }
  for (const rate of [500, 2_000]) {
    let last = { eventsPerS: 0, requestsPerS: 0, events: 0 };
    const { median, all } = medianRate(3, () => (last = fleetRun(rate)).eventsPerS);
    console.log(
      `fleet, 20 cache nodes live (6-node replication group + 14-node Memcached cluster, 6 apps at ` +
        `${fmt(rate)} req/s each), ${VIRTUAL_S} s virtual, ${fmt(last.events)} events/run: median ` +
        `${fmt(median)} kernel events/s (runs: ${all.map(fmt).join(', ')}), ${fmt(last.requestsPerS)} requests/s wall`,
    );
  }
}
