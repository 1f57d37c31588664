/** A PostgreSQL error as the server reports it (ErrorResponse fields). */
export interface PgError {
  severity: 'ERROR' | 'FATAL' | 'PANIC';
  /** SQLSTATE, e.g. '42601' syntax_error, '53300' too_many_connections. */
  code: string;
  message: string;
  /** 1-based character offset into the statement, when PostgreSQL gives one. */
  position?: number;
  detail?: string;
  hint?: string;
}

/** PostgreSQL's own refusal when max_connections is reached (src/backend/storage/lmgr/proc.c). */
export const TOO_MANY_CONNECTIONS: PgError = {
  severity: 'FATAL',
  code: '53300',
  message: 'sorry, too many clients already',
};

/** Turns what PGlite threw (a pg-protocol DatabaseError) into a PgError; other throws are our bugs. */
export function toPgError(err: unknown): PgError {
  if (typeof err === 'object' && err !== null && 'code' in err && 'severity' in err) {
    const e = err as {
      severity?: string;
      code?: string;
      message?: string;
      position?: string;
      detail?: string;
      hint?: string;
    };
    const out: PgError = {
      severity: e.severity === 'FATAL' || e.severity === 'PANIC' ? e.severity : 'ERROR',
      code: e.code ?? 'XX000',
      message: e.message ?? 'unknown error',
    };
    if (e.position !== undefined && e.position !== '') out.position = Number(e.position);
    if (e.detail) out.detail = e.detail;
    if (e.hint) out.hint = e.hint;
    return out;
  }
  throw err;
}

/**
 * The error as psql prints it: `ERROR:  message`, then `LINE n: …` with a caret under the
 * position, then DETAIL/HINT lines. (psql also elides very long lines; we do not.)
 */
export function formatPgError(e: PgError, sql?: string): string {
  const lines = [`${e.severity}:  ${e.message}`];
  if (sql !== undefined && e.position !== undefined) {
    const before = sql.slice(0, e.position - 1);
    const lineNo = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = sql.indexOf('\n', lineStart);
    const text = sql.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const prefix = `LINE ${lineNo}: `;
    lines.push(prefix + text, ' '.repeat(prefix.length + (e.position - 1 - lineStart)) + '^');
  }
  if (e.detail) lines.push(`DETAIL:  ${e.detail}`);
  if (e.hint) lines.push(`HINT:  ${e.hint}`);
  return lines.join('\n');
}
