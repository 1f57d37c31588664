import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply, type Reply } from '../../reply';
import { decodeGeoScore, geoScore } from '../../structures/geohash';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });
const strs = (r: Reply | undefined): string[] =>
  r?.kind === 'array' ? r.items.map((i) => (i.kind === 'bulk' ? i.value : '?')) : [];

describe('geo commands', () => {
  it('match redis-server digit for digit on the Sicily example', () => {
    // Replies recorded from redis-server 7.0.15.
    const e = fresh();
    expect(
      e.exec([
        'geoadd',
        'Sicily',
        '13.361389',
        '38.115556',
        'Palermo',
        '15.087269',
        '37.502669',
        'Catania',
      ]),
    ).toEqual(reply.int(2));
    expect(e.exec(['geopos', 'Sicily', 'Palermo'])).toEqual(
      reply.array([reply.bulks(['13.36138933897018433', '38.11555639549629859'])]),
    );
    expect(e.exec(['geodist', 'Sicily', 'Palermo', 'Catania', 'km'])).toEqual(
      reply.bulk('166.2742'),
    );
    expect(e.exec(['geohash', 'Sicily', 'Palermo'])).toEqual(
      reply.array([reply.bulk('sqc8b49rny0')]),
    );
    expect(
      strs(
        e.exec(['geosearch', 'Sicily', 'fromlonlat', '15', '37', 'byradius', '200', 'km', 'asc']),
      ),
    ).toEqual(['Catania', 'Palermo']);
    expect(e.exec(['geoadd', 'Sicily', '200', '1', 'x'])).toEqual(
      reply.error('ERR invalid longitude,latitude pair 200.000000,1.000000'),
    );
    expect(e.exec(['geosearch', 'Sicily', 'byradius', '1', 'km', 'asc', 'withdist'])).toEqual(
      reply.error('ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for geosearch'),
    );
  });

  it('GEOSEARCH BYRADIUS returns exactly the points whose GEODIST is within the radius', () => {
    const point = fc.record({
      lon: fc.double({ min: 10, max: 16, noNaN: true }),
      lat: fc.double({ min: 35, max: 40, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 400 }),
        (pts, km) => {
          const e = fresh();
          pts.forEach((p, i) => e.exec(['geoadd', 'g', String(p.lon), String(p.lat), `p${i}`]));
          e.exec(['geoadd', 'g', '13', '37.5', 'centre']);
          const found = strs(
            e.exec(['geosearch', 'g', 'frommember', 'centre', 'byradius', String(km), 'km', 'asc']),
          );
          const expected = ['centre', ...pts.map((_, i) => `p${i}`)].filter((m) => {
            const d = e.exec(['geodist', 'g', 'centre', m]);
            return d?.kind === 'bulk' && Number(d.value) <= km * 1000;
          });
          expect([...found].sort()).toEqual([...new Set(expected)].sort());
        },
      ),
      { numRuns: 60 },
    );
  });

  it('decodes a stored score to the centre of its 52-bit cell, within 1 m of the input', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: -85.05112878, max: 85.05112878, noNaN: true }),
        (lon, lat) => {
          const [x, y] = decodeGeoScore(geoScore(lon, lat))!;
          expect(Math.abs(x - lon)).toBeLessThan(1e-5);
          expect(Math.abs(y - lat)).toBeLessThan(1e-5);
        },
      ),
    );
  });
});
