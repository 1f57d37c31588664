import { defineCommand, ONE_KEY } from '../../command';
import { eqi } from '../../bytes';
import { reply } from '../../reply';
import { isErrorReply } from '../../structures/access';
import { geoScore } from '../../structures/geohash';
import { zadd } from '../zsets/zadd';
import { parseLonLat } from './geo-args';

export const geoadd = defineCommand({
  name: 'geoadd',
  arity: -5,
  flags: ['write', 'denyoom'],
  keys: ONE_KEY,
  group: 'geo',
  syntax: 'GEOADD key [NX|XX] [CH] longitude latitude member [longitude latitude member ...]',
  summary: 'Adds points (stored as 52-bit geohash scores of a sorted set).',
  run: (c, argv) => {
    let at = 2;
    let nx = false;
    let xx = false;
    for (; at < argv.length; at++) {
      const o = argv[at]!;
      if (eqi(o, 'nx')) nx = true;
      else if (eqi(o, 'xx')) xx = true;
      else if (!eqi(o, 'ch')) break;
    }
    if ((argv.length - at) % 3 !== 0 || (xx && nx)) return reply.syntax();
    // Rewritten into ZADD key [options] score member …, as geoaddCommand does.
    const zargv: string[] = ['zadd', ...argv.slice(1, at)];
    for (let i = at; i < argv.length; i += 3) {
      const xy = parseLonLat(argv[i]!, argv[i + 1]!);
      if (isErrorReply(xy)) return xy;
      zargv.push(String(geoScore(xy[0], xy[1])), argv[i + 2]!);
    }
    c.propagateAs(zargv);
    return zadd.run!(c, zargv) ?? reply.nil();
  },
});
