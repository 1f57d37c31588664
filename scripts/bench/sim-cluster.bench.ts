// A cluster-mode-enabled group under load: 3 shards × 3 nodes (one primary and two replicas
// each, replication on the wire), 6 app instances with cluster-aware clients sending 5,000
// requests/s in all, fast-forwarded one minute of virtual time as an experiment runs it
// (summary trace). Prints wall time, kernel events/s and requests/s.
import { Simulation } from '../../src/sim/index';
import { createFleetModel, DEFAULT_WORKLOAD } from '../../src/sim/models/fleet/index';
import { fmt } from './measure';

const AZS = [
  { id: 'use1-az1', label: 'us-east-1a' },
  { id: 'use1-az2', label: 'us-east-1b' },
  { id: 'use1-az4', label: 'us-east-1c' },
];
const APPS = 6;
const RATE = 5_000;
const VIRTUAL_S = 60;

export async function run(): Promise<void> {
  const sim = new Simulation(
    () =>
      createFleetModel({
        detail: 'summary',
        region: 'us-east-1',
        azs: AZS,
        apps: APPS,
        caches: [
          {
            kind: 'replication-group',
            id: 'carts',
            engine: 'valkey',
            nodeType: 'cache.r7g.xlarge',
            clusterMode: true,
            shards: 3,
            replicasPerShard: 2,
            azs: AZS.map((a) => a.id),
            multiAz: true,
          },
        ],
        workload: { ...DEFAULT_WORKLOAD, ratePerApp: RATE / APPS },
      }),
    1,
    { detail: 'summary' },
  );
  const t0 = process.hrtime.bigint();
  await sim.runUntil(VIRTUAL_S * 1_000_000);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = sim.model.metrics();
  console.log(
    `cluster 3 shards × 3 nodes, ${APPS} apps at ${fmt(RATE)} req/s in all, ${VIRTUAL_S} s virtual ` +
      `fast-forwarded: ${s.toFixed(2)} s wall (${(VIRTUAL_S / s).toFixed(1)}× real time), ` +
      `${fmt(sim.kernel.fired)} kernel events (${fmt(sim.kernel.fired / s)}/s), ` +
      `${fmt(m.Requests ?? 0)} requests (${fmt((m.Requests ?? 0) / s)}/s wall), ` +
      `${fmt(m.FailedRequests ?? 0)} failed, max ReplicationLag ${(m.ReplicationLag ?? 0).toFixed(4)} s`,
  );
}
