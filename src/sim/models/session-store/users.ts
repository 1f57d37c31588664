import type { EventHandle } from '../../kernel/kernel';
import type { RandomStream } from '../../rng';
import type { SessionRecord } from './instances';

/** One page a user asks for during a visit. */
export type Page =
  { kind: 'browse'; product: number } | { kind: 'add'; product: number } | { kind: 'checkout' };

/** Products in the shop (the RDS sample data set's products table). */
export const PRODUCT_COUNT = 10_000;

/**
 * An idle user leaves the tab open for minutes (uniform in this range) before clicking again:
 * longer than the TTLs the lesson suggests (60 s), shorter than the 30-minute default.
 */
export const IDLE_MIN_US = 90_000_000;
export const IDLE_MAX_US = 240_000_000;

/** An active user's think time is exponential, clamped so it never nears a TTL. */
const THINK_MIN_FACTOR = 0.1;
const THINK_MAX_FACTOR = 10;

/** A simulated user: one browser with its cookies (the session id and the LB's stickiness). */
export interface SimUser {
  index: number;
  /** 'u01' … : shown in message labels so the student can follow one user through the LB. */
  id: string;
  /** The account the user logs in as (users table id). */
  accountId: number;
  /** Users are made idle in rank order (see assignIdlers). */
  idleRank: number;
  /** Leaves the tab open for minutes after each visit. */
  idler: boolean;
  /** The session the browser's cookie names, or null when it has none (must log in). */
  session: SessionRecord | null;
  /** The load balancer's stickiness cookie (AWSALB): the instance this browser is pinned to. */
  sticky: string | null;
  /** Pages left in the current visit. */
  plan: Page[];
  /** The next click, when one is scheduled. */
  next: EventHandle | null;
  inFlight: boolean;
  /** False once workload.set removed the user (their session stays until it expires). */
  present: boolean;
  /** The user is in a minutes-long pause (between visits). */
  idle: boolean;
}

export function userId(index: number): string {
  return `u${String(index + 1).padStart(2, '0')}`;
}

export function createUser(index: number, rng: RandomStream, accounts: number): SimUser {
  return {
    index,
    id: userId(index),
    // Spread the users over the accounts table without repeats for the first `accounts` users.
    accountId: ((index * 7919) % accounts) + 1,
    // The followed user (u01) is always the first to go idle, so its statechart shows the idle
    // and expired states whenever the workload has idle users.
    idleRank: index === 0 ? -1 : rng.next(),
    session: null,
    idler: false,
    sticky: null,
    plan: [],
    next: null,
    inFlight: false,
    present: true,
    idle: false,
  };
}

/** One visit: browse a few products, put some in the cart, sometimes check out. */
export function planVisit(rng: RandomStream): Page[] {
  const pages: Page[] = [];
  const browses = rng.between(1, 4);
  for (let i = 0; i < browses; i++)
    pages.push({ kind: 'browse', product: rng.int(PRODUCT_COUNT) + 1 });
  const adds = rng.between(0, 3);
  for (let i = 0; i < adds; i++) pages.push({ kind: 'add', product: rng.int(PRODUCT_COUNT) + 1 });
  if (adds > 0 && rng.chance(0.4)) pages.push({ kind: 'checkout' });
  return pages;
}

export function thinkTimeUs(rng: RandomStream, meanMs: number): number {
  const mean = meanMs * 1000;
  const t = rng.exponential(mean);
  return Math.round(Math.min(mean * THINK_MAX_FACTOR, Math.max(mean * THINK_MIN_FACTOR, t)));
}

export function idlePauseUs(rng: RandomStream): number {
  return IDLE_MIN_US + Math.round(rng.next() * (IDLE_MAX_US - IDLE_MIN_US));
}

export function pagePath(page: Page | null): string {
  if (page === null) return 'POST /login';
  switch (page.kind) {
    case 'browse':
      return `GET /products/${page.product}`;
    case 'add':
      return 'POST /cart';
    case 'checkout':
      return 'POST /checkout';
  }
}

/** The first round(share × users present) users by rank go idle between visits. */
export function assignIdlers(users: readonly SimUser[], share: number): void {
  const present = users.filter((u) => u.present).sort((a, b) => a.idleRank - b.idleRank);
  const k = Math.round(share * present.length);
  for (const u of users) u.idler = false;
  for (let i = 0; i < k; i++) present[i]!.idler = true;
}
