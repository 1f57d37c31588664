import type { Micros } from '../../trace';

/** The product row the workload reads and writes (the RDS sample schema's products table). */
export interface ProductRow {
  id: number;
  name: string;
  price_cents: number;
  version: number;
}

export interface DbReply {
  row: ProductRow | null;
  /** Simulated time the database spent on the query (queueing included). */
  durationUs: Micros;
  sql: string;
  rows: number;
}

/**
 * What the db-cache scenario needs from the simulated RDS. Replies may be synchronous (the row
 * mirror, in fast runs) or a promise (real SQL through PGlite, in animated runs); the model
 * waits for promises through ctx.wait, so the trace is the same either way.
 */
export interface CatalogDb {
  readProduct(id: number, atUs: Micros): DbReply | Promise<DbReply>;
  /** Raises the price by one cent and bumps the version (a real write). */
  updateProduct(id: number, atUs: Micros): DbReply | Promise<DbReply>;
  /** The committed version of a row right now: the truth a stale read is measured against. */
  committedVersion(id: number): number;
  /** RDS metrics at virtual time `atUs` (CloudWatch names: CPUUtilization, ReadLatency …). */
  metrics(atUs: Micros): Record<string, number>;
  /**
   * Switches between real SQL ('animated') and the row mirror ('fast-forward') for the rest of
   * the run; the replies and simulated durations are the same on both paths (src/rds tests).
   */
  setPath?(path: 'animated' | 'fast-forward'): Promise<void>;
  /** Runs one console SQL text (animated runs only). */
  console?(
    sql: string,
    atUs: Micros,
  ): Promise<{ text: string; error: boolean; table?: { fields: string[]; rows: string[][] } }>;
}
