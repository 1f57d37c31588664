/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { SimHost } from './sim-host';
import { workerRdsEnvironment } from './rds-environment';
import { forkIn } from './fork';
import { zeroDelayTimers } from './zero-delay';

// Where the app's static assets are (the page's directory); the client tells us at start.
let assetBase = self.location.href;

// The simulation's thread. Wall-clock pacing lives here (the worker layer), never in src/sim.
const env = workerRdsEnvironment(() => assetBase);
const host = new SimHost(zeroDelayTimers(), env);

Comlink.expose(
  Object.assign(host, {
    setAssetBase: (url: string) => {
      assetBase = url;
    },
    // A prediction's "what happens next" in a fresh simulation (fork.ts).
    fork: forkIn(env),
  }),
);

// An error escaping the play loop (a rejected tick) must reach the page as a worker error, so
// the client rebuilds the simulation instead of showing a frozen one.
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  throw e.reason instanceof Error ? e.reason : new Error(String(e.reason));
});
