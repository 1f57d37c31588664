import * as Comlink from 'comlink';
import type { SimWorkerApi } from './protocol';
import type { WorkerHandle } from './client';

/** Spawns the simulation's Web Worker (a separate, lazily loaded chunk) behind comlink. */
export function spawnBrowserWorker(): WorkerHandle {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'simulation',
  });
  const api = Comlink.wrap<SimWorkerApi & { setAssetBase(url: string): Promise<void> }>(worker);
  // The worker fetches static assets (PGlite's prebuilt data directory) relative to the page.
  void api.setAssetBase(new URL('./', document.baseURI).href);
  return {
    api: api as unknown as SimWorkerApi,
    proxy: (fn) => Comlink.proxy(fn),
    terminate: () => worker.terminate(),
    onCrash: (listener) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        listener(e.message || 'the worker threw an error');
      });
      worker.addEventListener('messageerror', () => listener('a message could not be read'));
    },
  };
}
