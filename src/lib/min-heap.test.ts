import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('property: pops in ascending order whatever the push order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 })), (xs) => {
        const h = new MinHeap();
        for (const x of xs) h.push(x);
        expect(h.size).toBe(xs.length);
        const out: number[] = [];
        for (let v = h.pop(); v !== undefined; v = h.pop()) out.push(v);
        expect(out).toEqual([...xs].sort((a, b) => a - b));
      }),
    );
  });

  it('property: dropUpTo(t) removes exactly the values ≤ t, interleaved with pushes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1000 }))), (ops) => {
        const h = new MinHeap();
        let ref: number[] = [];
        for (const [drop, v] of ops) {
          if (drop) {
            ref = ref.filter((x) => x > v);
            expect(h.dropUpTo(v)).toBe(ref.length);
          } else {
            h.push(v);
            ref.push(v);
          }
          expect(h.peek()).toBe(ref.length ? Math.min(...ref) : undefined);
        }
      }),
    );
  });

  it('clear empties it', () => {
    const h = new MinHeap();
    h.push(3);
    h.clear();
    expect([h.size, h.pop()]).toEqual([0, undefined]);
  });
});
