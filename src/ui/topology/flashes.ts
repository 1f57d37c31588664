import type { TraceEvent } from '../../worker';

/** How long a hit or miss lights its node (wall ms): long enough to read the word. */
const FLASH_MS = 450;

export type FlashKind = 'hit' | 'miss';

/**
 * Hit / miss flashes on cache nodes while single requests can be followed: the node shows the
 * word (HIT, MISS) and a ring, so the outcome is seen where it happens, not only read in the log.
 */
export class NodeFlashes {
  private lit = new Map<string, { kind: FlashKind; untilMs: number }>();

  add(events: readonly TraceEvent[], wallMs: number): void {
    for (const e of events) {
      if (e.kind === 'cache.hit' || e.kind === 'cache.miss')
        this.lit.set(e.from, {
          kind: e.kind === 'cache.hit' ? 'hit' : 'miss',
          untilMs: wallMs + FLASH_MS,
        });
    }
  }

  clear(): void {
    this.lit.clear();
  }

  /** The nodes lit at `wallMs`, by node id. */
  at(wallMs: number): ReadonlyMap<string, FlashKind> {
    const out = new Map<string, FlashKind>();
    for (const [id, f] of this.lit) {
      if (f.untilMs < wallMs) this.lit.delete(id);
      else out.set(id, f.kind);
    }
    return out;
  }
}
