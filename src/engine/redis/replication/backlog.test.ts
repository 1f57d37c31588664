import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReplBacklog } from './backlog';
import type { ReplCursor } from './backlog';

const KB16 = 16 * 1024;

/** Feeds `chunks` into a backlog the way Primary.feedBytes does; returns it and the model. */
function feed(size: number, chunks: readonly string[], cursors: ReplCursor[] = []) {
  const b = new ReplBacklog(0);
  let offset = 0;
  let all = '';
  for (const c of chunks) {
    b.append(c, offset, size, cursors);
    offset += c.length;
    all += c;
    for (const r of cursors) b.advance(r, offset, size);
    b.trim(offset, size, 640); // beforeSleep
  }
  return { b, offset, all };
}

describe('replication backlog', () => {
  it('allocates blocks as redis does: ≥16 KiB, ≤ size/16, in whole jemalloc size classes', () => {
    const { b } = feed(1 << 20, ['x'.repeat(10), 'y'.repeat(100_000)]);
    // 16 KiB + 40 B of header rounds up to 20 KiB; a large write gets size/16 = 64 KiB (+40 → 80 KiB).
    expect(b.blocks.map((x) => x.size)).toEqual([20440, 81880]);
    expect(b.blocks.map((x) => x.used)).toEqual([20440, 100_010 - 20440]);
    expect(b.blocks[1]!.start).toBe(20441);
  });

  it('wraps around: keeps between repl-backlog-size and one block more, oldest whole blocks dropped', () => {
    const chunks = Array.from({ length: 300 }, (_, i) =>
      String(i % 10).repeat(100 + ((i * 97) % 900)),
    );
    const { b, offset, all } = feed(KB16, chunks);
    expect(b.histlen).toBeGreaterThan(KB16);
    expect(b.histlen).toBeLessThanOrEqual(KB16 + 20440);
    expect(b.offset).toBe(offset - b.histlen + 1);
    expect(b.offset).toBeGreaterThan(100_000);
    // What it holds is exactly the last histlen bytes of the stream.
    expect(b.read(b.offset)).toBe(all.slice(b.offset - 1));
  });

  it('allows PSYNC to continue exactly while the requested offset is still held', () => {
    const chunks = Array.from({ length: 200 }, (_, i) => 'z'.repeat(500 + i));
    const { b, offset, all } = feed(KB16, chunks);
    const first = b.offset;
    expect(b.canContinueFrom(first - 1)).toBe(false);
    expect(b.canContinueFrom(first)).toBe(true);
    expect(b.canContinueFrom(offset)).toBe(true); // the replica lacks only the last byte
    expect(b.canContinueFrom(offset + 1)).toBe(true); // caught up: nothing to send
    expect(b.canContinueFrom(offset + 2)).toBe(false);
    expect(b.read(offset + 1)).toBe('');
    expect(b.read(offset - 9)).toBe(all.slice(offset - 10));
  });

  it('never drops a block a lagging replica still needs', () => {
    const lagging: ReplCursor = { block: null };
    const b = new ReplBacklog(0);
    let offset = 0;
    for (let i = 0; i < 100; i++) {
      const c = 'q'.repeat(1000);
      b.append(c, offset, KB16, [lagging]);
      offset += c.length;
      b.trim(offset, KB16, 640);
    }
    // The cursor was placed at the first block and never moved: nothing could be trimmed.
    expect(b.offset).toBe(1);
    expect(b.histlen).toBe(100_000);
    b.release(lagging, offset, KB16);
    b.trim(offset, KB16, 640);
    expect(b.histlen).toBeLessThanOrEqual(KB16 + 20440);
    expect(b.offset).toBe(offset - b.histlen + 1);
  });

  it('holds exactly the stream suffix it reports, for any sequence of writes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40_000 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(KB16, 50_000, 1 << 20),
        (sizes, size) => {
          const chunks = sizes.map((n, i) => String.fromCharCode(97 + (i % 26)).repeat(n));
          const { b, offset, all } = feed(size, chunks, [{ block: null }]);
          expect(b.offset + b.histlen).toBe(offset + 1);
          expect(b.read(b.offset)).toBe(all.slice(b.offset - 1));
          if (offset > size + 20440 + 100_000) expect(b.histlen).toBeGreaterThanOrEqual(size);
          for (const blk of b.blocks) expect(blk.used).toBeLessThanOrEqual(blk.size);
        },
      ),
      { numRuns: 60 },
    );
  });
});
