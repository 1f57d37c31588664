import type { SimSession } from '../ui';
import { useUiStore, selectSnapshot } from '../ui';
import type { SimClient, SimSnapshot } from '../worker';

/** What e2e tests (and curious instructors, in the console) can reach: kill the worker, read state. */
export interface SimDebugHook {
  client: SimClient;
  snapshot(): SimSnapshot | null;
  simulateCrash(): void;
  /**
   * The UI's store and trace feed, so the canvas bench (scripts/bench/canvas.bench.ts) can load
   * the picture with a given number of packets or flow links and time its frames.
   */
  ui: { store: typeof useUiStore; feed: SimSession['feed'] };
}

declare global {
  interface Window {
    __sim?: SimDebugHook;
  }
}

export function exposeDebugHook(session: SimSession | null): void {
  if (!session) {
    delete window.__sim;
    return;
  }
  window.__sim = {
    client: session.client,
    snapshot: () => selectSnapshot(useUiStore.getState()),
    simulateCrash: () => session.client.simulateCrash(),
    ui: { store: useUiStore, feed: session.feed },
  };
}

/** Removes the hook if it still belongs to `session` (a page replaced since keeps its own). */
export function withdrawDebugHook(session: SimSession): void {
  if (window.__sim?.client === session.client) delete window.__sim;
}
