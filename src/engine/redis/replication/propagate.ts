/**
 * What a command sends down the replication stream, as redis-server 7.0's call() /
 * alsoPropagate() / propagatePendingCommands() decide it (server.c):
 *
 * - a command propagates when it changed the dataset (server.dirty grew) or forced it
 *   (PUBLISH, FLUSHALL…), as its argv — or as the argv it rewrote itself to (SET … PXAT,
 *   PEXPIREAT, SREM for SPOP…) — unless it prevented it (SPOP with a count);
 * - keys deleted on the way (lazy expiry, eviction) and extra commands (SPOP's SREMs) queue
 *   before or beside it; everything queued by one top-level command leaves together when it
 *   ends, wrapped in MULTI/EXEC when there is more than one, unless the caller is a cron job
 *   (active expiry, eviction) or the command may touch arbitrary keys (SCAN, RANDOMKEY);
 * - EXEC itself never propagates: its commands queue as nested calls and leave together.
 */
import type { Argv } from '../command';
import type { Primary } from './primary';

interface PendingOp {
  readonly dbid: number;
  readonly argv: Argv;
}

const MULTI: Argv = ['MULTI'];
const EXEC: Argv = ['EXEC'];

export class Propagator {
  private pending: PendingOp[] = [];
  /** Nesting of calls (server.in_nested_call): only the outermost flushes. */
  depth = 0;
  private readonly primary: Primary;
  /** Propagation is on: we are a primary with a backlog or replicas (shouldPropagate). */
  enabled = false;

  constructor(primary: Primary) {
    this.primary = primary;
  }

  /** alsoPropagate: queue `argv` for the stream, in the context of db `dbid`. */
  also(dbid: number, argv: Argv): void {
    if (this.enabled) this.pending.push({ dbid, argv });
  }

  get hasPending(): boolean {
    return this.pending.length !== 0;
  }

  /**
   * propagatePendingCommands: sends what is queued. `noMulti` for cron-driven deletions and
   * commands that touch arbitrary keys: each op alone, never wrapped.
   */
  flush(noMulti = false): void {
    const ops = this.pending;
    if (ops.length === 0) return;
    this.pending = [];
    const p = this.primary;
    const wrap = ops.length > 1 && !noMulti;
    // MULTI goes out in the first op's db (so SELECT precedes it), EXEC in the last op's.
    if (wrap) p.feedCommand(ops[0]!.dbid, MULTI);
    for (const op of ops) p.feedCommand(op.dbid, op.argv);
    if (wrap) p.feedCommand(ops[ops.length - 1]!.dbid, EXEC);
  }
}
