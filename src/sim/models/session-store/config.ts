import { booleanParam, numberParam, type ActionParams } from '../../action-params';

export type SessionMode = 'in-memory' | 'sticky' | 'elasticache';
export const SESSION_MODES: readonly SessionMode[] = ['in-memory', 'sticky', 'elasticache'];

export interface SessionConfig {
  mode: SessionMode;
  /** Session lifetime after the last activity, in seconds (Redis EXPIRE, or the app's timeout). */
  ttlSeconds: number;
  /** Simulated users, each with one browser (one session cookie). */
  users: number;
  /** Share of users who leave the tab open and come back minutes later (0–1). */
  idleShare: number;
  /** Mean think time between an active user's clicks, in milliseconds. */
  thinkMs: number;
  /** Whether users are sending requests at all. */
  traffic: boolean;
}

/**
 * Defaults: in-memory sessions (the stateful app the lesson starts from), a 30-minute session
 * timeout (a common web default), 40 users of whom a fifth go idle for minutes at a time.
 * Think time is compressed to 0.1 s so the animation has traffic at the worker's 1 ms per wall
 * second; idle pauses stay minutes long so TTLs are real seconds on the engine's clock.
 */
export const DEFAULT_CONFIG: SessionConfig = {
  mode: 'in-memory',
  ttlSeconds: 1_800,
  users: 40,
  idleShare: 0.2,
  thinkMs: 100,
  traffic: true,
};

export const LIMITS = {
  ttlSeconds: [10, 86_400],
  users: [1, 200],
  idleShare: [0, 1],
  thinkMs: [10, 10_000],
} as const;

/** Applies one configuration action to a copy of `cfg`, or says why it cannot. */
export function updateConfig(
  cfg: SessionConfig,
  type: string,
  params: ActionParams,
): SessionConfig | string {
  const next = { ...cfg };
  switch (type) {
    case 'mode.set': {
      const m = params?.mode;
      if (typeof m !== 'string' || !SESSION_MODES.includes(m as SessionMode)) {
        return `"mode" must be one of ${SESSION_MODES.join(', ')} (got ${JSON.stringify(m ?? null)}).`;
      }
      next.mode = m as SessionMode;
      return next;
    }
    case 'ttl.set': {
      const v = numberParam(params, 'seconds', ...LIMITS.ttlSeconds);
      if (typeof v === 'string') return v;
      next.ttlSeconds = Math.round(v);
      return next;
    }
    case 'workload.set': {
      let any = false;
      for (const name of ['users', 'idleShare', 'thinkMs'] as const) {
        if (params?.[name] === undefined) continue;
        const [lo, hi] = LIMITS[name];
        const v = numberParam(params, name, lo, hi);
        if (typeof v === 'string') return v;
        next[name] = name === 'idleShare' ? v : Math.round(v);
        any = true;
      }
      return any ? next : 'Give at least one of users, idleShare or thinkMs.';
    }
    case 'traffic.set': {
      const v = booleanParam(params, 'running');
      if (typeof v === 'string') return v;
      next.traffic = v;
      return next;
    }
    default:
      return `${type} is not a configuration action.`;
  }
}
