import { describe, expect, it } from 'vitest';
import type { MachineView } from '../../worker';
import { machineSpecOf } from '../../sim/machine-spec';
import { failoverMachine, nodeLifecycleMachine } from '../../sim/machines';
import { requestLifecycleMachine } from '../../sim/models/db-cache';
import { sessionLifecycleMachine } from '../../sim/models/session-store';
import { activeLeaves, activeStates, layoutStatechart, STATECHART_FONT } from './statechart-layout';

const machine: MachineView = {
  id: 'request',
  title: 'A request',
  initial: 'received',
  states: [
    { id: 'received', label: 'Received', parent: null },
    { id: 'lookup', label: 'Cache lookup', parent: null },
    { id: 'miss', label: 'Miss', parent: null },
    { id: 'miss.queryDb', label: 'Query database', parent: 'miss' },
    { id: 'miss.fill', label: 'Write to cache', parent: 'miss' },
    { id: 'done', label: 'Done', parent: null },
  ],
  transitions: [
    { from: 'received', to: 'lookup', event: 'GET' },
    { from: 'lookup', to: 'done', event: 'hit' },
    { from: 'lookup', to: 'miss', event: 'miss' },
    { from: 'miss.queryDb', to: 'miss.fill', event: 'rows' },
    { from: 'miss.fill', to: 'done', event: 'OK' },
  ],
};

describe('statechart layout', () => {
  it('puts nested states inside their parent box', () => {
    const { boxes } = layoutStatechart(machine);
    const parent = boxes.find((b) => b.id === 'miss')!;
    expect(parent.compound).toBe(true);
    for (const id of ['miss.queryDb', 'miss.fill']) {
      const c = boxes.find((b) => b.id === id)!;
      expect(c.x).toBeGreaterThan(parent.x);
      expect(c.y).toBeGreaterThan(parent.y);
      expect(c.x + c.w).toBeLessThan(parent.x + parent.w);
      expect(c.y + c.h).toBeLessThan(parent.y + parent.h);
    }
  });

  it('orders top-level states by the flow from the initial state', () => {
    const { boxes } = layoutStatechart(machine);
    // Reading order: row by row, left to right.
    const order = boxes
      .filter((b) => b.depth === 0)
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((b) => b.id);
    expect(order.indexOf('received')).toBeLessThan(order.indexOf('lookup'));
    expect(order.indexOf('lookup')).toBeLessThan(order.indexOf('done'));
  });

  it('draws one labelled path per transition between known states and fits them in the canvas', () => {
    const layout = layoutStatechart({
      ...machine,
      transitions: [...machine.transitions, { from: 'ghost', to: 'done', event: 'x' }],
    });
    expect(layout.transitions.map((t) => t.event)).toEqual(['GET', 'hit', 'miss', 'rows', 'OK']);
    for (const b of layout.boxes) expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
  });

  it('marks an active nested state and its ancestors', () => {
    expect([...activeStates(machine, ['miss.fill'])].sort()).toEqual(['miss', 'miss.fill']);
    expect(activeStates(machine, []).size).toBe(0);
    expect(activeLeaves(machine, ['miss', 'miss.fill'])).toEqual(['miss.fill']);
  });
});

/** Axis-aligned boxes overlap when they share area (touching edges do not count). */
const overlaps = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('statechart layout of the lessons’ machines', () => {
  const charts = [
    machineSpecOf(requestLifecycleMachine, 'request'),
    machineSpecOf(sessionLifecycleMachine, 'session'),
    machineSpecOf(failoverMachine, 'failover'),
    machineSpecOf(nodeLifecycleMachine, 'node'),
  ];

  it.each(charts.map((c) => [c.id, c] as const))(
    '%s: no transition label overlaps another label or a state, and all are on the canvas',
    (_, chart) => {
      const layout = layoutStatechart(chart);
      // A label's glyphs as the view draws them: 14 px text centred on labelX with its baseline
      // at labelY, so from about 0.9 em above the baseline to 0.25 em below it.
      const labels = layout.transitions.map((t) => ({
        event: t.event,
        x: t.labelX - (t.event.length * 8.3) / 2,
        y: t.labelY - 12.6,
        w: t.event.length * 8.3,
        h: 16,
      }));
      const leaves = layout.boxes.filter((b) => !b.compound);
      for (const [i, a] of labels.entries()) {
        for (const b of labels.slice(i + 1))
          expect(overlaps(a, b), `${a.event} / ${b.event}`).toBe(false);
        for (const s of leaves) expect(overlaps(a, s), `${a.event} on ${s.id}`).toBe(false);
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.x + a.w).toBeLessThanOrEqual(layout.width);
      }
      for (const s of layout.boxes) {
        expect(s.y).toBeGreaterThanOrEqual(0);
        expect(s.y + s.h).toBeLessThanOrEqual(layout.height);
      }
    },
  );

  it('narrows a chart too wide for its panel (text keeps its size)', () => {
    const request = charts[0]!;
    const roomy = layoutStatechart(request);
    const fitted = layoutStatechart(request, roomy.width - 1);
    expect(fitted.width).toBeLessThan(roomy.width);
    // The db-cache chart fits the lesson's full-width panel at 1280 × 720 (about 1,190 px).
    expect(roomy.width).toBeLessThanOrEqual(1190);
    expect(STATECHART_FONT).toBeGreaterThanOrEqual(14);
  });

  it('names delayed transitions by their delay, not by xstate’s internal event', () => {
    const events = charts.flatMap((c) => c.transitions.map((t) => t.event));
    expect(events.some((e) => e.startsWith('after '))).toBe(true);
    expect(events.filter((e) => e.startsWith('xstate.'))).toEqual([]);
  });
});
