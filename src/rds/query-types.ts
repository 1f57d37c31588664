import type { PgError } from './pg-error';
import type { SqlField } from './sql-runner';

export interface QueryOptions {
  /** Virtual time (µs) the statement reaches the database. */
  at: number;
  /** A connection from connect(); without one the statement opens a connection for its duration. */
  connection?: number;
  /** 'primary' (default) or a replica id from addReplica(). */
  target?: string;
}

interface OutcomeTiming {
  /** Arrival → result, on the virtual clock: queueing + CPU + commit I/O. */
  simulatedDurationUs: number;
  /** Time spent waiting for a free vCPU (or for the connection's previous statement). */
  queuedUs: number;
  startedAtUs: number;
  completedAtUs: number;
  /** Which instance answered. */
  instance: string;
}

export interface QuerySuccess extends OutcomeTiming {
  ok: true;
  rows: Record<string, unknown>[];
  fields: SqlField[];
  /** Rows returned, or rows affected for INSERT/UPDATE/DELETE. */
  rowCount: number;
  command: string | undefined;
  planCost: number | undefined;
  servedBy: 'pglite' | 'mirror';
  /** The statement may have changed data (INSERT/UPDATE/DELETE/DDL…): replicas replay it. */
  wrote: boolean;
}

export interface QueryFailure extends OutcomeTiming {
  ok: false;
  error: PgError;
}

export type QueryOutcome = QuerySuccess | QueryFailure;

export interface QueryLogEntry {
  seq: number;
  instance: string;
  source: 'app' | 'console' | 'connect';
  sql: string;
  params: unknown[];
  atUs: number;
  startedAtUs: number;
  completedAtUs: number;
  durationUs: number;
  queuedUs: number;
  rowCount: number;
  planCost: number | undefined;
  servedBy: 'pglite' | 'mirror' | 'none';
  error?: PgError;
}
