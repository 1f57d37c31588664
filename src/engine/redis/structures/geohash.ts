/**
 * Geohash as Redis encodes it (geohash.c, geohash_helper.c in Redis 7.0): 26 bits of latitude
 * and 26 of longitude interleaved into a 52-bit integer that is stored as the sorted-set score.
 * Latitude is limited to the Web-Mercator range ±85.05112878, so decoded positions (the centre
 * of the 52-bit cell) and distances match redis-server digit for digit.
 *
 * 64-bit steps use BigInt: geo commands are not hot, and exact integer behaviour (including the
 * edge where an offset equals 2^step) matters more than speed here.
 */

import { asinRn, cosRn, sinRn } from './libm';

export const GEO_LAT_MIN = -85.05112878;
export const GEO_LAT_MAX = 85.05112878;
export const GEO_LONG_MIN = -180;
export const GEO_LONG_MAX = 180;
export const GEO_STEP_MAX = 26;
/** Redis: EARTH_RADIUS_IN_METERS, the quadratic mean radius of WGS-84. */
export const EARTH_RADIUS_IN_METERS = 6372797.560856;
const MERCATOR_MAX = 20037726.37;
const D_R = Math.PI / 180.0;

export interface GeoHashBits {
  bits: bigint;
  step: number;
}

export interface GeoRange {
  min: number;
  max: number;
}

export interface GeoArea {
  hash: GeoHashBits;
  longitude: GeoRange;
  latitude: GeoRange;
}

const WGS84_LONG: GeoRange = { min: GEO_LONG_MIN, max: GEO_LONG_MAX };
const WGS84_LAT: GeoRange = { min: GEO_LAT_MIN, max: GEO_LAT_MAX };
const M64 = (1n << 64n) - 1n;

function interleave64(xlo: bigint, ylo: bigint): bigint {
  const B = [
    0x5555555555555555n,
    0x3333333333333333n,
    0x0f0f0f0f0f0f0f0fn,
    0x00ff00ff00ff00ffn,
    0x0000ffff0000ffffn,
  ];
  const S = [1n, 2n, 4n, 8n, 16n];
  let x = xlo;
  let y = ylo;
  for (let i = 4; i >= 0; i--) {
    x = (x | (x << S[i]!)) & B[i]! & M64;
    y = (y | (y << S[i]!)) & B[i]! & M64;
  }
  return (x | (y << 1n)) & M64;
}

function deinterleave64(interleaved: bigint): bigint {
  const B = [
    0x5555555555555555n,
    0x3333333333333333n,
    0x0f0f0f0f0f0f0f0fn,
    0x00ff00ff00ff00ffn,
    0x0000ffff0000ffffn,
    0x00000000ffffffffn,
  ];
  const S = [0n, 1n, 2n, 4n, 8n, 16n];
  let x = interleaved;
  let y = interleaved >> 1n;
  for (let i = 0; i < 6; i++) {
    x = (x | (x >> S[i]!)) & B[i]!;
    y = (y | (y >> S[i]!)) & B[i]!;
  }
  return x | (y << 32n);
}

/** C's `(uint32_t)double` for the non-negative offsets geohashEncode produces. */
const toU32 = (d: number): bigint => BigInt(Math.trunc(d) >>> 0);

/** geohashEncode: null when the point is outside the ranges (Redis returns 0). */
export function geohashEncode(
  longRange: GeoRange,
  latRange: GeoRange,
  longitude: number,
  latitude: number,
  step: number,
): GeoHashBits | null {
  if (step > 32 || step === 0) return null;
  if (
    longitude > GEO_LONG_MAX ||
    longitude < GEO_LONG_MIN ||
    latitude > GEO_LAT_MAX ||
    latitude < GEO_LAT_MIN
  )
    return null;
  if (
    latitude < latRange.min ||
    latitude > latRange.max ||
    longitude < longRange.min ||
    longitude > longRange.max
  )
    return null;
  let latOffset = (latitude - latRange.min) / (latRange.max - latRange.min);
  let longOffset = (longitude - longRange.min) / (longRange.max - longRange.min);
  latOffset *= 2 ** step;
  longOffset *= 2 ** step;
  return { bits: interleave64(toU32(latOffset), toU32(longOffset)), step };
}

export function geohashEncodeWGS84(
  longitude: number,
  latitude: number,
  step = GEO_STEP_MAX,
): GeoHashBits | null {
  return geohashEncode(WGS84_LONG, WGS84_LAT, longitude, latitude, step);
}

export function geohashDecode(
  longRange: GeoRange,
  latRange: GeoRange,
  hash: GeoHashBits,
): GeoArea | null {
  if (hash.bits === 0n && hash.step === 0) return null;
  const sep = deinterleave64(hash.bits);
  const latScale = latRange.max - latRange.min;
  const longScale = longRange.max - longRange.min;
  const ilato = Number(sep & 0xffffffffn);
  const ilono = Number((sep >> 32n) & 0xffffffffn);
  const div = 2 ** hash.step;
  return {
    hash,
    latitude: {
      min: latRange.min + ((ilato * 1.0) / div) * latScale,
      max: latRange.min + (((ilato + 1) * 1.0) / div) * latScale,
    },
    longitude: {
      min: longRange.min + ((ilono * 1.0) / div) * longScale,
      max: longRange.min + (((ilono + 1) * 1.0) / div) * longScale,
    },
  };
}

export function geohashDecodeWGS84(hash: GeoHashBits): GeoArea | null {
  return geohashDecode(WGS84_LONG, WGS84_LAT, hash);
}

/** The centre of a cell, clamped to the valid ranges: what GEOPOS reports. */
export function areaCentre(area: GeoArea): [number, number] {
  let x = (area.longitude.min + area.longitude.max) / 2;
  if (x > GEO_LONG_MAX) x = GEO_LONG_MAX;
  if (x < GEO_LONG_MIN) x = GEO_LONG_MIN;
  let y = (area.latitude.min + area.latitude.max) / 2;
  if (y > GEO_LAT_MAX) y = GEO_LAT_MAX;
  if (y < GEO_LAT_MIN) y = GEO_LAT_MIN;
  return [x, y];
}

/**
 * C's `(uint64_t)score` as x86-64 compilers emit it (cvttsd2si, with the 2^63 offset path for
 * large values): negative or non-geo scores still decode to some clamped position, as in Redis.
 */
function toUint64(d: number): bigint {
  const INDEFINITE = 0x8000000000000000n;
  const TWO63 = 2 ** 63;
  if (Number.isNaN(d)) return INDEFINITE;
  if (d < TWO63)
    return d > -TWO63 - 1 && d !== -Infinity
      ? BigInt.asUintN(64, BigInt(Math.trunc(d)))
      : INDEFINITE;
  const rest = d - TWO63;
  return rest < TWO63 ? BigInt(Math.trunc(rest)) + INDEFINITE : 0n;
}

/** geo.c decodeGeohash: a sorted-set score back to [longitude, latitude]. */
export function decodeGeoScore(score: number): [number, number] | null {
  const area = geohashDecodeWGS84({ bits: toUint64(score), step: GEO_STEP_MAX });
  return area ? areaCentre(area) : null;
}

/** geohashAlign52Bits: the score for a hash of any step. */
export function align52(hash: GeoHashBits): bigint {
  return (hash.bits << BigInt(52 - hash.step * 2)) & M64;
}

/** The sorted-set score GEOADD stores for a (validated) point. */
export function geoScore(longitude: number, latitude: number): number {
  const hash = geohashEncodeWGS84(longitude, latitude, GEO_STEP_MAX);
  return hash === null ? 0 : Number(align52(hash));
}

function moveX(hash: GeoHashBits, d: number): void {
  if (d === 0) return;
  let x = hash.bits & 0xaaaaaaaaaaaaaaaan;
  const y = hash.bits & 0x5555555555555555n;
  const zz = 0x5555555555555555n >> BigInt(64 - hash.step * 2);
  if (d > 0) x = (x + (zz + 1n)) & M64;
  else {
    x = x | zz;
    x = (x - (zz + 1n)) & M64;
  }
  x &= 0xaaaaaaaaaaaaaaaan >> BigInt(64 - hash.step * 2);
  hash.bits = x | y;
}

function moveY(hash: GeoHashBits, d: number): void {
  if (d === 0) return;
  const x = hash.bits & 0xaaaaaaaaaaaaaaaan;
  let y = hash.bits & 0x5555555555555555n;
  const zz = 0xaaaaaaaaaaaaaaaan >> BigInt(64 - hash.step * 2);
  if (d > 0) y = (y + (zz + 1n)) & M64;
  else {
    y = y | zz;
    y = (y - (zz + 1n)) & M64;
  }
  y &= 0x5555555555555555n >> BigInt(64 - hash.step * 2);
  hash.bits = x | y;
}

export interface GeoNeighbors {
  north: GeoHashBits;
  south: GeoHashBits;
  east: GeoHashBits;
  west: GeoHashBits;
  north_east: GeoHashBits;
  north_west: GeoHashBits;
  south_east: GeoHashBits;
  south_west: GeoHashBits;
}

export function geohashNeighbors(hash: GeoHashBits): GeoNeighbors {
  const at = (dx: number, dy: number): GeoHashBits => {
    const h = { bits: hash.bits, step: hash.step };
    moveX(h, dx);
    moveY(h, dy);
    return h;
  };
  return {
    east: at(1, 0),
    west: at(-1, 0),
    south: at(0, -1),
    north: at(0, 1),
    north_west: at(-1, 1),
    north_east: at(1, 1),
    south_east: at(1, -1),
    south_west: at(-1, -1),
  };
}

export const degRad = (ang: number): number => ang * D_R;
export const radDeg = (ang: number): number => ang / D_R;

export function geohashEstimateStepsByRadius(rangeMeters: number, lat: number): number {
  if (rangeMeters === 0) return 26;
  let step = 1;
  while (rangeMeters < MERCATOR_MAX) {
    rangeMeters *= 2;
    step++;
  }
  step -= 2;
  if (lat > 66 || lat < -66) {
    step--;
    if (lat > 80 || lat < -80) step--;
  }
  if (step < 1) step = 1;
  if (step > 26) step = 26;
  return step;
}

export function geohashGetLatDistance(lat1d: number, lat2d: number): number {
  return EARTH_RADIUS_IN_METERS * Math.abs(degRad(lat2d) - degRad(lat1d));
}

/** Haversine distance in metres, exactly as geohash_helper.c computes it (incl. the v == 0 shortcut). */
export function geohashGetDistance(
  lon1d: number,
  lat1d: number,
  lon2d: number,
  lat2d: number,
): number {
  const lon1r = degRad(lon1d);
  const lon2r = degRad(lon2d);
  const v = sinRn((lon2r - lon1r) / 2);
  if (v === 0.0) return geohashGetLatDistance(lat1d, lat2d);
  const lat1r = degRad(lat1d);
  const lat2r = degRad(lat2d);
  const u = sinRn((lat2r - lat1r) / 2);
  const a = u * u + cosRn(lat1r) * cosRn(lat2r) * v * v;
  return 2.0 * EARTH_RADIUS_IN_METERS * asinRn(Math.sqrt(a));
}

const GEO_ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/** GEOHASH's 11-character string: re-encoded on the standard ±90 latitude range. */
export function geohashString(score: number): string | null {
  const xy = decodeGeoScore(score);
  if (xy === null) return null;
  const hash = geohashEncode({ min: -180, max: 180 }, { min: -90, max: 90 }, xy[0], xy[1], 26);
  const bits = hash?.bits ?? 0n;
  let out = '';
  for (let i = 0; i < 11; i++) {
    const idx = i === 10 ? 0 : Number((bits >> BigInt(52 - (i + 1) * 5)) & 0x1fn);
    out += GEO_ALPHABET[idx];
  }
  return out;
}
