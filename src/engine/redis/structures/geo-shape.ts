/**
 * The search side of Redis's geo (geohash_helper.c, geo.c in Redis 7.0): the 9 geohash cells
 * covering a radius or box, the score ranges to scan for each, and the in-shape test.
 */
import {
  EARTH_RADIUS_IN_METERS,
  align52,
  decodeGeoScore,
  degRad,
  geohashDecodeWGS84,
  geohashEncodeWGS84,
  geohashEstimateStepsByRadius,
  geohashGetDistance,
  geohashGetLatDistance,
  geohashNeighbors,
  radDeg,
  type GeoHashBits,
} from './geohash';
import { cosRn } from './libm';

export type GeoShape =
  | { type: 'radius'; x: number; y: number; conversion: number; radius: number }
  | { type: 'box'; x: number; y: number; conversion: number; width: number; height: number };

/** [minLon, minLat, maxLon, maxLat] of the shape, as geohashBoundingBox computes it. */
export function boundingBox(shape: GeoShape): [number, number, number, number] {
  const longitude = shape.x;
  const latitude = shape.y;
  const height = shape.conversion * (shape.type === 'radius' ? shape.radius : shape.height / 2);
  const width = shape.conversion * (shape.type === 'radius' ? shape.radius : shape.width / 2);
  const latDelta = radDeg(height / EARTH_RADIUS_IN_METERS);
  const longDeltaTop = radDeg(width / EARTH_RADIUS_IN_METERS / cosRn(degRad(latitude + latDelta)));
  const longDeltaBottom = radDeg(
    width / EARTH_RADIUS_IN_METERS / cosRn(degRad(latitude - latDelta)),
  );
  const south = latitude < 0;
  return [
    south ? longitude - longDeltaBottom : longitude - longDeltaTop,
    latitude - latDelta,
    south ? longitude + longDeltaBottom : longitude + longDeltaTop,
    latitude + latDelta,
  ];
}

/**
 * The centre cell then north, south, east, west, NE, NW, SE, SW — the order geo.c scans them,
 * which is the reply order when no sort is asked for. `null` marks a cell Redis skips.
 */
export function searchCells(shape: GeoShape): (GeoHashBits | null)[] {
  const [minLon, minLat, maxLon, maxLat] = boundingBox(shape);
  const radiusMeters =
    (shape.type === 'radius'
      ? shape.radius
      : Math.sqrt(
          (shape.width / 2) * (shape.width / 2) + (shape.height / 2) * (shape.height / 2),
        )) * shape.conversion;
  let steps = geohashEstimateStepsByRadius(radiusMeters, shape.y);
  const encodeAt = (s: number) => {
    const hash = geohashEncodeWGS84(shape.x, shape.y, s) ?? { bits: 0n, step: s };
    return { hash, neighbors: geohashNeighbors(hash), area: geohashDecodeWGS84(hash) };
  };
  let cur = encodeAt(steps);
  const north = geohashDecodeWGS84(cur.neighbors.north);
  const south = geohashDecodeWGS84(cur.neighbors.south);
  const east = geohashDecodeWGS84(cur.neighbors.east);
  const west = geohashDecodeWGS84(cur.neighbors.west);
  const decrease =
    (north !== null && north.latitude.max < maxLat) ||
    (south !== null && south.latitude.min > minLat) ||
    (east !== null && east.longitude.max < maxLon) ||
    (west !== null && west.longitude.min > minLon);
  if (steps > 1 && decrease) {
    steps--;
    cur = encodeAt(steps);
  }
  const n: Record<string, GeoHashBits | null> = { ...cur.neighbors };
  const area = cur.area;
  if (steps >= 2 && area !== null) {
    if (area.latitude.min < minLat) n.south = n.south_west = n.south_east = null;
    if (area.latitude.max > maxLat) n.north = n.north_east = n.north_west = null;
    if (area.longitude.min < minLon) n.west = n.south_west = n.north_west = null;
    if (area.longitude.max > maxLon) n.east = n.south_east = n.north_east = null;
  }
  return [
    cur.hash,
    n.north!,
    n.south!,
    n.east!,
    n.west!,
    n.north_east!,
    n.north_west!,
    n.south_east!,
    n.south_west!,
  ].map((h) => (h === undefined ? null : h));
}

/** Score interval [min, max) of all 52-bit hashes inside a cell. */
export function cellScoreRange(hash: GeoHashBits): [number, number] {
  const min = align52(hash);
  const max = align52({ bits: hash.bits + 1n, step: hash.step });
  return [Number(min), Number(max)];
}

/** geoWithinShape: the decoded point and its distance (metres) when inside, else null. */
export function withinShape(
  shape: GeoShape,
  score: number,
): { x: number; y: number; dist: number } | null {
  const xy = decodeGeoScore(score);
  if (xy === null) return null;
  const [x, y] = xy;
  if (shape.type === 'radius') {
    const dist = geohashGetDistance(shape.x, shape.y, x, y);
    return dist > shape.radius * shape.conversion ? null : { x, y, dist };
  }
  const widthM = shape.width * shape.conversion;
  const heightM = shape.height * shape.conversion;
  if (geohashGetLatDistance(y, shape.y) > heightM / 2) return null;
  if (geohashGetDistance(x, y, shape.x, y) > widthM / 2) return null;
  return { x, y, dist: geohashGetDistance(shape.x, shape.y, x, y) };
}
