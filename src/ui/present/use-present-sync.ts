import { useCallback, useEffect, useRef, useState } from 'react';
import { openPresentLink, type PresentLink } from './present-link';
import {
  windowId,
  type AudienceStatus,
  type PresentCommand,
  type PresentMessage,
  type PresentRole,
  type SharedState,
} from './sync-protocol';

export interface PresentSync {
  state: SharedState;
  /** A change made in this window: shown here and sent to the other. */
  change(next: Partial<SharedState>): void;
  /** Presenter → audience: run this on the audience's simulation. */
  send(command: PresentCommand): void;
  /** Audience → presenter: what the simulation is doing. */
  postStatus(status: AudienceStatus): void;
  /** The audience's last status (presenter view); null while no audience window answers. */
  audience: AudienceStatus | null;
  /** Whether another window of this lecture has been heard from (and has not said goodbye). */
  connected: boolean;
  /** False where the browser offers no channel: each window works alone. */
  available: boolean;
}

export interface SyncOptions {
  scenario: string;
  slideCount: number;
  role: PresentRole;
  initial: SharedState;
  /** Audience only: a command from the presenter. */
  onCommand?: (command: PresentCommand) => void;
}

/**
 * Keeps the slide, blank screen and revealed answer the same in every window of a lecture. A
 * window that opens says hello and takes the state the others answer with; a window that closes
 * says goodbye. Either keeps working when the other is gone.
 */
export function usePresentSync({
  scenario,
  slideCount,
  role,
  initial,
  onCommand,
}: SyncOptions): PresentSync {
  const [state, setState] = useState<SharedState>(initial);
  const [audience, setAudience] = useState<AudienceStatus | null>(null);
  const [connected, setConnected] = useState(false);
  const [available, setAvailable] = useState(true);
  const link = useRef<PresentLink | null>(null);
  const stateRef = useRef(state);
  const statusRef = useRef<AudienceStatus | null>(null);
  const commandRef = useRef(onCommand);
  commandRef.current = onCommand;

  useEffect(() => {
    const id = windowId(Math.random);
    const onMessage = (m: PresentMessage) => {
      switch (m.type) {
        case 'hello':
          setConnected(true);
          l.post({ type: 'state', state: stateRef.current });
          if (statusRef.current) l.post({ type: 'status', status: statusRef.current });
          return;
        case 'bye':
          setConnected(false);
          if (m.role === 'audience') setAudience(null);
          return;
        case 'state':
          setConnected(true);
          stateRef.current = m.state;
          setState(m.state);
          return;
        case 'command':
          setConnected(true);
          if (role === 'audience') commandRef.current?.(m.command);
          return;
        case 'status':
          setConnected(true);
          if (role === 'presenter') setAudience(m.status);
          return;
      }
    };
    const l = openPresentLink({ scenario, slideCount, role, id, onMessage });
    link.current = l;
    setAvailable(l.available);
    l.post({ type: 'hello' });
    const bye = () => l.post({ type: 'bye' });
    window.addEventListener('pagehide', bye);
    return () => {
      window.removeEventListener('pagehide', bye);
      bye();
      l.close();
      link.current = null;
    };
  }, [scenario, slideCount, role]);

  const change = useCallback((next: Partial<SharedState>) => {
    const merged = { ...stateRef.current, ...next };
    // A new slide starts with its answer hidden again.
    if (next.slide !== undefined && next.slide !== stateRef.current.slide && !('revealed' in next))
      merged.revealed = false;
    stateRef.current = merged;
    setState(merged);
    link.current?.post({ type: 'state', state: merged });
  }, []);

  const send = useCallback((command: PresentCommand) => {
    link.current?.post({ type: 'command', command });
  }, []);

  const postStatus = useCallback((status: AudienceStatus) => {
    statusRef.current = status;
    link.current?.post({ type: 'status', status });
  }, []);

  return { state, change, send, postStatus, audience, connected, available };
}
