import { describe, expect, it } from 'vitest';
import { createKetamaRing, createModuloSharding, keyMovement, md5Hex, crc16, keyHashSlot, HASH_SLOTS } from './index';

const nodes = Array.from({ length: 10 }, (_, i) => ({ host: `10.0.0.${i + 1}`, port: 11211 }));
const eleventh = { host: '10.0.0.11', port: 11211 };
const keys = Array.from({ length: 100_000 }, (_, i) => `key:${i}`);

describe('md5', () => {
  it('matches the RFC 1321 test vectors', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe(
      '57edf4a22be3c955ac49da2e2107b67a',
    );
  });
});

describe('ketama ring', () => {
  it('moves about 1/11 of the keys when an 11th node joins, modulo moves most', () => {
    const before = createKetamaRing(nodes);
    const after = createKetamaRing([...nodes, eleventh]);
    const ring = keyMovement(before, after, keys, false);
    // Ideal 1/11 = 9.1 %; the new node's arc varies with its 160 points, so ±3 points.
    expect(ring.fraction).toBeGreaterThan(1 / 11 - 0.03);
    expect(ring.fraction).toBeLessThan(1 / 11 + 0.03);
    // Every moved key moves to the new node.
    const sample = keyMovement(before, after, keys.slice(0, 5000));
    expect(sample.movedKeys.every((m) => m.to === '10.0.0.11:11211')).toBe(true);
    const modulo = keyMovement(createModuloSharding(nodes), createModuloSharding([...nodes, eleventh]), keys, false);
    expect(modulo.fraction).toBeGreaterThan(0.8); // ideally 10/11
  });

  it('spreads keys within ±10 % of even with 640 points per node (±15 % with the default 160)', () => {
    const share = (points: number): number[] => {
      const ring = createKetamaRing(nodes, points);
      const counts = new Array<number>(nodes.length).fill(0);
      for (const k of keys) counts[ring.lookup(k)]!++;
      return counts.map((c) => c / (keys.length / nodes.length) - 1);
    };
    for (const d of share(640)) expect(Math.abs(d)).toBeLessThan(0.1);
    for (const d of share(160)) expect(Math.abs(d)).toBeLessThan(0.15);
  });

  it('removing a node only moves that node\'s keys', () => {
    const before = createKetamaRing(nodes);
    const after = createKetamaRing(nodes.filter((_, i) => i !== 3));
    const mv = keyMovement(before, after, keys.slice(0, 20_000));
    expect(mv.movedKeys.every((m) => m.from === '10.0.0.4:11211')).toBe(true);
  });
});

describe('redis cluster slots', () => {
  it('uses CRC16/XMODEM: "123456789" → 0x31C3 (cluster spec test vector)', () => {
    expect(crc16('123456789')).toBe(0x31c3);
  });
  it('hashes only a non-empty {tag}', () => {
    expect(keyHashSlot('{user1000}.following')).toBe(keyHashSlot('{user1000}.followers'));
    expect(keyHashSlot('{user1000}.following')).toBe(keyHashSlot('user1000'));
    expect(keyHashSlot('foo{}{bar}')).toBe(crc16('foo{}{bar}') % HASH_SLOTS);
    expect(keyHashSlot('foo{{bar}}zap')).toBe(crc16('{bar') % HASH_SLOTS);
    expect(keyHashSlot('foo{bar}{zap}')).toBe(crc16('bar') % HASH_SLOTS);
  });
});
