import type { Micros } from '../trace';

/** Why a connection ended (what the client sees: a reset, a refusal, or its own close). */
export type CloseReason = 'crash' | 'reboot' | 'replace' | 'az-outage' | 'client';

/**
 * One client connection to one node process. It belongs to the process that accepted it: a
 * reboot or replacement starts a new process (a new `generation`) and every connection of
 * the old one is closed, so a client must reconnect — and re-resolve the name — to go on.
 */
export class NodeConnection {
  open = true;
  /** Set by the client: called once, when the node side closes the connection. */
  onClose: ((reason: CloseReason, at: Micros) => void) | null = null;

  constructor(
    /** `node-id/n`: the node's n-th accepted connection. */
    readonly id: string,
    readonly nodeId: string,
    readonly generation: number,
    /** The worker thread the node pinned this connection to (Memcached). */
    readonly thread: number,
    readonly openedAt: Micros,
  ) {}

  /** The node side closed it (process stopped): the client learns it at once (a reset). */
  closeFromNode(reason: CloseReason, at: Micros): void {
    if (!this.open) return;
    this.open = false;
    this.onClose?.(reason, at);
  }
}
