import { DEFAULT_SIZES, WORKLOAD_SQL, type SimulatedRds } from '../../../rds/index';
import type { AccountsDb } from './accounts-db';

/**
 * The login's account check on the simulated RDS: the users table of the sample data set, with
 * the RDS load model's duration (queueing + CPU) for each lookup. The lookup is a workload
 * statement by primary key, which the RDS row mirror answers exactly as PostgreSQL does
 * (src/rds tests), so the mirror path is used throughout: in-memory mode logs in on every other
 * request, and one PGlite round trip per login would stall fast-forward.
 */
export async function rdsAccounts(
  rds: SimulatedRds,
  users = DEFAULT_SIZES.users,
): Promise<AccountsDb> {
  await rds.setMode('fast-forward');
  const sql = WORKLOAD_SQL.userById;
  return {
    users,
    async findUser(id, atUs) {
      const o = await rds.query(sql, [id], { at: atUs });
      if (!o.ok) return { row: null, durationUs: o.simulatedDurationUs, sql };
      const r = o.rows[0];
      const row = r ? { id, email: String(r.email), name: String(r.name) } : null;
      return { row, durationUs: o.simulatedDurationUs, sql };
    },
  };
}
