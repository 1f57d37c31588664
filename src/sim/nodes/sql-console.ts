import type { ConsoleOutcome, SimulatedRds } from '../../rds/index';
import type { ConsoleOutput } from '../model';

/** A value as psql prints it: NULL empty, booleans t/f, timestamps in PostgreSQL's text form. */
export function pgText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) {
    // timestamptz in a UTC session: 2026-01-02 03:04:05.678+00 (fraction only when non-zero).
    const iso = v.toISOString();
    const frac = iso.slice(19, 23) === '.000' ? '' : iso.slice(19, 23).replace(/0+$/, '');
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac}+00`;
  }
  if (v instanceof Uint8Array)
    return `\\x${[...v].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** psql's command tag for a statement without a result table (INSERT 0 1, UPDATE 3, CREATE TABLE). */
function commandTag(command: string | undefined, rowCount: number): string {
  const c = (command ?? '').toUpperCase();
  if (c === 'INSERT') return `INSERT 0 ${rowCount}`;
  if (['UPDATE', 'DELETE', 'SELECT', 'MOVE', 'FETCH', 'COPY', 'MERGE'].includes(c))
    return `${c} ${rowCount}`;
  return c === '' ? 'OK' : c;
}

/** A SQL console run as psql shows it: the last statement's table or tag, or the error. */
export function formatSqlConsole(run: ConsoleOutcome): ConsoleOutput {
  const notice = run.notice ? `\n${run.notice}` : '';
  if (!run.ok)
    return { text: (run.errorText ?? run.error?.message ?? 'ERROR') + notice, error: true };
  const last = run.results[run.results.length - 1];
  if (!last) return { text: notice.trim(), error: false };
  if (last.fields.length > 0) {
    const fields = last.fields.map((f) => f.name);
    const rows = last.rows.map((r) => fields.map((f) => pgText(r[f])));
    const n = rows.length;
    return {
      text: `(${n} row${n === 1 ? '' : 's'})${notice}`,
      error: false,
      table: { fields, rows },
    };
  }
  return { text: commandTag(last.command, last.rowCount) + notice, error: false };
}

/** One SQL console submission on the simulated RDS primary at virtual time `atUs`. */
export async function sqlConsoleLine(
  rds: SimulatedRds,
  sql: string,
  atUs: number,
): Promise<ConsoleOutput> {
  if (sql.trim() === '') return { text: '', error: false };
  return formatSqlConsole(await rds.console(sql, { at: atUs }));
}
