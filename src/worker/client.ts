import type { SimClient, SimStatus } from './client-types';
import { DEFAULT_SPEED } from './speed';
import type {
  ActResult,
  FastForwardProgress,
  LoadResult,
  LoggedAction,
  SimSnapshot,
  SimWorkerApi,
  TraceBatch,
  UserAction,
} from './protocol';

/** A running worker as the client sees it: its API, how to pass callbacks, how it dies. */
export interface WorkerHandle {
  api: SimWorkerApi;
  /** Wraps a callback so it can cross the boundary (Comlink.proxy in the browser). */
  proxy<T extends (...args: never[]) => unknown>(fn: T): T;
  terminate(): void;
  /** Called once if the worker dies or throws outside a call. */
  onCrash(listener: (reason: string) => void): void;
}

export type SpawnWorker = () => WorkerHandle;

export interface SimClientOptions {
  spawn: SpawnWorker;
  /** Wall ms between liveness pings; 0 disables them (tests). */
  heartbeatMs?: number;
  /** A worker that has not answered a ping for this long is treated as dead. */
  heartbeatTimeoutMs?: number;
}

const MAX_RECOVERY_ATTEMPTS = 3;

/**
 * A progress callback that goes quiet once its call has settled. Comlink sends callbacks over
 * their own MessagePort, and the browser does not order messages across ports: a busy machine
 * can deliver the last progress report after the call's result, which would leave the UI
 * showing a finished run as still running.
 */
function untilSettled<P>(onProgress: (p: P) => void): { report: (p: P) => void; close(): void } {
  let open = true;
  return {
    report: (p) => {
      if (open) onProgress(p);
    },
    close: () => {
      open = false;
    },
  };
}

class WorkerGone extends Error {
  constructor() {
    super('The simulation worker stopped during this call; it is being rebuilt.');
  }
}

/**
 * The UI thread's handle on the simulation. It keeps the seed and the action log, so when the
 * worker dies it spawns a new one and replays the log to the same virtual time: nothing lost.
 */
export function createSimClient(options: SimClientOptions): SimClient {
  // Generous: the worker yields every ~50 ms, but a busy machine (or PGlite starting) can
  // delay an answer by seconds; a false alarm costs a needless rebuild.
  const { spawn, heartbeatMs = 2_000, heartbeatTimeoutMs = 30_000 } = options;
  let handle: WorkerHandle | null = null;
  let generation = 0;
  let scenario: string | null = null;
  let seed = 0;
  let log: LoggedAction[] = [];
  let future: LoggedAction[] = [];
  let speed = DEFAULT_SPEED;
  let playing = false;
  let last: SimSnapshot | null = null;
  let status: SimStatus = { state: 'idle', notice: null };
  let recovering: Promise<void> | null = null;
  let rejectInFlight: ((e: Error) => void)[] = [];
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  let lastPong = Date.now();
  const batchListeners = new Set<(b: TraceBatch) => void>();
  const statusListeners = new Set<(s: SimStatus) => void>();

  /** The worker applies scheduled actions as it passes their times: they join the log. */
  const follow = (snapshot: SimSnapshot): void => {
    last = snapshot;
    const applied = snapshot.actionsApplied - log.length;
    if (applied > 0 && future.length > 0) log = log.concat(future.splice(0, applied));
  };

  const setStatus = (next: SimStatus): void => {
    status = next;
    for (const l of statusListeners) l(next);
  };

  /** Runs a call on the current worker; if the worker dies meanwhile, the call rejects. */
  const call = <T>(fn: (api: SimWorkerApi) => Promise<T>): Promise<T> => {
    if (!handle) return Promise.reject(new Error('No scenario is loaded yet'));
    const api = handle.api;
    return new Promise<T>((resolve, reject) => {
      const onGone = (e: Error): void => reject(e);
      rejectInFlight.push(onGone);
      fn(api).then(
        (v) => {
          rejectInFlight = rejectInFlight.filter((r) => r !== onGone);
          resolve(v);
        },
        (e: unknown) => {
          rejectInFlight = rejectInFlight.filter((r) => r !== onGone);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  };

  const startWorker = async (): Promise<LoadResult> => {
    const gen = ++generation;
    const h = spawn();
    handle = h;
    h.onCrash((reason) => {
      if (gen === generation) void recover(reason);
    });
    await h.api.subscribe(
      h.proxy((batch: TraceBatch) => {
        if (gen !== generation) return;
        follow(batch.snapshot);
        for (const l of batchListeners) l(batch);
      }),
    );
    const result = await h.api.load({ scenario: scenario!, seed });
    last = result.snapshot;
    await h.api.setSpeed(speed);
    return result;
  };

  const stopWorker = (): void => {
    generation++;
    handle?.terminate();
    handle = null;
    const pending = rejectInFlight;
    rejectInFlight = [];
    for (const r of pending) r(new WorkerGone());
  };

  const startHeartbeat = (): void => {
    if (heartbeatMs <= 0 || heartbeat !== null) return;
    lastPong = Date.now();
    heartbeat = setInterval(() => {
      if (!handle || recovering) return;
      if (Date.now() - lastPong > heartbeatTimeoutMs) {
        void recover('it stopped answering');
        return;
      }
      const gen = generation;
      void handle.api.ping().then(() => {
        if (gen === generation) lastPong = Date.now();
      });
    }, heartbeatMs);
  };

  async function recover(reason: string): Promise<void> {
    if (recovering) return recovering;
    console.error('[worker] simulation worker lost:', reason);
    const wasPlaying = playing;
    const untilUs = last?.now ?? 0;
    setStatus({
      state: 'recovering',
      notice: 'The simulation stopped unexpectedly. Rebuilding it from your actions…',
    });
    recovering = (async () => {
      for (let attempt = 1; attempt <= MAX_RECOVERY_ATTEMPTS; attempt++) {
        stopWorker();
        try {
          await startWorker();
          follow(await handle!.api.replay(log, untilUs, future));
          if (wasPlaying) await handle!.api.play();
          lastPong = Date.now();
          const n = log.length;
          setStatus({
            state: 'ready',
            notice: `The simulation stopped unexpectedly. We rebuilt it from your ${n} action${n === 1 ? '' : 's'} — nothing was lost.`,
          });
          return;
        } catch (err) {
          console.error(`[worker] rebuild attempt ${attempt} failed`, err);
        }
      }
      setStatus({
        state: 'failed',
        notice:
          'The simulation stopped and could not be rebuilt. Reload the page to start it again; your saved progress is kept.',
      });
    })();
    try {
      await recovering;
    } finally {
      recovering = null;
    }
  }

  const client: SimClient = {
    async load(id, newSeed) {
      if (!Number.isSafeInteger(newSeed))
        throw new Error(`Seed must be an integer, got ${newSeed}`);
      stopWorker();
      scenario = id;
      seed = newSeed;
      log = [];
      future = [];
      playing = false;
      setStatus({ state: 'loading', notice: null });
      try {
        const result = await startWorker();
        setStatus({ state: 'ready', notice: null });
        startHeartbeat();
        return result;
      } catch (err) {
        setStatus({
          state: 'failed',
          notice: `The scenario could not be loaded: ${(err as Error).message}`,
        });
        throw err;
      }
    },

    async act(action: UserAction): Promise<ActResult> {
      const result = await call((api) => api.act(action));
      if (result.ok) {
        // A new action rewrites history from here: the worker has dropped the later ones too.
        future = [];
        log.push({ atUs: result.atUs, action });
        last = result.snapshot;
      }
      return result;
    },

    async play() {
      await call((api) => api.play());
      playing = true;
    },

    async pause() {
      await call((api) => api.pause());
      playing = false;
    },

    async setSpeed(next) {
      await call((api) => api.setSpeed(next));
      speed = next;
    },

    async step() {
      const batch = await call((api) => api.step());
      playing = false;
      follow(batch.snapshot);
      return batch;
    },

    async fastForward(durationUs: number, onProgress: (p: FastForwardProgress) => void) {
      const h = handle;
      const progress = untilSettled(onProgress);
      try {
        const snapshot = await call((api) =>
          api.fastForward(durationUs, h!.proxy(progress.report)),
        );
        follow(snapshot);
        return snapshot;
      } finally {
        progress.close();
      }
    },

    async cancelFastForward() {
      await call((api) => api.cancelFastForward());
    },

    async stepBack() {
      const undone = log.pop();
      if (!undone) return null;
      future = [];
      await call((api) => api.pause());
      playing = false;
      await call((api) => api.load({ scenario: scenario!, seed }));
      last = await call((api) => api.replay(log, undone.atUs));
      return last;
    },

    async restore(newLog, untilUs) {
      await call((api) => api.pause());
      playing = false;
      await call((api) => api.load({ scenario: scenario!, seed }));
      last = await call((api) => api.replay([...newLog], untilUs));
      log = [...newLog];
      future = [];
      return last;
    },

    async scrub(toUs, actionsApplied) {
      const all = log.concat(future);
      // By default the moment before any action taken at `toUs` itself (an action logged at a
      // time was taken after that time's events, as a snapshot taken then shows).
      const n = actionsApplied ?? all.filter((a) => a.atUs < toUs).length;
      if (!Number.isSafeInteger(toUs) || toUs < 0)
        throw new RangeError(`Scrub needs a virtual time in µs, got ${toUs}`);
      const lastKept = all[n - 1];
      const firstLater = all[n];
      if (n < 0 || n > all.length || (lastKept && lastKept.atUs > toUs))
        throw new RangeError(`${n} actions do not end by ${toUs} µs`);
      if (firstLater && firstLater.atUs < toUs)
        throw new RangeError(`an action at ${firstLater.atUs} µs would be skipped`);
      await call((api) => api.pause());
      playing = false;
      await call((api) => api.load({ scenario: scenario!, seed }));
      const snapshot = await call((api) => api.replay(all.slice(0, n), toUs, all.slice(n)));
      log = all.slice(0, n);
      future = all.slice(n);
      last = snapshot;
      return snapshot;
    },

    async runExperiment(spec, onProgress) {
      const h = handle;
      const progress = untilSettled(onProgress);
      try {
        return await call((api) => api.runExperiment(spec, h!.proxy(progress.report)));
      } finally {
        progress.close();
      }
    },

    async cancelExperiment() {
      await call((api) => api.cancelExperiment());
    },

    exportSnapshot(nodeId, asOfMs) {
      return call((api) => api.exportSnapshot(nodeId, asOfMs));
    },

    fork(spec) {
      if (scenario === null)
        return Promise.resolve({ ok: false, error: 'No scenario is loaded yet.' });
      const full = { ...spec, scenario, seed, log: [...log] };
      return call((api) =>
        api.fork
          ? api.fork(full)
          : Promise.resolve({ ok: false, error: 'This worker cannot fork.' }),
      );
    },

    onBatch(listener) {
      batchListeners.add(listener);
      return () => batchListeners.delete(listener);
    },

    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },

    get log() {
      return log;
    },

    get future() {
      return future;
    },

    get status() {
      return status;
    },

    simulateCrash() {
      handle?.terminate();
      void recover('it was terminated');
    },

    dispose() {
      if (heartbeat !== null) clearInterval(heartbeat);
      heartbeat = null;
      stopWorker();
      batchListeners.clear();
      statusListeners.clear();
    },
  };
  return client;
}
