import { useCallback, useState } from 'react';
import { SimulationWorkspace, type SimSession, type ViewMode } from '../../ui';
import { ConsolesPanel } from '../../ui/console';
import { createSimClient } from '../../worker';
import { exposeDebugHook } from '../debug-hook';
import { PageHeading } from '../shell/page-heading';

interface Props {
  seed: number;
  autoplay: boolean;
  seedError: string | null;
  /** `system=` in the link: 'replication-group', 'cluster', or none for the first system. */
  system: string | null;
  mode: ViewMode;
}

/** The systems the sandbox can run: each is a registered model (src/sim/model-registry.ts). */
const SYSTEMS = [
  {
    scenario: 'sandbox',
    system: null,
    label: 'Cache in front of a database',
    lede: "Each request goes from the client to the app instance, which asks the cache first and reads from the database on a miss (lazy loading). The cache is the simulator's Redis engine (a Memcached node stands beside it) and the database is PostgreSQL running in your browser.",
  },
  {
    scenario: 'sandbox-replication-group',
    system: 'replication-group',
    label: 'Replication group, 3 AZs',
    lede: 'A Valkey replication group with cluster mode disabled: one primary and two replicas, one in each Availability Zone. App instances write through the primary endpoint and read through the reader endpoint; each replica applies the primary’s replication stream a little later.',
  },
  {
    scenario: 'sandbox-cluster',
    system: 'cluster',
    label: 'Cluster, 5 shards',
    lede: 'A Valkey cluster with cluster mode enabled: five shards, each a primary and two replicas across three Availability Zones, each serving a range of the 16,384 hash slots. App instances use a cluster-aware client that sends each key to the shard that owns its slot.',
  },
] as const;

/** The sandbox: pick a system, then watch it run, driven by the worker. Loaded lazily. */
export function SandboxPage({ seed, autoplay, seedError, system: systemId, mode }: Props) {
  // The consoles sit outside the workspace, so they get its session through this callback.
  const [session, setSession] = useState<SimSession | null>(null);
  // The link says which system runs, so a choice can be shared and reloaded.
  const system = SYSTEMS.find((s) => s.system === systemId) ?? SYSTEMS[0];
  const scenario = system.scenario;
  const choose = (id: string): void => {
    const next = SYSTEMS.find((s) => s.scenario === id) ?? SYSTEMS[0];
    const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
    if (next.system === null) query.delete('system');
    else query.set('system', next.system);
    window.location.hash = `${window.location.hash.split('?')[0] || '#/sandbox'}?${query.toString()}`;
  };
  const onSession = useCallback((s: SimSession | null) => {
    exposeDebugHook(s);
    setSession(s);
  }, []);
  return (
    <>
      {mode === 'embed' ? (
        <h1 className="visually-hidden">Sandbox</h1>
      ) : (
        <div className="page-intro">
          <PageHeading title="Sandbox" />
          <label className="sandbox-system">
            System{' '}
            <select value={scenario} onChange={(e) => choose(e.target.value)}>
              {SYSTEMS.map((s) => (
                <option key={s.scenario} value={s.scenario}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <details className="lede-more">
            <summary>About this system</summary>
            <p className="lede">{system.lede}</p>
          </details>
        </div>
      )}
      {seedError ? (
        <p className="banner banner-warn" role="status">
          {seedError}
        </p>
      ) : null}
      <SimulationWorkspace
        key={`${seed}-${mode}-${scenario}`}
        scenario={scenario}
        seed={seed}
        mode={mode}
        autoplay={autoplay}
        createClient={createSimClient}
        onSession={onSession}
      />
      {mode === 'embed' || scenario !== 'sandbox' ? null : <ConsolesPanel session={session} />}
    </>
  );
}
