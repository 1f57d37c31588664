/**
 * GEOSEARCH and GEOSEARCHSTORE (georadiusGeneric in geo.c, Redis 7.0): option parsing in the
 * same order and with the same errors, the 9-cell scan in Redis's order (the reply order when no
 * sort is asked for), COUNT [ANY], ASC/DESC and the WITH* fields.
 */
import { defineCommand, type Argv } from '../../command';
import type { Client } from '../../client';
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseDouble, parseInt64 } from '../../args';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { readAs, isErrorReply } from '../../structures/access';
import { decodeGeoScore } from '../../structures/geohash';
import { NIL } from '../../structures/skiplist';
import {
  cellScoreRange,
  searchCells,
  withinShape,
  type GeoShape,
} from '../../structures/geo-shape';
import type { RedisZset } from '../../structures/zset-value';
import { RedisZset as Zset } from '../../structures/zset-value';
import { coordReply, distanceReply, parseDistance, parseLonLat, parseUnit } from './geo-args';
import { storeOptionKeys } from '../../key-positions';

interface Point {
  member: BinStr;
  score: number;
  x: number;
  y: number;
  dist: number;
}

function collect(z: RedisZset, shape: GeoShape, limit: number): Point[] {
  const found: Point[] = [];
  let last: { bits: bigint; step: number } | null = null;
  for (const cell of searchCells(shape)) {
    if (cell === null) continue;
    if (last !== null && cell.bits === last.bits && cell.step === last.step) continue;
    if (found.length > 0 && limit > 0 && found.length >= limit) break;
    const [min, max] = cellScoreRange(cell);
    const zsl = z.zsl;
    for (
      let n = zsl.firstInScoreRange({ min, max, minEx: false, maxEx: true });
      n !== NIL && zsl.score(n) < max;
      n = zsl.next(n)
    ) {
      const score = zsl.score(n);
      const p = withinShape(shape, score);
      if (p !== null) found.push({ member: zsl.member(n), score, x: p.x, y: p.y, dist: p.dist });
      if (found.length > 0 && limit > 0 && found.length >= limit) break;
    }
    last = cell;
  }
  return found;
}

/** Which command runs georadiusGeneric: the GEOSEARCH pair or the older GEORADIUS family. */
type Mode = 'search' | 'searchstore' | 'radius' | 'radius_ro' | 'member' | 'member_ro';

function search(c: Client, argv: Argv, mode: Mode): Reply {
  const isSearch = mode === 'search' || mode === 'searchstore';
  const noStore = mode === 'radius_ro' || mode === 'member_ro';
  let store = mode === 'searchstore';
  let storeKey: BinStr = store ? argv[1]! : '';
  const z = readAs(c, argv[store ? 2 : 1]!, 'zset');
  if (isErrorReply(z)) return z;
  let base = store ? 3 : 2;
  let x = 0;
  let y = 0;
  let conversion = 1;
  let radius = 0;
  let byRadius = false;
  if (mode === 'radius' || mode === 'radius_ro') {
    base = 6;
    const xy = parseLonLat(argv[2]!, argv[3]!);
    if (isErrorReply(xy)) return xy;
    [x, y] = xy;
    const d = parseDistance(argv[4]!, argv[5]!);
    if (isErrorReply(d)) return d;
    [radius, conversion] = d;
    byRadius = true;
  } else if (mode === 'member' || mode === 'member_ro') {
    // A missing key skips the member and radius checks (georadiusGeneric still parses options).
    base = 5;
    if (z !== null) {
      const s = z.score(argv[2]!);
      const xy = s === undefined ? null : decodeGeoScore(s);
      if (xy === null) return reply.error('ERR could not decode requested zset member');
      [x, y] = xy;
      const d = parseDistance(argv[3]!, argv[4]!);
      if (isErrorReply(d)) return d;
      [radius, conversion] = d;
    }
    byRadius = true;
  }
  let withDist = false;
  let withHash = false;
  let withCoord = false;
  let fromMember = false;
  let fromLoc = false;
  let byBox = false;
  let storeDist = false;
  let sort: 'none' | 'asc' | 'desc' = 'none';
  let any = false;
  let count = 0;
  let width = 0;
  let height = 0;
  const remaining = argv.length - base;
  for (let i = 0; i < remaining; i++) {
    const a = argv[base + i]!;
    const arg = (k: number) => argv[base + i + k]!;
    if (eqi(a, 'withdist')) withDist = true;
    else if (eqi(a, 'withhash')) withHash = true;
    else if (eqi(a, 'withcoord')) withCoord = true;
    else if (eqi(a, 'any')) any = true;
    else if (eqi(a, 'asc')) sort = 'asc';
    else if (eqi(a, 'desc')) sort = 'desc';
    else if (eqi(a, 'count') && i + 1 < remaining) {
      const n = parseInt64(arg(1));
      if (n === null) return reply.notInteger();
      if (n <= 0) return reply.error('ERR COUNT must be > 0');
      count = n;
      i++;
    } else if (
      (eqi(a, 'store') || eqi(a, 'storedist')) &&
      i + 1 < remaining &&
      !noStore &&
      !isSearch
    ) {
      store = true;
      storeKey = arg(1);
      storeDist = eqi(a, 'storedist');
      i++;
    } else if (eqi(a, 'storedist') && mode === 'searchstore') storeDist = true;
    else if (eqi(a, 'frommember') && i + 1 < remaining && isSearch && !fromLoc) {
      if (z !== null) {
        const s = z.score(arg(1));
        const xy = s === undefined ? null : decodeGeoScore(s);
        if (xy === null) return reply.error('ERR could not decode requested zset member');
        [x, y] = xy;
      }
      fromMember = true;
      i++;
    } else if (eqi(a, 'fromlonlat') && i + 2 < remaining && isSearch && !fromMember) {
      const xy = parseLonLat(arg(1), arg(2));
      if (isErrorReply(xy)) return xy;
      [x, y] = xy;
      fromLoc = true;
      i += 2;
    } else if (eqi(a, 'byradius') && i + 2 < remaining && isSearch && !byBox) {
      const d = parseDistance(arg(1), arg(2));
      if (isErrorReply(d)) return d;
      [radius, conversion] = d;
      byRadius = true;
      i += 2;
    } else if (eqi(a, 'bybox') && i + 3 < remaining && isSearch && !byRadius) {
      const w = parseDouble(arg(1));
      if (w === null) return reply.error('ERR need numeric width');
      const h = parseDouble(arg(2));
      if (h === null) return reply.error('ERR need numeric height');
      if (h < 0 || w < 0) return reply.error('ERR height or width cannot be negative');
      const u = parseUnit(arg(3));
      if (isErrorReply(u)) return u;
      width = w;
      height = h;
      conversion = u;
      byBox = true;
      i += 3;
    } else return reply.syntax();
  }
  if (store && (withDist || withHash || withCoord)) {
    const who = mode === 'searchstore' ? 'GEOSEARCHSTORE' : 'STORE option in GEORADIUS';
    return reply.error(
      `ERR ${who} is not compatible with WITHDIST, WITHHASH and WITHCOORD options`,
    );
  }
  if (isSearch && !fromMember && !fromLoc)
    return reply.error(
      `ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ${argv[0]!}`,
    );
  if (isSearch && !byRadius && !byBox)
    return reply.error(`ERR exactly one of BYRADIUS and BYBOX can be specified for ${argv[0]!}`);
  if (any && count === 0) return reply.error('ERR the ANY argument requires COUNT argument');
  if (z === null) {
    if (!store) return reply.emptyArray();
    if (c.db.delete(storeKey)) c.db.notify(NC.GENERIC, 'del', storeKey);
    return reply.int(0);
  }
  if (count !== 0 && sort === 'none' && !any) sort = 'asc';
  const shape: GeoShape = byRadius
    ? { type: 'radius', x, y, conversion, radius }
    : { type: 'box', x, y, conversion, width, height };
  const found = collect(z, shape, any ? count : 0);
  if (found.length === 0 && !store) return reply.emptyArray();
  if (sort === 'asc') found.sort((a, b) => (a.dist > b.dist ? 1 : a.dist === b.dist ? 0 : -1));
  else if (sort === 'desc')
    found.sort((a, b) => (a.dist < b.dist ? 1 : a.dist === b.dist ? 0 : -1));
  const returned = count === 0 || found.length < count ? found : found.slice(0, count);
  if (store) {
    if (returned.length === 0) {
      if (c.db.delete(storeKey)) c.db.notify(NC.GENERIC, 'del', storeKey);
      return reply.int(0);
    }
    const maxLen = returned.reduce((m, p) => Math.max(m, p.member.length), 0);
    const out = new Zset(c.engine.config, returned.length, maxLen);
    for (const p of returned) out.set(p.member, storeDist ? p.dist / conversion : p.score);
    c.db.replace(storeKey, 'zset', out);
    c.db.notify(NC.ZSET, isSearch ? 'geosearchstore' : 'georadiusstore', storeKey);
    return reply.int(returned.length);
  }
  const nested = withDist || withHash || withCoord;
  return reply.array(
    returned.map((p) => {
      if (!nested) return reply.bulk(p.member);
      const fields: Reply[] = [reply.bulk(p.member)];
      if (withDist) fields.push(distanceReply(p.dist / conversion));
      if (withHash) fields.push(reply.int(Math.trunc(p.score)));
      if (withCoord) fields.push(reply.array([coordReply(c, p.x), coordReply(c, p.y)]));
      return reply.array(fields);
    }),
  );
}

export const geosearch = defineCommand({
  name: 'geosearch',
  arity: -7,
  flags: ['readonly'],
  keys: { first: 1, last: 1, step: 1 },
  group: 'geo',
  syntax:
    'GEOSEARCH key FROMMEMBER member|FROMLONLAT lon lat BYRADIUS r unit|BYBOX w h unit [ASC|DESC] [COUNT n [ANY]] [WITHCOORD] [WITHDIST] [WITHHASH]',
  summary: 'Members inside a circle or box around a member or a point.',
  run: (c, argv) => search(c, argv, 'search'),
});

export const geosearchstore = defineCommand({
  name: 'geosearchstore',
  arity: -8,
  flags: ['write', 'denyoom'],
  keys: { first: 1, last: 2, step: 1 },
  group: 'geo',
  syntax:
    'GEOSEARCHSTORE dst src FROMMEMBER member|FROMLONLAT lon lat BYRADIUS r unit|BYBOX w h unit [ASC|DESC] [COUNT n [ANY]] [STOREDIST]',
  summary: 'GEOSEARCH, storing the members (or their distances) in a sorted set.',
  run: (c, argv) => search(c, argv, 'searchstore'),
});

const radiusDef = (name: string, mode: Mode, arity: number, syntax: string, summary: string) =>
  defineCommand({
    name,
    arity,
    flags: mode.endsWith('_ro') ? ['readonly'] : ['write', 'denyoom'],
    keys: { first: 1, last: 1, step: 1 },
    ...(mode === 'radius' || mode === 'member'
      ? { getKeys: storeOptionKeys(mode === 'radius' ? 6 : 5) }
      : {}),
    group: 'geo',
    syntax,
    summary,
    run: (c, argv) => search(c, argv, mode),
  });

const RADIUS_OPTS = '[WITHCOORD] [WITHDIST] [WITHHASH] [COUNT count [ANY]] [ASC|DESC]';
export const georadius = radiusDef(
  'georadius',
  'radius',
  -6,
  `GEORADIUS key lon lat radius unit ${RADIUS_OPTS} [STORE key] [STOREDIST key]`,
  'Members within a radius of a point (deprecated: use GEOSEARCH).',
);
export const georadiusRo = radiusDef(
  'georadius_ro',
  'radius_ro',
  -6,
  `GEORADIUS_RO key lon lat radius unit ${RADIUS_OPTS}`,
  'Read-only GEORADIUS.',
);
export const georadiusbymember = radiusDef(
  'georadiusbymember',
  'member',
  -5,
  `GEORADIUSBYMEMBER key member radius unit ${RADIUS_OPTS} [STORE key] [STOREDIST key]`,
  'Members within a radius of a member (deprecated: use GEOSEARCH).',
);
export const georadiusbymemberRo = radiusDef(
  'georadiusbymember_ro',
  'member_ro',
  -5,
  `GEORADIUSBYMEMBER_RO key member radius unit ${RADIUS_OPTS}`,
  'Read-only GEORADIUSBYMEMBER.',
);
