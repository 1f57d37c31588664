import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../worker';
import { InFlightMessages } from './in-flight';
import { VirtualClock } from './virtual-clock';

const sent = (seq: number, t: number, arriveAt: number): TraceEvent => ({
  seq,
  t,
  kind: 'msg.sent',
  from: 'a',
  to: 'b',
  payload: { arriveAt, label: 'GET k', requestId: seq, bytes: 1 },
});

describe('InFlightMessages', () => {
  it('positions a message by its send and arrival times and drops it on arrival', () => {
    const f = new InFlightMessages();
    f.add([
      sent(1, 100, 300),
      { seq: 2, t: 100, kind: 'cache.expired', from: '', to: '', payload: { key: 'k' } },
    ]);
    expect(f.at(50)).toEqual([]);
    expect(f.at(200)[0]?.progress).toBeCloseTo(0.5);
    expect(f.at(300)).toEqual([]);
    expect(f.at(200)).toEqual([]);
  });
});

describe('InFlightMessages with holdLatest', () => {
  it('keeps the latest hop listed until a newer one is on the wire', () => {
    const f = new InFlightMessages();
    f.add([sent(1, 100, 300)]);
    expect(f.at(400, true).map((x) => x.msg.seq)).toEqual([1]);
    f.add([sent(2, 500, 700)]);
    expect(f.at(600, true).map((x) => x.msg.seq)).toEqual([2]);
    expect(f.at(800, false)).toEqual([]);
  });
});

describe('VirtualClock', () => {
  it('holds still while paused and eases to a stepped time', () => {
    const c = new VirtualClock();
    c.report(1000, false, 0, true);
    expect(c.frame(10, false)).toBe(1000);
    c.report(2000, false, 20);
    const mid = c.frame(40, false);
    expect(mid).toBeGreaterThan(1000);
    expect(mid).toBeLessThan(2000);
    let t = mid;
    for (let w = 60; w < 2000; w += 16) t = c.frame(w, false);
    expect(t).toBe(2000);
  });

  it('extrapolates at the observed rate while playing, bounded and monotonic', () => {
    const c = new VirtualClock();
    c.report(0, true, 0, true);
    c.report(1000, true, 100); // 10 µs per ms
    expect(c.frame(150, false)).toBeCloseTo(1500);
    expect(c.frame(10_000, false)).toBeCloseTo(1000 + 10 * 250);
    c.report(1200, true, 10_001);
    expect(c.frame(10_002, false)).toBeGreaterThanOrEqual(1000 + 10 * 250);
  });

  it('jumps on a reset', () => {
    const c = new VirtualClock();
    c.report(5000, false, 0, true);
    c.frame(1, false);
    c.report(0, false, 2, true);
    expect(c.frame(3, false)).toBe(0);
  });
});
