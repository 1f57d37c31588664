import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/trace';
import { FLOW_SAMPLE_EVENTS, TraceBatcher } from './batcher';
import { MAX_BATCH_EVENTS } from './protocol';

let seq = 0;
const hop = (): TraceEvent => ({
  seq: seq++,
  t: seq,
  kind: 'msg.sent',
  from: 'a',
  to: 'b',
  payload: { arriveAt: seq + 1, label: 'x', requestId: seq, bytes: 1 },
});
const crash = (): TraceEvent => ({
  seq: seq++,
  t: seq,
  kind: 'node.crashed',
  from: 'cache',
  to: '',
  payload: { reason: 'test' },
});

describe('TraceBatcher', () => {
  it('keeps every notable event however many hops flood in, in emission order', () => {
    const b = new TraceBatcher();
    b.routineCap = FLOW_SAMPLE_EVENTS;
    const first = crash();
    b.add(first);
    for (let i = 0; i < 10_000; i++) b.add(hop());
    const last = crash();
    b.add(last);
    const { events, dropped } = b.take();
    expect(events.filter((e) => e.kind === 'node.crashed')).toEqual([first, last]);
    expect(events).toHaveLength(FLOW_SAMPLE_EVENTS + 2);
    expect(dropped).toBe(10_000 - FLOW_SAMPLE_EVENTS);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((x, y) => x - y));
    expect(b.take()).toEqual({ events: [], dropped: 0 });
  });

  it('sends up to a full batch of hops at packet speeds', () => {
    const b = new TraceBatcher();
    for (let i = 0; i < 1000; i++) b.add(hop());
    expect(b.take().events).toHaveLength(MAX_BATCH_EVENTS);
  });
});
