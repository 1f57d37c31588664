import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../worker';
import { formatClock, formatDuration } from './format';
import { describeEvent, summarise } from './narrate';

let seq = 0;
const completed = (requestId: number, outcome: 'hit' | 'miss', latencyUs: number): TraceEvent => ({
  seq: seq++,
  t: 1000 * requestId,
  kind: 'request.completed',
  from: 'app-1',
  to: 'client-1',
  payload: { requestId, op: 'read', key: `product:${requestId}`, latencyUs, outcome },
});
const sent: TraceEvent = {
  seq: 99,
  t: 1000,
  kind: 'msg.sent',
  from: 'app-1',
  to: 'cache-1',
  payload: { arriveAt: 1250, label: 'GET product:42', requestId: 3, bytes: 40 },
};

describe('narration', () => {
  it('says a miss in words with its latency', () => {
    expect(summarise([completed(12, 'miss', 3100)])).toBe(
      'Request 12: cache miss on product:12, read from database, 3.1 ms.',
    );
  });

  it('summarises many requests into one sentence', () => {
    const text = summarise([
      completed(1, 'hit', 500),
      completed(2, 'hit', 450),
      completed(3, 'miss', 2900),
    ]);
    expect(text).toBe(
      '3 requests completed: 2 cache hits, 1 miss. Latest — Request 3: cache miss on product:3, read from database, 2.9 ms.',
    );
  });

  it('uses the scenario\'s own words when it gives them, not "cache hit"', () => {
    const session = (requestId: number, outcome: 'hit' | 'miss', says: string): TraceEvent => ({
      seq: seq++,
      t: 1000 * requestId,
      kind: 'request.completed',
      from: 'app-a1',
      to: 'users',
      payload: { requestId, op: 'read', key: 'session:ab12', latencyUs: 2500, outcome, says },
    });
    const inMemory = 'session found in the memory of App A1';
    expect(summarise([session(1, 'hit', inMemory)])).toBe(
      `Request 1: session:ab12, ${inMemory}, 2.5 ms.`,
    );
    const text = summarise([
      session(2, 'hit', inMemory),
      session(3, 'miss', 'session lost; sent to log in again'),
      session(4, 'hit', inMemory),
    ]);
    expect(text).toBe(
      `3 requests completed: 2 × ${inMemory}, 1 × session lost; sent to log in again. Latest — Request 4: session:ab12, ${inMemory}, 2.5 ms.`,
    );
    expect(text).not.toContain('cache hit');
  });

  it('narrates a lone hop so a step is never silent', () => {
    const names = (id: string) => ({ 'app-1': 'App instance', 'cache-1': 'Cache node' })[id] ?? id;
    expect(summarise([sent], names)).toBe(
      'App instance → Cache node: GET product:42 (arrives in 250 µs).',
    );
    expect(describeEvent(sent)).toContain('app-1 → cache-1');
  });

  it('tells DNS, connections and failover steps in words', () => {
    const ev = (kind: TraceEvent['kind'], from: string, to: string, payload: object) =>
      ({ seq: seq++, t: 5_000, kind, from, to, payload }) as TraceEvent;
    const names = (id: string) =>
      ({ 'app-1': 'App instance 1', 'orders-002': 'orders-002' })[id] ?? id;
    const primary = 'orders.abc123.ng.0001.use1.cache.amazonaws.com';
    expect(
      describeEvent(
        ev('dns.resolved', 'app-1', '', {
          name: primary,
          addresses: ['orders-001'],
          ttlS: 15,
          cached: true,
        }),
        names,
      ),
    ).toBe(`App instance 1 resolves ${primary} → orders-001 (from its DNS cache)`);
    expect(
      describeEvent(
        ev('conn.closed', 'app-1', 'orders-001', {
          conn: 'orders-001/3',
          reason: 'reboot',
          by: 'node',
        }),
      ),
    ).toBe('Connection orders-001/3 reset by the node: reboot');
    expect(
      describeEvent(
        ev('client.redirected', 'app-1', 'orders-002', {
          key: 'k',
          slot: 3999,
          kind: 'moved',
          node: 'orders-002',
        }),
        names,
      ),
    ).toBe('MOVED 3999: App instance 1 is sent on to orders-002 for k');
    const update = ev('dns.updated', '', '', { name: primary, addresses: ['orders-002'] });
    expect(summarise([update], names)).toBe(`DNS: ${primary} now points to orders-002`);
    expect(describeEvent(ev('node.state', 'orders-001', '', { state: 'rebooting' }))).toBe(
      'orders-001 is rebooting',
    );
  });

  it('returns null for an empty window', () => {
    expect(summarise([])).toBeNull();
  });

  it('formats durations and the clock', () => {
    expect(formatDuration(420)).toBe('420 µs');
    expect(formatDuration(3100)).toBe('3.1 ms');
    expect(formatDuration(1_250_000)).toBe('1.25 s');
    expect(formatClock(1_234_567)).toBe('1.234 567 s');
    expect(formatClock(0)).toBe('0.000 000 s');
  });
});
