import { describe, expect, it } from 'vitest';
import type { MachineView } from '../../worker';
import { activeLeaves, activeStates, layoutStatechart } from './statechart-layout';

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
