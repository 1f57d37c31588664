import { describe, expect, it } from 'vitest';
import type { UserAction } from '../../model';
import { Simulation } from '../../simulation';
import type { TraceEvent } from '../../trace';
import type { SessionConfig } from './config';
import { createSessionStoreModel } from './session-store.model';
import {
  byUser,
  isLoggedInResponse,
  isSessionExpired,
  isSessionLost,
  readRequests,
} from './trace-reader';

function sim(config: Partial<SessionConfig> = {}, seed = 7, detail: 'full' | 'summary' = 'full') {
  const s = new Simulation(
    () => createSessionStoreModel({ config: { thinkMs: 100, ...config }, detail }),
    seed,
  );
  const events: TraceEvent[] = [];
  s.onEvent((e) => events.push(e));
  return { s, events };
}

async function act(s: Simulation, type: string, params?: UserAction['params']) {
  const r = await s.act(params ? { type, params } : { type });
  expect(r).toMatchObject({ ok: true });
  return r;
}

const metric = (s: Simulation, name: string): number => s.state().metrics[name]!;

/** Stops new clicks and lets every request in flight finish, so the state is quiet. */
async function quiesce(s: Simulation): Promise<void> {
  await act(s, 'traffic.set', { running: false });
  await s.runUntil(s.now + 100_000);
}

describe('session-store model: in-memory sessions behind round robin', () => {
  it('loses the session on the first request routed to another instance', async () => {
    const { s, events } = sim({ mode: 'in-memory', idleShare: 0 });
    await s.runUntil(1_500_000);
    let checked = 0;
    for (const list of byUser(readRequests(events)).values()) {
      let home: string | null = null;
      for (const r of list) {
        if (r.response === null) break;
        if (home !== null && r.instance !== null && r.instance !== home) {
          expect(
            isSessionLost(r),
            `${r.user} request ${r.requestId} on ${r.instance}, session on ${home}`,
          ).toBe(true);
          checked++;
          home = null;
          continue;
        }
        if (home !== null) expect(isLoggedInResponse(r)).toBe(true);
        if (r.path === 'POST /login' && isLoggedInResponse(r)) home = r.instance;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(metric(s, 'UnexpectedLogouts')).toBeGreaterThanOrEqual(checked);
    expect(metric(s, 'CartsLost')).toBeGreaterThan(0);
  });
});

describe('session-store model: sticky sessions', () => {
  it('loses exactly the sessions of the users pinned to a terminated instance', async () => {
    const { s, events } = sim({ mode: 'sticky', idleShare: 0 });
    await s.runUntil(2_000_000);
    await quiesce(s);
    expect(metric(s, 'UnexpectedLogouts')).toBe(0);
    const before = readRequests(events);
    const pinned = new Set<string>();
    for (const [user, list] of byUser(before)) {
      const last = list[list.length - 1]!;
      if (last.instance === 'app-2' && isLoggedInResponse(last)) pinned.add(user);
    }
    expect(pinned.size).toBeGreaterThan(5);
    expect(s.state().nodes['app-2']!.detail).toContain(`${pinned.size} users pinned`);
    const cut = events.length;
    await act(s, 'instance.terminate', { id: 'app-2' });
    await act(s, 'traffic.set', { running: true });
    await s.runUntil(s.now + 3_000_000);
    const after = readRequests(events.slice(cut));
    const loggedOut = new Set(after.filter(isSessionLost).map((r) => r.user));
    expect(loggedOut).toEqual(pinned);
    expect(metric(s, 'UnexpectedLogouts')).toBe(pinned.size);
    expect(after.every((r) => r.instance !== 'app-2')).toBe(true);
  });

  it('skews load: a scaled-out instance only gets browsers pinned after it joined', async () => {
    const { s } = sim({ mode: 'sticky', idleShare: 0 });
    await s.runUntil(2_000_000);
    await act(s, 'scale.out');
    await s.runUntil(s.now + 6_000_000);
    expect(metric(s, 'Requests_app_4')).toBe(0);
    expect(metric(s, 'LoadSkew')).toBeGreaterThan(10);
  });
});

describe('session-store model: ElastiCache session store', () => {
  it('loses no session when an instance is terminated', async () => {
    const { s, events } = sim({ mode: 'elasticache', idleShare: 0 });
    await s.runUntil(1_500_000);
    await act(s, 'instance.terminate', { id: 'app-1' });
    await act(s, 'instance.terminate', { id: 'app-3' });
    await s.runUntil(s.now + 2_000_000);
    expect(metric(s, 'UnexpectedLogouts')).toBe(0);
    expect(readRequests(events).some(isSessionLost)).toBe(false);
    expect(metric(s, 'LoggedInUsers')).toBe(40);
    expect(metric(s, 'CacheHits')).toBeGreaterThan(1000);
  });

  it('loses every session when the unreplicated cache node restarts', async () => {
    const { s, events } = sim({ mode: 'elasticache', idleShare: 0 });
    await s.runUntil(1_500_000);
    await quiesce(s);
    const loggedIn = new Set<string>();
    for (const [user, list] of byUser(readRequests(events))) {
      if (isLoggedInResponse(list[list.length - 1]!)) loggedIn.add(user);
    }
    expect(loggedIn.size).toBe(40);
    expect(metric(s, 'CurrItems')).toBe(40);
    const cut = events.length;
    await act(s, 'cache.restart');
    expect(metric(s, 'CurrItems')).toBe(0);
    await act(s, 'traffic.set', { running: true });
    await s.runUntil(s.now + 2_000_000);
    const lost = new Set(
      readRequests(events.slice(cut))
        .filter(isSessionLost)
        .map((r) => r.user),
    );
    expect(lost).toEqual(loggedIn);
    expect(metric(s, 'UnexpectedLogouts')).toBe(40);
  });

  it('with traffic running, a restart logs out exactly the users logged in at that moment', async () => {
    const { s } = sim(
      { mode: 'elasticache', idleShare: 0.3, users: 20, thinkMs: 500 },
      7,
      'summary',
    );
    await s.runUntil(20_000_000);
    const loggedIn = metric(s, 'LoggedInUsers');
    await act(s, 'cache.restart');
    // Idle users come back within 240 s: by then everyone logged in has found out.
    await s.runUntil(s.now + 250_000_000);
    expect(metric(s, 'UnexpectedLogouts')).toBe(loggedIn);
  });

  it('stores each session as a real Redis hash whose TTL each request refreshes', async () => {
    const { s, events } = sim({ mode: 'elasticache', ttlSeconds: 600, idleShare: 0 });
    await s.runUntil(1_000_000);
    const set = events.find((e) => e.kind === 'cache.set');
    const key = set?.kind === 'cache.set' ? set.payload.key : '';
    expect(key).toMatch(/^session:[0-9a-f]{16}$/);
    const all = await s.act({
      type: 'console',
      params: { target: 'redis', line: `HGETALL ${key}` },
    });
    const text = all.ok ? (all.output?.text ?? '') : '';
    expect(text).toMatch(/"user"\n\s*\d+\) "[a-z]+\.[a-z]+\.\d+@example\.com"/);
    expect(text).toContain('"cart"');
    expect(text).toContain('"updated"');
    const ttl = await s.act({ type: 'console', params: { target: 'redis', line: `TTL ${key}` } });
    const secs = Number(/\(integer\) (\d+)/.exec(ttl.ok ? (ttl.output?.text ?? '') : '')?.[1]);
    expect(secs).toBeGreaterThan(595);
    expect(secs).toBeLessThanOrEqual(600);
    expect(metric(s, 'BytesPerSession')).toBeGreaterThan(100);
    expect(metric(s, 'SessionReadsPerSec')).toBeGreaterThan(100);
  });
});

describe('session-store model: TTL', () => {
  it('expiry logs out exactly the users idle longer than the TTL', async () => {
    const ttl = 150;
    const { s, events } = sim({
      mode: 'elasticache',
      ttlSeconds: ttl,
      users: 20,
      idleShare: 0.5,
      thinkMs: 2_000,
    });
    await s.runUntil(600_000_000);
    const expected: string[] = [];
    const actual: string[] = [];
    let idleGaps = 0;
    for (const list of byUser(readRequests(events)).values()) {
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1]!;
        const r = list[i]!;
        if (r.response === null) continue;
        if (isSessionExpired(r)) actual.push(`${r.user}#${r.requestId}`);
        if (!isLoggedInResponse(prev)) continue;
        // The session was refreshed while `prev` was served: between its start and its reply.
        const longest = r.startedAt - prev.startedAt;
        const shortest = r.startedAt - prev.respondedAt!;
        expect(
          Math.abs(longest - ttl * 1e6) > 20_000 && Math.abs(shortest - ttl * 1e6) > 20_000,
        ).toBe(true);
        if (shortest > 60_000_000) idleGaps++;
        if (shortest > ttl * 1e6) {
          expected.push(`${r.user}#${r.requestId}`);
          // Only users who paused (idle pauses are ≥ 90 s; active users think ≤ 20 s) expire.
          expect(shortest).toBeGreaterThan(90_000_000);
        }
      }
    }
    expect(expected.length).toBeGreaterThan(5);
    expect(idleGaps).toBeGreaterThan(expected.length);
    expect(actual.sort()).toEqual(expected.sort());
    expect(metric(s, 'ExpiredLogouts')).toBe(expected.length);
    expect(metric(s, 'UnexpectedLogouts')).toBe(0);
    expect(metric(s, 'Reclaimed')).toBeGreaterThanOrEqual(expected.length);
  });

  it('the followed user goes anonymous → authenticated → idle → expired → anonymous', async () => {
    const { s } = sim({
      mode: 'elasticache',
      ttlSeconds: 30,
      users: 5,
      idleShare: 0.2,
      thinkMs: 1_000,
    });
    const seen: string[] = [];
    const look = (): string => {
      const state = s.state().machines.session!.at(-1)!;
      if (seen[seen.length - 1] !== state) seen.push(state);
      return state;
    };
    while (s.now < 300_000_000 && seen.length < 5) {
      // Coarse steps, then event by event once the session has expired (the user comes back,
      // is rejected and logs in again within one think time).
      if (look() === 'expired') await s.step();
      else await s.runUntil(s.now + 100_000);
    }
    expect(seen.slice(0, 5)).toEqual([
      'anonymous',
      'loggedIn.authenticated',
      'loggedIn.idle',
      'expired',
      'anonymous',
    ]);
  });

  it('in-memory sessions time out too', async () => {
    const { s } = sim(
      { mode: 'sticky', ttlSeconds: 60, users: 20, idleShare: 0.2, thinkMs: 500 },
      7,
      'summary',
    );
    await s.runUntil(300_000_000);
    expect(metric(s, 'ExpiredLogouts')).toBeGreaterThan(0);
    expect(metric(s, 'UnexpectedLogouts')).toBe(0);
  });

  it('the statechart shows the followed session lost with its instance', async () => {
    const { s, events } = sim({ mode: 'sticky', idleShare: 0.2 });
    await s.runUntil(1_000_000);
    const mine = readRequests(events).filter((r) => r.user === 'u01' && r.response !== null);
    const last = mine[mine.length - 1]!;
    expect(isLoggedInResponse(last)).toBe(true);
    expect(s.state().machines.session).toEqual(['loggedIn', 'loggedIn.idle']);
    await act(s, 'instance.terminate', { id: last.instance! });
    expect(s.state().machines.session).toEqual(['lost']);
  });
});

describe('session-store model: determinism and validation', () => {
  const script: [number, UserAction][] = [
    [500_000, { type: 'mode.set', params: { mode: 'sticky' } }],
    [800_000, { type: 'instance.terminate', params: { id: 'app-3' } }],
    [1_000_000, { type: 'mode.set', params: { mode: 'elasticache' } }],
    [1_200_000, { type: 'scale.out' }],
    [1_500_000, { type: 'cache.restart' }],
    [1_700_000, { type: 'az.outage', params: { az: 'us-east-1b' } }],
    [1_900_000, { type: 'az.restore', params: { az: 'use1-az2' } }],
  ];

  /** Runs the script; `fast` stretches (from, to) run in summary detail, as fast-forward does. */
  async function run(seed: number, extra: [number, UserAction][] = [], fast: number[][] = []) {
    const s = new Simulation(() => createSessionStoreModel(), seed);
    const refusals: string[] = [];
    const stops = [...script, ...extra, ...fast.flat().map((t): [number, null] => [t, null])];
    for (const [at, action] of stops.sort((a, b) => a[0] - b[0])) {
      await s.runUntil(at);
      if (action) {
        const r = await s.act(action);
        if (!r.ok) refusals.push(r.error);
      } else await s.setDetail(fast.some(([from]) => from === at) ? 'summary' : 'full');
    }
    await s.runUntil(2_500_000);
    const machines = s.state().machines;
    return { hash: s.traceHash, metrics: s.state().metrics, refusals, machines };
  }

  it('a fast-forwarded stretch lands on the played run: trace hash, metrics, statechart', async () => {
    const played = await run(11);
    expect(await run(11, [], [[300_000, 1_600_000]])).toEqual(played);
    expect(
      await run(
        11,
        [],
        [
          [0, 700_000],
          [1_000_000, 2_400_000],
        ],
      ),
    ).toEqual(played);
  });

  it('the same seed and actions give the same trace', async () => {
    const a = await run(11);
    const b = await run(11);
    const c = await run(12);
    expect(a.refusals).toEqual([]);
    expect(a.hash).toBe(b.hash);
    expect(a.metrics).toEqual(b.metrics);
    expect(c.hash).not.toBe(a.hash);
  });

  it('refuses bad actions with a sentence and changes nothing', async () => {
    const bad: [number, UserAction][] = [
      [600_000, { type: 'mode.set', params: { mode: 'memcached' } }],
      [600_001, { type: 'instance.terminate', params: { id: 'app-9' } }],
      [900_000, { type: 'instance.terminate', params: { id: 'app-3' } }],
      [900_001, { type: 'ttl.set', params: { seconds: 5 } }],
      [900_002, { type: 'ttl.set', params: { seconds: 'soon' } }],
      [900_003, { type: 'workload.set', params: { users: 0 } }],
      [900_004, { type: 'workload.set', params: {} }],
      [900_005, { type: 'az.outage', params: { az: 'eu-west-1a' } }],
      [1_800_000, { type: 'az.outage', params: { az: 'use1-az2' } }],
      [1_950_000, { type: 'az.restore', params: { az: 'use1-az2' } }],
      [900_006, { type: 'traffic.set', params: { running: 'maybe' } }],
      [900_007, { type: 'console', params: { target: 'sql', line: 'SELECT 1' } }],
      [900_008, { type: 'self.destruct' }],
    ];
    const clean = await run(11);
    const noisy = await run(11, bad);
    expect(noisy.refusals).toHaveLength(bad.length);
    for (const sentence of noisy.refusals) expect(sentence).toMatch(/^[A-Z"].+\.$/);
    expect(noisy.hash).toBe(clean.hash);
    expect(noisy.metrics).toEqual(clean.metrics);
  });
});
