import { createContext, useContext, useEffect, useState } from 'react';
import type { SimClient } from '../../worker';
import { SimSession } from './sim-session';

export const SimSessionContext = createContext<SimSession | null>(null);

/** The session of the enclosing simulation view (controls, narration and views use it). */
export function useSimSession(): SimSession {
  const session = useContext(SimSessionContext);
  if (!session) throw new Error('useSimSession outside a SimSessionContext provider');
  return session;
}

export interface SessionOptions {
  createClient: () => SimClient;
  scenario: string;
  seed: number;
  autoplay: boolean;
  /** Called with each new session (the app exposes it to the e2e debug hook). */
  onSession?: (session: SimSession | null) => void;
}

/** Creates a session (and its worker) for a scenario + seed; disposes it on unmount or change. */
export function useSimSessionLifecycle({
  createClient,
  scenario,
  seed,
  autoplay,
  onSession,
}: SessionOptions): SimSession | null {
  const [session, setSession] = useState<SimSession | null>(null);
  useEffect(() => {
    const s = new SimSession(createClient());
    setSession(s);
    onSession?.(s);
    void s.load(scenario, seed, autoplay);
    return () => {
      onSession?.(null);
      s.dispose();
    };
    // createClient/onSession are stable app-level functions; a new scenario or seed is a new session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenario, seed]);
  return session;
}
