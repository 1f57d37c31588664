import { SIM_EPOCH_MS } from '../../nodes/redis-node';
import type { Micros } from '../../trace';
import type { AppInstance, SessionRecord } from './instances';
import type { Page, SimUser } from './users';
import { instanceLabel, type World } from './world';

/** Time the cache node spends on one command (model parameter, as in db-cache). */
export const CACHE_SERVICE_US = 15;
/** Time an app instance spends rendering a page (model parameter). */
export const APP_SERVICE_US = 200;

export type Outcome = 'hit' | 'miss' | 'write' | 'error';

/** One request in flight: who sent it, what for, and which instance incarnation serves it. */
export interface Req {
  id: number;
  user: SimUser;
  page: Page | null;
  key: string;
  op: 'read' | 'write';
  started: Micros;
  inst: AppInstance | null;
  generation: number;
}

export const unixSeconds = (now: Micros): string =>
  String(Math.floor((SIM_EPOCH_MS + now / 1000) / 1000));
export const sessionKey = (sid: string): string => `session:${sid}`;

export const alive = (r: Req): boolean =>
  r.inst !== null && r.inst.inService && r.inst.generation === r.generation;

/** Why a session the user had is gone, in the words the narration uses. */
export function whyLost(w: World, rec: SessionRecord, app: string): string {
  if (rec.fate === 'lost') return rec.lostReason;
  if (rec.home === 'cache')
    return 'the app now keeps sessions in memory, and this one was in ElastiCache';
  if (w.cfg.mode === 'elasticache')
    return 'the app now keeps sessions in ElastiCache, and this one was in memory';
  return `the load balancer sent the request to ${instanceLabel(app)}, but the session is in the memory of ${instanceLabel(rec.home)}`;
}
