import { DEFAULT_SIZES, WORKLOAD_SQL, type SimulatedRds } from '../../../rds/index';
import type { AccountsDb } from './accounts-db';

/**
 * The login's account check as real SQL on the simulated RDS (PGlite): the users table of the
 * sample data set, the RDS load model's duration (queueing + CPU) for each lookup.
 */
export function rdsAccounts(rds: SimulatedRds, users = DEFAULT_SIZES.users): AccountsDb {
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
