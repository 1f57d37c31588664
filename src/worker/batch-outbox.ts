import type { TraceBatch } from './protocol';

/** Takes one batch; a page's subscriber (through Comlink) resolves once its handler has run. */
export type BatchSubscriber = (batch: TraceBatch) => void | Promise<void>;

/**
 * Sends trace batches to the page's subscribers, one at a time. A batch is out until every
 * subscriber has taken it. A page slower than the tick rate (a busy or old machine, a heavy
 * picture at flow speed) would otherwise queue batches faster than it handles them and stop
 * answering clicks; instead the next batch waits for it, and the events meanwhile stay in the
 * host's batcher (trimmed to its caps, the rest counted as dropped). A send asked for meanwhile
 * happens once the batch is taken, so the page always ends on the latest state.
 */
export class BatchOutbox {
  private readonly subscribers: BatchSubscriber[] = [];
  private inFlight = false;
  private wanted = false;

  /**
   * @param take builds the batch to send now (pending events and a fresh snapshot).
   * @param live whether a send put off while a batch was out may still happen (a simulation is
   *   still loaded).
   */
  constructor(
    private readonly take: () => TraceBatch,
    private readonly live: () => boolean,
  ) {}

  subscribe(onBatch: BatchSubscriber): void {
    this.subscribers.push(onBatch);
  }

  /** Sends whatever is pending (possibly nothing but a fresh snapshot) once no batch is out. */
  send(): void {
    if (this.inFlight) {
      this.wanted = true;
      return;
    }
    const batch = this.take();
    this.inFlight = true;
    void Promise.allSettled(this.subscribers.map((s) => s(batch))).then(() => {
      this.inFlight = false;
      if (!this.wanted) return;
      this.wanted = false;
      if (this.live()) this.send();
    });
  }
}
