import {
  flowShare,
  isRoutine,
  stepSpeed,
  type SimClient,
  type SimSnapshot,
  type SnapshotExport,
  type UserAction,
} from '../../worker';
import { useUiStore } from '../store/ui-store';
import { Timeline } from './timeline';
import { TraceFeed } from './trace-feed';

/** At flow speeds, wall ms between batches applied to the store (notable events always are). */
const FLOW_UI_MS = 100;

export interface SnapshotListener {
  (snapshot: SimSnapshot, reset: boolean): void;
}

/**
 * Binds one SimClient to the UI store: snapshots and status into zustand, trace events into the
 * feed. Controls call these methods; they never talk to the client directly.
 */
export class SimSession {
  readonly feed = new TraceFeed();
  /** The moments of this run the scrubber can return to. */
  readonly timeline = new Timeline();
  private unsubscribe: (() => void)[] = [];
  private snapshotListeners = new Set<SnapshotListener>();
  private disposed = false;
  /** Serialises user commands so a quick double key press cannot interleave two steps. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Wall time (performance.now) a batch last reached the store. */
  private lastApplied = 0;
  /** Commands queued or running; while any are, the store's playing flag is ahead of the worker's. */
  private pending = 0;

  constructor(readonly client: SimClient) {
    const store = useUiStore.getState();
    store.resetSim();
    store.setNotice(null);
    store.setFastForward(null);
    this.unsubscribe.push(
      client.onBatch((batch) => {
        const fresh = this.feed.publish(batch.events);
        const st = useUiStore.getState();
        const flowing = flowShare(st.speed) >= 1 && batch.snapshot.playing;
        // At flow speeds the picture shows rates: ten updates a second move the bands, meters
        // and charts smoothly, and leave the main thread free (batches come about sixty a second).
        const wall = performance.now();
        if (
          flowing &&
          wall - this.lastApplied < FLOW_UI_MS &&
          fresh.every((e) => isRoutine(e.kind))
        )
          return;
        this.lastApplied = wall;
        // At flow speeds the per-request events are a sample the log cannot be read at: it keeps
        // the notable ones (faults, roles, actions) and counts the rest.
        if (flowing) {
          const notable = fresh.filter((e) => !isRoutine(e.kind));
          st.appendEvents(notable, batch.dropped + fresh.length - notable.length);
        } else st.appendEvents(fresh, batch.dropped);
        // The worker is the state of record: after a rebuild it may play or pause on its own.
        if (this.pending === 0 && !st.fastForward && st.playing !== batch.snapshot.playing) {
          st.setPlaying(batch.snapshot.playing);
        }
        if (batch.flows) st.setFlows(batch.flows);
        this.applySnapshot(batch.snapshot, false);
      }),
      client.onStatus((status) => {
        const s = useUiStore.getState();
        s.setSimState(status.state);
        if (status.notice !== null) s.setNotice(status.notice);
      }),
    );
  }

  onSnapshot(listener: SnapshotListener): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  async load(scenario: string, seed: number, autoplay: boolean): Promise<void> {
    const s = useUiStore.getState();
    s.setSimState('loading');
    try {
      const result = await this.client.load(scenario, seed);
      if (this.disposed) return;
      useUiStore.getState().setLoaded(result);
      this.feed.reset(-1);
      this.timeline.reset();
      this.applySnapshot(result.snapshot, true);
      await this.client.setSpeed(useUiStore.getState().speed);
      if (this.disposed) return;
      if (autoplay) await this.play();
      if (this.disposed) return;
      useUiStore.getState().setSimState('ready');
    } catch (err) {
      // Leaving the page mid-load stops the worker: that is not a failure to report.
      if (this.disposed) return;
      console.error('[sim] load failed', err);
      const st = useUiStore.getState();
      st.setSimState('failed');
      st.setLoadError(
        `The simulation could not start (${err instanceof Error ? err.message : String(err)}). Reload the page to try again.`,
      );
    }
  }

  // The store changes at once (so quick repeated keys see the new value); the worker follows in order.
  play(): Promise<void> {
    useUiStore.getState().setPlaying(true);
    return this.enqueue(async () => {
      await this.client.play();
    }, undefined);
  }

  pause(): Promise<void> {
    useUiStore.getState().setPlaying(false);
    return this.enqueue(async () => {
      await this.client.pause();
      const snapshot = useUiStore.getState().snapshot;
      if (snapshot) this.applySnapshot(snapshot, false);
    }, undefined);
  }

  togglePlay(): Promise<void> {
    return useUiStore.getState().playing ? this.pause() : this.play();
  }

  /** Pauses if needed, then processes exactly one kernel event. */
  step(): Promise<void> {
    useUiStore.getState().setPlaying(false);
    return this.enqueue(async () => {
      // The worker pauses before it steps.
      const before = useUiStore.getState().snapshot?.eventsProcessed ?? -1;
      const batch = await this.client.step();
      const fresh = this.feed.publish(batch.events);
      // An idle simulation has nothing to step: no log entry for a step that did not happen.
      if (batch.snapshot.eventsProcessed !== before) {
        useUiStore.getState().appendStep(batch.snapshot.eventsProcessed, batch.snapshot.now, fresh);
      }
      this.applySnapshot(batch.snapshot, false);
    }, undefined);
  }

  /** Virtual seconds per wall second (worker speed.ts MIN_SPEED–MAX_SPEED). */
  setSpeed(speed: number): Promise<void> {
    useUiStore.getState().setSpeed(speed);
    return this.enqueue(async () => {
      await this.client.setSpeed(speed);
    }, undefined);
  }

  changeSpeed(direction: 1 | -1): Promise<void> {
    return this.setSpeed(stepSpeed(useUiStore.getState().speed, direction));
  }

  fastForward(durationUs = useUiStore.getState().ffLengthUs): Promise<void> {
    if (useUiStore.getState().fastForward) return Promise.resolve();
    const st = useUiStore.getState();
    const wasPlaying = st.playing;
    st.setPlaying(false);
    st.setFastForward({ doneUs: 0, totalUs: durationUs, events: 0 });
    return this.enqueue(async () => {
      try {
        if (wasPlaying) await this.client.pause();
        const snapshot = await this.client.fastForward(durationUs, (p) =>
          useUiStore.getState().setFastForward(p),
        );
        // The animation skips what fast-forward ran: drop in-flight messages and jump the clock.
        this.feed.reset();
        this.applySnapshot(snapshot, true);
      } finally {
        useUiStore.getState().setFastForward(null);
      }
      if (wasPlaying) {
        useUiStore.getState().setPlaying(true);
        await this.client.play();
      }
    }, undefined);
  }

  /** Applies a user action; resolves to an error sentence when the scenario refuses it. */
  act(action: UserAction): Promise<string | null> {
    return this.enqueue(async () => {
      const result = await this.client.act(action);
      if (!result.ok) return result.error;
      // A new action starts another history from here: the later moments are gone.
      this.timeline.branchAt(result.snapshot.now);
      this.applySnapshot(result.snapshot, false);
      return null;
    }, 'The action could not be applied. Try again.');
  }

  /** The node's data as an RDB file, taken after the actions already queued. */
  exportSnapshot(nodeId: string, asOfMs?: number): Promise<SnapshotExport> {
    return this.enqueue(() => this.client.exportSnapshot(nodeId, asOfMs), {
      ok: false,
      error: 'The backup could not be taken: the simulation is being rebuilt. Try again.',
    });
  }

  /**
   * Moves the run to virtual time `toUs` (back or forward within what it has reached): a rebuild
   * from the seed and the actions taken by then, paused; later actions replay at their times.
   */
  scrub(toUs: number, actionsApplied?: number): Promise<void> {
    useUiStore.getState().setPlaying(false);
    return this.enqueue(async () => {
      await this.client.pause();
      const snapshot = await this.client.scrub(toUs, actionsApplied);
      // The rebuilt trace numbers its events afresh: the views drop what they hold.
      this.feed.reset(-1);
      useUiStore.getState().setFlows(null);
      this.applySnapshot(snapshot, true);
    }, undefined);
  }

  /** Not queued: it must reach the worker while the fast-forward it stops is still running. */
  cancelFastForward(): Promise<void> {
    return this.client.cancelFastForward().catch((err: unknown) => {
      console.warn('[sim] cancel did not reach the worker', err);
    });
  }

  dismissNotice(): void {
    useUiStore.getState().setNotice(null);
  }

  dispose(): void {
    this.disposed = true;
    for (const u of this.unsubscribe) u();
    this.client.dispose();
  }

  private applySnapshot(snapshot: SimSnapshot, reset: boolean): void {
    this.timeline.record(snapshot);
    useUiStore.getState().setSnapshot(snapshot);
    for (const l of this.snapshotListeners) l(snapshot, reset);
  }

  /**
   * Runs commands one after another. A failed command resolves to `fallback` (callers fire and
   * forget from key handlers); a call cut short by a worker rebuild is expected, so only a warning.
   */
  private enqueue<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    this.pending++;
    const next = this.queue
      .then(work)
      .catch((err: unknown) => {
        if (this.disposed || this.client.status.state !== 'ready') {
          console.warn('[sim] command interrupted while the simulation was rebuilt', err);
        } else {
          console.error('[sim] command failed', err);
        }
        return fallback;
      })
      .finally(() => this.pending--);
    this.queue = next;
    return next;
  }
}
