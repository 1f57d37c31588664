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
  mode: ViewMode;
}

/** The first sandbox: client → app → cache → database, driven by the worker. Loaded lazily. */
export function SandboxPage({ seed, autoplay, seedError, mode }: Props) {
  // The consoles sit outside the workspace, so they get its session through this callback.
  const [session, setSession] = useState<SimSession | null>(null);
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
          <p className="lede">
            Each request goes from the client to the app instance, which asks the cache first and
            reads from the database on a miss (lazy loading). The cache is the simulator's Redis
            engine (a Memcached node stands beside it) and the database is PostgreSQL running in
            your browser.
          </p>
        </div>
      )}
      {seedError ? (
        <p className="banner banner-warn" role="status">
          {seedError}
        </p>
      ) : null}
      <SimulationWorkspace
        key={`${seed}-${mode}`}
        scenario="sandbox"
        seed={seed}
        mode={mode}
        autoplay={autoplay}
        createClient={createSimClient}
        onSession={onSession}
      />
      {mode === 'embed' ? null : <ConsolesPanel session={session} />}
    </>
  );
}
