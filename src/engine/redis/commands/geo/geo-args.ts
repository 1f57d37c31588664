/** Argument helpers of geo.c (Redis 7.0) with its exact error texts, and its number formats. */
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseDouble } from '../../args';
import { reply, type ErrorReply, type Reply } from '../../reply';
import { GEO_LAT_MAX, GEO_LAT_MIN, GEO_LONG_MAX, GEO_LONG_MIN } from '../../structures/geohash';
import { formatDoubleHuman } from '../../structures/long-double';
import { doubleTextReply } from '../../resp3';
import type { Client } from '../../client';

/** C's `%f`: six decimals, full integer digits even for huge values. */
export function cFixed6(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Math.abs(x) < 1e21) return x.toFixed(6);
  return `${BigInt(x).toString()}.000000`;
}

/** extractLongLatOrReply. */
export function parseLonLat(lon: BinStr, lat: BinStr): [number, number] | ErrorReply {
  const x = parseDouble(lon);
  if (x === null) return reply.notFloat();
  const y = parseDouble(lat);
  if (y === null) return reply.notFloat();
  if (x < GEO_LONG_MIN || x > GEO_LONG_MAX || y < GEO_LAT_MIN || y > GEO_LAT_MAX) {
    return reply.error(`ERR invalid longitude,latitude pair ${cFixed6(x)},${cFixed6(y)}`);
  }
  return [x, y];
}

/** extractUnitOrReply: metres per unit. */
export function parseUnit(u: BinStr): number | ErrorReply {
  if (eqi(u, 'm')) return 1;
  if (eqi(u, 'km')) return 1000;
  if (eqi(u, 'ft')) return 0.3048;
  if (eqi(u, 'mi')) return 1609.34;
  return reply.error('ERR unsupported unit provided. please use M, KM, FT, MI');
}

/** extractDistanceOrReply: a non-negative radius and its unit → [radius, metres per unit]. */
export function parseDistance(radius: BinStr, unit: BinStr): [number, number] | ErrorReply {
  const r = parseDouble(radius);
  if (r === null) return reply.error('ERR need numeric radius');
  if (r < 0) return reply.error('ERR radius cannot be negative');
  const u = parseUnit(unit);
  if (isErrorReplyLocal(u)) return u;
  return [r, u];
}

const isErrorReplyLocal = (x: number | ErrorReply): x is ErrorReply => typeof x !== 'number';

/** addReplyDoubleDistance: fixedpoint_d2string(d, 4) = llrint(d × 10^4) printed with 4 decimals. */
export function distanceReply(d: number): Reply {
  if (d === 0) return reply.bulk('0.0000');
  const scaled = d * 10000;
  // llrint rounds half to even.
  let n = Math.round(scaled);
  if (Math.abs(scaled % 1) === 0.5 && n % 2 !== 0) n -= 1;
  const neg = n < 0;
  const digits = BigInt(Math.abs(n)).toString().padStart(5, '0');
  return reply.bulk(`${neg ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`);
}

/** addReplyHumanLongDouble for a coordinate. */
export function coordReply(c: Client, v: number): Reply {
  return doubleTextReply(c, formatDoubleHuman(v));
}
