/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { SimHost } from './sim-host';

// The simulation's thread. Wall-clock pacing lives here (the worker layer), never in src/sim.
const host = new SimHost({
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
});

Comlink.expose(host);

// An error escaping the play loop (a rejected tick) must reach the page as a worker error, so
// the client rebuilds the simulation instead of showing a frozen one.
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  throw e.reason instanceof Error ? e.reason : new Error(String(e.reason));
});
