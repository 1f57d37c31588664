import type { Micros } from '../trace';

/** One write a primary answered: where it ends in the replication stream, when it was acked. */
interface AckedWrite {
  /** master_repl_offset right after the write: a replica holds it once its offset reaches this. */
  offset: number;
  /** When the success reply left the node (Infinity while the app still waits on WAIT). */
  ackAt: Micros;
}

/**
 * Past this many entries the oldest are dropped: a replica that far behind is not what a
 * lesson measures, and the ledger must not grow without bound over an hour of traffic.
 */
const MAX_ENTRIES = 200_000;
/** Writes kept per connection that has not sent WAIT (a WAIT covers the writes before it). */
const RECENT_PER_CONNECTION = 64;

/**
 * The writes one primary process acknowledged, by their replication offset — what "acknowledged
 * writes lost" at a failover is counted from (docs/failover.md, "Lost writes"): replication is
 * asynchronous, so a write the primary acknowledged whose offset is past the promoted replica's
 * offset at the crash is gone. With WAIT, the app's acknowledgement is WAIT's reply, not the
 * write's: such writes count as acknowledged only from then (`waitStarted`, `waited`).
 */
export class AckedWrites {
  private entries: AckedWrite[] = [];
  private head = 0;
  /**
   * Per connection, its writes no WAIT has covered yet: a WAIT that arrives turns them into
   * writes the app is waiting for. Bounded for connections that never WAIT.
   */
  private recent = new Map<string, AckedWrite[]>();
  /** Connections that sent WAIT: their later writes are acked by WAIT's reply. */
  private waiters = new Set<string>();

  /** A write ending at `offset` was answered at `readyAt` on connection `conn`. */
  record(conn: string, offset: number, readyAt: Micros): void {
    const waits = this.waiters.has(conn);
    const e: AckedWrite = { offset, ackAt: waits ? Infinity : readyAt };
    this.entries.push(e);
    const list = this.recent.get(conn) ?? [];
    list.push(e);
    if (!waits && list.length > RECENT_PER_CONNECTION) list.shift();
    this.recent.set(conn, list);
    if (this.entries.length - this.head > MAX_ENTRIES) this.head++;
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * A WAIT arrived on `conn` and blocks: the app counts its writes up to `offset` (the
   * connection's last write) as done only when WAIT answers, and waits for every later one.
   */
  waitStarted(conn: string, offset: number): void {
    this.waiters.add(conn);
    for (const e of this.recent.get(conn) ?? []) if (e.offset <= offset) e.ackAt = Infinity;
  }

  /** WAIT answered on `conn` at `readyAt`: its writes up to `offset` are acknowledged now. */
  waited(conn: string, offset: number, readyAt: Micros): void {
    this.waiters.add(conn);
    const list = this.recent.get(conn);
    if (!list) return;
    const rest = list.filter((e) => {
      if (e.offset > offset) return true;
      e.ackAt = readyAt;
      return false;
    });
    if (rest.length > 0) this.recent.set(conn, rest);
    else this.recent.delete(conn);
  }

  /** Writes past `offset` that were acknowledged no later than `until` (the crash). */
  lostAfter(offset: number, until: Micros): number {
    let n = 0;
    for (let i = this.entries.length - 1; i >= this.head; i--) {
      const e = this.entries[i]!;
      if (e.offset <= offset) break; // offsets only grow: the rest are older
      if (e.ackAt <= until) n++;
    }
    return n;
  }

  /** Every write acknowledged no later than `until` (none replicated: a replica starts empty). */
  acknowledged(until: Micros): number {
    return this.lostAfter(-1, until);
  }

  get size(): number {
    return this.entries.length - this.head;
  }
}
