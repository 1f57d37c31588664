import { travel as travelHops, type Hop } from '../../hops';
import type { Actor } from 'xstate';
import type { SimContext } from '../../model';
import type { RedisNode } from '../../nodes/redis-node';
import type { RandomStream } from '../../rng';
import type { Micros } from '../../trace';
import type { AccountsDb } from './accounts-db';
import type { SessionConfig } from './config';
import type { AppInstance, LoadBalancer, SessionRecord } from './instances';
import type { sessionLifecycleMachine, SessionEvent } from './session-lifecycle.machine';
import type { SessionStats } from './stats';
import type { SimUser } from './users';

/** One message hop: from, to, label, bytes. */
export type { Hop } from '../../hops';

/** Everything the scenario's parts share: the simulated system's state of record. */
export interface World {
  ctx: SimContext;
  cfg: SessionConfig;
  /** The trace detail now (fast-forward switches it): it changes what is emitted, nothing else. */
  detail: 'full' | 'summary';
  /** User behaviour: visits, think times, idle pauses. */
  workload: RandomStream;
  /** Session ids. */
  ids: RandomStream;
  /** Hop delays, drawn as each message sets off (at either detail). */
  hops: RandomStream;
  users: SimUser[];
  instances: AppInstance[];
  lb: LoadBalancer;
  cache: RedisNode;
  /** used_memory of the empty node, so BytesPerSession counts session data only. */
  cacheBaseline: number;
  /** Sessions stored in ElastiCache, by key. */
  stored: Map<string, SessionRecord>;
  accounts: AccountsDb | null;
  rdsUp: boolean;
  /** AZs currently out. */
  outages: Set<string>;
  stats: SessionStats;
  lifecycle: Actor<typeof sessionLifecycleMachine>;
  nextRequest: number;
}

/** The user whose session the statechart follows. */
export const FOLLOWED_USER = 0;

/** One user's events are few, so the statechart follows them at every detail (exact after a fast-forward). */
export function follow(w: World, userIndex: number, event: SessionEvent): void {
  if (userIndex === FOLLOWED_USER) w.lifecycle.send(event);
}

/** Moves a message along `hops` (../../hops.ts): one event at the end, a view event per hop when animated. */
export function travel(
  w: World,
  requestId: number,
  hops: readonly Hop[],
  then: () => void,
  waitUs: Micros = 0,
): void {
  travelHops(w.ctx, w.detail, w.hops, requestId, hops, then, waitUs);
}

export function note(w: World, from: string, text: string): void {
  if (w.detail === 'full') w.ctx.emit('scenario.note', from, '', { text });
}

export function instanceLabel(id: string): string {
  return `App instance ${id.slice(id.indexOf('-') + 1)}`;
}

/** A session id as web frameworks print them: 16 hex digits. */
export function newSessionId(rng: RandomStream): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += rng.int(65_536).toString(16).padStart(4, '0');
  return s;
}
