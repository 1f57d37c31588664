import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lzfCompress, lzfDecompress } from './lzf';

const hex = (s: string): Uint8Array => Uint8Array.from(s.match(/../g)!.map((h) => parseInt(h, 16)));
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (b: Uint8Array): string => String.fromCharCode(...b);

// DUMP of SET lzf "<TEXT>" on redis-server 7.0.15: type 0, then 0xC3 <clen 0x4045 = 69>
// <len 0x40 0x73 = 115> and the LZF data, then version and CRC.
const TEXT =
  'The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog again and again and again.';
const REDIS_LZF =
  '1f54686520717569636b2062726f776e20666f78206a756d7073206f7665722074201e0a6c617a7920646f672e2054200de01e2c0920616761696e20616e64e00609016e2e';

function compress(input: Uint8Array): Uint8Array | null {
  // As rdbSaveLzfStringObject: worth it only when it saves at least 4 bytes.
  const out = new Uint8Array(input.length);
  const n = lzfCompress(input, input.length, out, input.length - 4);
  return n === 0 ? null : out.slice(0, n);
}

describe('LZF (lzf_c.c / lzf_d.c as Redis configures them)', () => {
  it('decompresses bytes produced by redis-server', () => {
    const data = hex(REDIS_LZF);
    expect(data.length).toBe(69);
    expect(text(lzfDecompress(data, 0, data.length, 115)!)).toBe(TEXT);
  });

  it('compresses that text to the same bytes redis-server wrote', () => {
    expect(Buffer.from(compress(bytes(TEXT))!).toString('hex')).toBe(REDIS_LZF);
  });

  it('refuses malformed input: a back reference before the start, a short literal, a wrong length', () => {
    expect(lzfDecompress(hex('2000'), 0, 2, 3)).toBeNull();
    expect(lzfDecompress(hex('0561'), 0, 2, 6)).toBeNull();
    const data = hex(REDIS_LZF);
    expect(lzfDecompress(data, 0, data.length, 114)).toBeNull();
    expect(lzfDecompress(data, 0, data.length, 116)).toBeNull();
  });

  it('round-trips any bytes, and never expands what it agrees to compress', () => {
    const repetitive = fc
      .tuple(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 200 }),
      )
      .map(([parts, picks]) => {
        const chunks = picks.length === 0 ? parts : picks.map((p) => parts[p % parts.length]!);
        const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        return out;
      });
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ minLength: 5, maxLength: 3000 }), repetitive),
        (input) => {
          fc.pre(input.length > 4);
          const c = compress(input);
          if (c === null) return;
          expect(c.length).toBeLessThanOrEqual(input.length - 4);
          expect(lzfDecompress(c, 0, c.length, input.length)).toEqual(input);
        },
      ),
      { numRuns: 300 },
    );
  });
});
