import type { ActResult, ConsoleTarget, SimSnapshot } from '../../worker';
import type { SimSession } from '../session/sim-session';
import { useUiStore } from '../store/ui-store';
import type { ConsoleResult } from './types';

/** Sends one console line to the worker; resolves to the reply or a sentence saying why not. */
export type ConsoleTransport = (
  target: ConsoleTarget,
  line: string,
) => Promise<{ ok: true; result: ConsoleResult } | { ok: false; error: string }>;

export function actResultToReply(
  r: ActResult,
): { ok: true; result: ConsoleResult } | { ok: false; error: string } {
  if (!r.ok) return { ok: false, error: r.error };
  // A line the server answers with nothing (memcached noreply) still gets an output object.
  return { ok: true, result: r.output ?? { text: '', error: false } };
}

/**
 * Console lines are actions (`{ type: 'console', params: { target, line } }`): they enter the
 * action log, so a rebuilt worker replays them and the cache holds the same keys afterwards.
 */
export function sessionTransport(session: SimSession): ConsoleTransport {
  return async (target, line) => {
    try {
      const r = await session.client.act({ type: 'console', params: { target, line } });
      if (r.ok) showSnapshot(r.snapshot);
      return actResultToReply(r);
    } catch (err) {
      console.error('[console] act failed', err);
      return {
        ok: false,
        error: `The simulation did not answer (${err instanceof Error ? err.message : String(err)}). Your line was not run; try again in a moment.`,
      };
    }
  };
}

/**
 * A console line changes state the status panels show (keys, memory) even while paused, so its
 * snapshot is shown at once — unless a newer one already arrived from the running simulation.
 */
function showSnapshot(snapshot: SimSnapshot): void {
  const store = useUiStore.getState();
  const current = store.snapshot;
  if (
    current &&
    current.scenario === snapshot.scenario &&
    current.eventsProcessed > snapshot.eventsProcessed
  )
    return;
  store.setSnapshot(snapshot);
}
