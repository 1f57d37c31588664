import { useCallback, useState } from 'react';
import { SimulationWorkspace, type SimSession, type ViewMode } from '../../ui';
import { ConsolesPanel } from '../../ui/console';
import { createSimClient } from '../../worker';
import { exposeDebugHook } from '../debug-hook';
import { PageHeading } from '../shell/page-heading';
import { SANDBOX_SYSTEMS as SYSTEMS } from './sandbox-systems';

interface Props {
  seed: number;
  autoplay: boolean;
  seedError: string | null;
  /** `system=` in the link: 'replication-group', 'cluster', or none for the first system. */
  system: string | null;
  mode: ViewMode;
}

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
