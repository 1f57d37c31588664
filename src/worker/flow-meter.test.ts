import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace';
import { FlowMeter } from './flow-meter';

const LINKS = [
  { from: 'lb', to: 'app' },
  { from: 'app', to: 'cache' },
  { from: 'app', to: 'db' },
];

let seq = 0;
const hop = (t: number, from: string, to: string, requestId: number): TraceEvent => ({
  seq: seq++,
  t,
  kind: 'msg.sent',
  from,
  to,
  payload: { arriveAt: t + 100, label: 'x', requestId, bytes: 1 },
});
const done = (t: number, requestId: number, outcome: 'hit' | 'miss' | 'write' | 'error') =>
  ({
    seq: seq++,
    t,
    kind: 'request.completed',
    from: 'app',
    to: 'lb',
    payload: { requestId, op: 'read', key: 'k', latencyUs: 500, outcome },
  }) as TraceEvent;

/** A hit uses lb–app and app–cache; a miss also goes to the database. */
function request(m: FlowMeter, t: number, id: number, outcome: 'hit' | 'miss'): void {
  m.observe(hop(t, 'lb', 'app', id));
  m.observe(hop(t + 100, 'app', 'cache', id));
  m.observe(hop(t + 200, 'cache', 'app', id));
  if (outcome === 'miss') {
    m.observe(hop(t + 300, 'app', 'db', id));
    m.observe(hop(t + 400, 'db', 'app', id));
  }
  m.observe(done(t + 500, id, outcome));
}

describe('FlowMeter', () => {
  it('counts each request once per link it used, under its outcome, per virtual second', () => {
    const m = new FlowMeter(LINKS);
    m.reset(0, 1_000_000);
    // 2 s of traffic at 100 req/s, every tenth a miss; the window holds the last second.
    for (let i = 0; i < 200; i++) request(m, i * 10_000, i + 1, i % 10 === 0 ? 'miss' : 'hit');
    const s = m.snapshot(1_995_000);
    const link = (from: string, to: string) => s.links.find((l) => l.from === from && l.to === to);
    expect(s.windowUs).toBe(995_000);
    expect(link('lb', 'app')?.total).toBeCloseTo(100, -1);
    expect(link('app', 'cache')?.perSecond.hit).toBeCloseTo(90, -1);
    expect(link('app', 'cache')?.perSecond.miss).toBeCloseTo(10, 0);
    expect(link('app', 'db')?.perSecond.hit).toBe(0);
    expect(link('app', 'db')?.perSecond.miss).toBeCloseTo(10, 0);
    expect(s.nodes.app).toBeCloseTo(100, -1);
    expect(s.nodes.db).toBeCloseTo(10, 0);
    expect(s.requestsPerSecond).toBeCloseTo(link('lb', 'app')!.total);
    expect(s.byOutcome.hit + s.byOutcome.miss).toBeCloseTo(s.requestsPerSecond);
  });

  it('counts a request only when it completes, and lets old traffic slide out of the window', () => {
    const m = new FlowMeter(LINKS);
    m.reset(0, 1_000_000);
    m.observe(hop(0, 'lb', 'app', 1));
    expect(m.snapshot(10_000).links).toEqual([]);
    m.observe(done(20_000, 1, 'hit'));
    expect(m.snapshot(100_000).links).toHaveLength(1);
    // Two windows later nothing is left.
    expect(m.snapshot(2_100_000).links).toEqual([]);
    expect(m.snapshot(2_100_000).requestsPerSecond).toBe(0);
  });

  it('rates early in a run are over the time elapsed, not the whole window', () => {
    const m = new FlowMeter(LINKS);
    m.reset(0, 10_000_000);
    for (let i = 0; i < 10; i++) request(m, i * 10_000, i + 1, 'hit');
    // 10 requests in the first 0.1 s: 100 req/s, not 1 req/s over an empty 10 s window.
    expect(m.snapshot(100_000).requestsPerSecond).toBeCloseTo(100);
  });

  it('counts MOVED / ASK redirections on their link as they happen', () => {
    const m = new FlowMeter(LINKS);
    m.reset(0, 1_000_000);
    m.observe({
      seq: seq++,
      t: 5_000,
      kind: 'client.redirected',
      from: 'app',
      to: 'cache',
      payload: { key: 'k', slot: 1, kind: 'moved', node: 'cache' },
    });
    expect(m.snapshot(500_000).links[0]).toMatchObject({ from: 'app', to: 'cache' });
    expect(m.snapshot(500_000).links[0]!.perSecond.redirect).toBeCloseTo(2);
  });
});
