import type { Micros } from '../../trace';

export interface AccountRow {
  id: number;
  email: string;
  name: string;
}

export interface AccountReply {
  row: AccountRow | null;
  /** Simulated time the database spent on the query. */
  durationUs: Micros;
  sql: string;
}

/**
 * What the login path needs from RDS: the user's account by id. Replies may be synchronous
 * (the cost model below) or a promise (real SQL through PGlite, wired by the worker); the model
 * waits for promises through ctx.wait, so the trace is the same either way.
 */
export interface AccountsDb {
  readonly users: number;
  findUser(id: number, atUs: Micros): AccountReply | Promise<AccountReply>;
}

/** The statement the login runs (the RDS workload's `userById` text, so a PGlite back end can
 * answer it from its row mirror). */
export const USER_BY_ID_SQL =
  'SELECT id, email, name, country, created_at FROM users WHERE id = $1';

/**
 * One primary-key lookup on the users table, priced like the RDS cost model prices it on a
 * db.t3.medium: 60 µs fixed (parse, plan, protocol) + EXPLAIN cost 8.29 × 8 µs per plan-cost
 * unit + 1.5 µs per row returned ≈ 128 µs; no commit wait (read only). A model figure, not an
 * AWS one. No queueing: a few logins per second never load the instance.
 */
export const USER_LOOKUP_US = 128;

/** The sample data set's users table size. */
export const ACCOUNT_COUNT = 2_000;

const FIRST = ['ada', 'alan', 'grace', 'linus', 'barbara', 'ken', 'dennis', 'margaret'];
const LAST = ['lovelace', 'turing', 'hopper', 'torvalds', 'liskov', 'thompson', 'ritchie'];

/**
 * The user accounts with an explicit query cost, used until the worker wires the PGlite users
 * table through the same interface. Names are derived from the id, so they are stable.
 */
export function simulatedAccounts(users = ACCOUNT_COUNT): AccountsDb {
  return {
    users,
    findUser(id) {
      if (!Number.isInteger(id) || id < 1 || id > users) {
        return { row: null, durationUs: USER_LOOKUP_US, sql: USER_BY_ID_SQL };
      }
      const first = FIRST[id % FIRST.length]!;
      const last = LAST[Math.floor(id / FIRST.length) % LAST.length]!;
      const row = { id, email: `${first}.${last}.${id}@example.com`, name: `${first} ${last}` };
      return { row, durationUs: USER_LOOKUP_US, sql: USER_BY_ID_SQL };
    },
  };
}
