import { MinHeap } from '../lib/index';

/**
 * Client connections of one instance on the virtual clock: persistent ones (a pool opened with
 * connect()) and per-statement ones (a statement sent without a connection opens one for its
 * duration). Arrival times are expected in non-decreasing order, as the sim's event queue gives.
 */
export class ConnectionTable {
  private nextId = 1;
  /** Persistent connection id → virtual time its current statement ends. */
  private readonly open = new Map<number, number>();
  private readonly transientEnds = new MinHeap();
  private readonly activeEnds = new MinHeap();

  constructor(public maxConnections: number) {}

  /** Connections counted against max_connections at `atUs`. */
  countAt(atUs: number): number {
    return this.open.size + this.transientEnds.dropUpTo(atUs);
  }

  /** Statements executing or queued at `atUs` (pg_stat_activity state = active). */
  activeAt(atUs: number): number {
    return this.activeEnds.dropUpTo(atUs);
  }

  get openCount(): number {
    return this.open.size;
  }

  /** Opens a persistent connection, or returns undefined when max_connections is reached. */
  connect(atUs: number): number | undefined {
    if (this.countAt(atUs) >= this.maxConnections) return undefined;
    const id = this.nextId++;
    this.open.set(id, atUs);
    return id;
  }

  disconnect(id: number): boolean {
    return this.open.delete(id);
  }

  isOpen(id: number): boolean {
    return this.open.has(id);
  }

  /** A connection runs one statement at a time: the earliest a new one can start on it. */
  readyAt(id: number, atUs: number): number {
    return Math.max(atUs, this.open.get(id) ?? atUs);
  }

  /** Reserves a per-statement connection, or returns false when max_connections is reached. */
  admitTransient(atUs: number): boolean {
    return this.countAt(atUs) < this.maxConnections;
  }

  /** Records a statement's span [arrival, end] on a persistent (id) or per-statement connection. */
  occupy(id: number | undefined, arrivalUs: number, endUs: number): void {
    this.activeEnds.dropUpTo(arrivalUs); // keeps the heap to the statements in flight
    this.activeEnds.push(endUs);
    if (id === undefined) this.transientEnds.push(endUs);
    else this.open.set(id, endUs);
  }

  reset(): void {
    this.open.clear();
    this.transientEnds.clear();
    this.activeEnds.clear();
  }
}
