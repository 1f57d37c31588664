/**
 * The part of PGlite's API src/rds uses. Typing against this (not the PGlite class) keeps the
 * module graph free of a static PGlite import, so importing src/rds never pulls the WASM loader.
 */
export interface SqlField {
  name: string;
  dataTypeID: number;
}

export interface SqlResult<T = Record<string, unknown>> {
  rows: T[];
  fields: SqlField[];
  affectedRows?: number;
  command?: string;
}

export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlResult<T>>;
  exec(sql: string): Promise<SqlResult[]>;
  close(): Promise<void>;
  /** PGlite's data directory dump (a tar, gzip-compressed on request). */
  dumpDataDir?(compression?: 'gzip' | 'none'): Promise<Blob>;
}
