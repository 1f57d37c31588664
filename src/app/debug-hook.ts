import type { SimSession } from '../ui';
import { useUiStore, selectSnapshot } from '../ui';
import type { SimClient, SimSnapshot } from '../worker';

/** What e2e tests (and curious instructors, in the console) can reach: kill the worker, read state. */
export interface SimDebugHook {
  client: SimClient;
  snapshot(): SimSnapshot | null;
  simulateCrash(): void;
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
  };
}

/** Removes the hook if it still belongs to `session` (a page replaced since keeps its own). */
export function withdrawDebugHook(session: SimSession): void {
  if (window.__sim?.client === session.client) delete window.__sim;
}
