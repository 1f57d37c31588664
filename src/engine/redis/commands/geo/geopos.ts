import { defineCommand, ONE_KEY } from '../../command';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { decodeGeoScore, geohashGetDistance, geohashString } from '../../structures/geohash';
import { coordReply, distanceReply, parseUnit } from './geo-args';

export const geopos = defineCommand({
  name: 'geopos',
  arity: -2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'geo',
  syntax: 'GEOPOS key [member ...]',
  summary: 'Positions (longitude, latitude) of members: the centre of their geohash cell.',
  run: (c, argv) => {
    const z = readAs(c, argv[1]!, 'zset');
    if (isErrorReply(z)) return z;
    const out: Reply[] = [];
    for (let i = 2; i < argv.length; i++) {
      const s = z?.score(argv[i]!);
      const xy = s === undefined ? null : decodeGeoScore(s);
      out.push(
        xy === null ? reply.nilArray() : reply.array([coordReply(c, xy[0]), coordReply(c, xy[1])]),
      );
    }
    return reply.array(out);
  },
});

export const geohash = defineCommand({
  name: 'geohash',
  arity: -2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'geo',
  syntax: 'GEOHASH key [member ...]',
  summary: 'Standard 11-character geohash strings of members.',
  run: (c, argv) => {
    const z = readAs(c, argv[1]!, 'zset');
    if (isErrorReply(z)) return z;
    const out: Reply[] = [];
    for (let i = 2; i < argv.length; i++) {
      const s = z?.score(argv[i]!);
      const h = s === undefined ? null : geohashString(s);
      out.push(h === null ? reply.nil() : reply.bulk(h));
    }
    return reply.array(out);
  },
});

export const geodist = defineCommand({
  name: 'geodist',
  arity: -4,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'geo',
  syntax: 'GEODIST key member1 member2 [M|KM|FT|MI]',
  summary: 'Great-circle distance between two members (haversine, Redis earth radius).',
  run: (c, argv) => {
    let toMeter = 1;
    if (argv.length === 5) {
      const u = parseUnit(argv[4]!);
      if (isErrorReply(u)) return u;
      toMeter = u;
    } else if (argv.length > 5) return reply.syntax();
    const z = readAs(c, argv[1]!, 'zset');
    if (z === null || isErrorReply(z)) return z ?? reply.nil();
    const s1 = z.score(argv[2]!);
    const s2 = z.score(argv[3]!);
    if (s1 === undefined || s2 === undefined) return reply.nil();
    const a = decodeGeoScore(s1);
    const b = decodeGeoScore(s2);
    if (a === null || b === null) return reply.nil();
    return distanceReply(geohashGetDistance(a[0], a[1], b[0], b[1]) / toMeter);
  },
});
