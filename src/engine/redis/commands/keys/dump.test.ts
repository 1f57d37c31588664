import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import type { Reply } from '../../reply';
import { binToBytes, bytesToBin } from '../../bytes';
import { crc64, writeCrc64LE } from '../../rdb/crc64';

const T0 = 1_700_000_000_000;
const fresh = (clock = manualClock(T0)) =>
  createRedisEngine({ clock, rng: engineRng(3), maxmemoryPolicy: 'allkeys-lru' });
const payloadOf = (r: Reply | undefined): string => {
  if (r?.kind !== 'bulk') throw new Error('DUMP gave no payload');
  return r.value;
};

describe('DUMP', () => {
  it('serialises a value as redis-server 7.0.15 does (type, value, version 10, CRC64)', () => {
    const e = fresh();
    e.exec(['SET', 'k', 'v']);
    // redis-cli -p … --no-raw DUMP k after SET k v on redis-server 7.0.15.
    expect(e.exec(['DUMP', 'k'])).toEqual(reply.bulk('\x00\x01v\n\x00\x91\b\xce\xb2\x198\x8a\xce'));
  });

  it('answers nil for a missing key', () => {
    expect(fresh().exec(['DUMP', 'nope'])).toEqual(reply.nil());
  });
});

describe('RESTORE', () => {
  const withPayload = () => {
    const e = fresh();
    e.exec(['RPUSH', 'src', 'a', 'b', '3']);
    return { e, payload: payloadOf(e.exec(['DUMP', 'src'])) };
  };

  it('recreates the value under a new key, with no TTL for ttl 0', () => {
    const { e, payload } = withPayload();
    expect(e.exec(['RESTORE', 'dst', '0', payload])).toEqual(reply.ok());
    expect(e.exec(['LRANGE', 'dst', '0', '-1'])).toEqual(reply.bulks(['a', 'b', '3']));
    expect(e.exec(['PTTL', 'dst'])).toEqual(reply.int(-1));
  });

  it('sets a relative TTL, or an absolute one with ABSTTL; a past ABSTTL stores nothing', () => {
    const clock = manualClock(T0);
    const e = fresh(clock);
    e.exec(['SET', 'src', 'v']);
    const payload = payloadOf(e.exec(['DUMP', 'src']));
    e.exec(['RESTORE', 'rel', '5000', payload]);
    expect(e.exec(['PTTL', 'rel'])).toEqual(reply.int(5000));
    e.exec(['RESTORE', 'abs', String(T0 + 9000), payload, 'ABSTTL']);
    expect(e.exec(['PTTL', 'abs'])).toEqual(reply.int(9000));
    expect(e.exec(['RESTORE', 'past', String(T0 - 1), payload, 'ABSTTL'])).toEqual(reply.ok());
    expect(e.exec(['EXISTS', 'past'])).toEqual(reply.int(0));
    // REPLACE with a past time still removes the old key.
    expect(e.exec(['RESTORE', 'rel', String(T0 - 1), payload, 'ABSTTL', 'REPLACE'])).toEqual(
      reply.ok(),
    );
    expect(e.exec(['EXISTS', 'rel'])).toEqual(reply.int(0));
  });

  it('refuses an existing key unless REPLACE', () => {
    const { e, payload } = withPayload();
    expect(e.exec(['RESTORE', 'src', '0', payload])).toEqual(
      reply.error('BUSYKEY Target key name already exists.'),
    );
    e.exec(['SET', 'other', 'string']);
    expect(e.exec(['RESTORE', 'other', '0', payload, 'REPLACE'])).toEqual(reply.ok());
    expect(e.exec(['TYPE', 'other'])).toEqual(reply.simple('list'));
  });

  it("answers redis-server 7.0.15's errors, checked in its order", () => {
    const { e, payload } = withPayload();
    const bad = (args: string[]) => e.exec(['RESTORE', ...args]);
    expect(bad(['k2', '-1', 'x'])).toEqual(reply.error('ERR Invalid TTL value, must be >= 0'));
    expect(bad(['k2', 'abc', 'x'])).toEqual(reply.notInteger());
    expect(bad(['k2', '0', 'x'])).toEqual(
      reply.error('ERR DUMP payload version or checksum are wrong'),
    );
    expect(bad(['k2', '0', ''])).toEqual(
      reply.error('ERR DUMP payload version or checksum are wrong'),
    );
    expect(bad(['k2', '0', 'x', 'REPLACE', 'ABSTTL', 'IDLETIME', '5', 'FREQ', '3'])).toEqual(
      reply.syntax(),
    );
    expect(bad(['k2', '0', 'x', 'FREQ', '3', 'IDLETIME', '5'])).toEqual(reply.syntax());
    expect(bad(['k2', '0', 'x', 'IDLETIME', '-1'])).toEqual(
      reply.error('ERR Invalid IDLETIME value, must be >= 0'),
    );
    expect(bad(['k2', '0', 'x', 'IDLETIME', 'a'])).toEqual(reply.notInteger());
    expect(bad(['k2', '0', 'x', 'FREQ', '256'])).toEqual(
      reply.error('ERR Invalid FREQ value, must be >= 0 and <= 255'),
    );
    expect(bad(['k2', '0', 'x', 'IDLETIME'])).toEqual(reply.syntax());
    expect(bad(['k2', '0', 'x', 'foo'])).toEqual(reply.syntax());
    // Options are parsed before the key is checked, the key before the TTL.
    expect(bad(['src', '0', 'x', 'foo'])).toEqual(reply.syntax());
    expect(bad(['src', '-1', 'x'])).toEqual(reply.error('BUSYKEY Target key name already exists.'));
    // A newer RDB version in the footer is refused even with a valid CRC.
    const bytes = binToBytes(payload);
    bytes[bytes.length - 10] = 11;
    expect(bad(['k2', '0', bytesToBin(bytes)])).toEqual(
      reply.error('ERR DUMP payload version or checksum are wrong'),
    );
    expect(e.exec(['EXISTS', 'k2'])).toEqual(reply.int(0));
  });

  it('answers "Bad data format" for a payload with a valid footer but undecodable contents', () => {
    const e = fresh();
    const framed = (body: number[]): string => {
      const p = new Uint8Array(body.length + 10);
      p.set(body);
      p.set([10, 0], body.length);
      writeCrc64LE(crc64(p, 0, body.length + 2), p, body.length + 2);
      return bytesToBin(p);
    };
    expect(e.exec(['RESTORE', 'ok', '0', framed([0, 1, 0x76])])).toEqual(reply.ok());
    const cases = [
      [8, 1, 0x76], // 8 is not an object type
      [0, 0x3f, 0x76], // a 63-byte string in a 13-byte payload
      [14, 0], // a quicklist with no nodes (empty key)
      [11, 2, 1, 2], // a 2-byte intset
      [16, 3, 1, 2, 3], // a 3-byte listpack
    ];
    for (const body of cases) {
      expect(e.exec(['RESTORE', 'k', '0', framed(body)])).toEqual(
        reply.error('ERR Bad data format'),
      );
    }
    expect(e.exec(['EXISTS', 'k'])).toEqual(reply.int(0));
  });

  it('keeps IDLETIME (LRU policies) and FREQ (LFU policies)', () => {
    const clock = manualClock(T0);
    const e = fresh(clock);
    e.exec(['SET', 'src', 'v']);
    const payload = payloadOf(e.exec(['DUMP', 'src']));
    e.exec(['RESTORE', 'idle', '0', payload, 'IDLETIME', '1000']);
    expect(e.exec(['OBJECT', 'IDLETIME', 'idle'])).toEqual(reply.int(1000));
    const lfu = createRedisEngine({ clock, rng: engineRng(3), maxmemoryPolicy: 'allkeys-lfu' });
    lfu.exec(['RESTORE', 'hot', '0', payload, 'FREQ', '77']);
    expect(lfu.exec(['OBJECT', 'FREQ', 'hot'])).toEqual(reply.int(77));
  });

  it('round-trips every type through DUMP and RESTORE with its encoding', () => {
    const e = fresh();
    e.exec(['SET', 's', 'x'.repeat(500)]);
    e.exec(['SADD', 'i', '1', '2', '99999999999']);
    e.exec([
      'ZADD',
      'z',
      ...Array.from({ length: 200 }, (_, i) => [String(i / 3), `m${i}`]).flat(),
    ]);
    e.exec(['HSET', 'h', 'a', '1', 'b', 'y'.repeat(100)]);
    for (const k of ['s', 'i', 'z', 'h']) {
      e.exec(['RESTORE', `${k}2`, '0', payloadOf(e.exec(['DUMP', k]))]);
      expect(e.exec(['OBJECT', 'ENCODING', `${k}2`])).toEqual(e.exec(['OBJECT', 'ENCODING', k]));
      expect(e.exec(['DUMP', `${k}2`])).toEqual(e.exec(['DUMP', k]));
    }
  });
});
