// Geo family: GEOADD on its own keys (plus shared keys for WRONGTYPE), positions, distances,
// hashes and GEOSEARCH/GEOSEARCHSTORE with every option; bad coordinates, units and combos.
import type { CommandGenerator, GenContext, GeneratedCommand } from './types';

const PLACES: Array<[string, string, string]> = [
  ['13.361389', '38.115556', 'Palermo'],
  ['15.087269', '37.502669', 'Catania'],
  ['13.583333', '37.316667', 'Agrigento'],
  ['2.3522', '48.8566', 'paris'],
  ['-0.1278', '51.5074', 'london'],
  ['139.6917', '35.6895', 'tokyo'],
  ['-122.4194', '37.7749', 'sf'],
  ['151.2093', '-33.8688', 'sydney'],
  ['179.9', '0', 'east'],
  ['-179.9', '0', 'west'],
  ['0', '85.05', 'north'],
  ['12.5', '41.9', 'rome'],
];
const BAD_COORDS: Array<[string, string]> = [
  ['200', '10'],
  ['10', '86'],
  ['abc', '1'],
  ['1', ''],
  ['-180.0001', '0'],
];

const gkey = (ctx: GenContext): string =>
  ctx.chance(0.85) ? ctx.pick(['geo1', 'geo2']) : ctx.key();
const place = (ctx: GenContext) => ctx.pick(PLACES);
const member = (ctx: GenContext): string => (ctx.chance(0.9) ? place(ctx)[2] : 'nowhere');
const unit = (ctx: GenContext): string =>
  ctx.chance(0.92) ? ctx.pick(['m', 'km', 'mi', 'ft', 'KM']) : ctx.pick(['yd', '']);

function geoadd(ctx: GenContext): string[] {
  const argv = ['GEOADD', gkey(ctx)];
  if (ctx.chance(0.3)) argv.push(ctx.pick(['NX', 'XX', 'CH', 'ch']));
  if (ctx.chance(0.05)) argv.push('NX', 'XX');
  for (let i = 0, n = 1 + ctx.int(3); i < n; i++) {
    if (ctx.chance(0.08)) argv.push(...ctx.pick(BAD_COORDS), 'bad');
    else argv.push(...place(ctx));
  }
  if (ctx.chance(0.05)) argv.push('1');
  return argv;
}

function geosearch(ctx: GenContext, store: boolean): string[] {
  const argv = store
    ? ['GEOSEARCHSTORE', ctx.pick(['geodst', ctx.key()]), gkey(ctx)]
    : ['GEOSEARCH', gkey(ctx)];
  const opts: string[][] = [];
  if (ctx.chance(0.92))
    opts.push(
      ctx.chance(0.5)
        ? ['FROMMEMBER', member(ctx)]
        : ['FROMLONLAT', ...(ctx.chance(0.9) ? place(ctx).slice(0, 2) : ctx.pick(BAD_COORDS))],
    );
  if (ctx.chance(0.92)) {
    opts.push(
      ctx.chance(0.5)
        ? ['BYRADIUS', ctx.pick(['100', '500', '2000', '20000', '0', '-1', 'x']), unit(ctx)]
        : [
            'BYBOX',
            ctx.pick(['400', '1000', '5000', '-2']),
            ctx.pick(['400', '3000', 'x']),
            unit(ctx),
          ],
    );
  }
  if (ctx.chance(0.5)) opts.push([ctx.pick(['ASC', 'DESC'])]);
  if (ctx.chance(0.3))
    opts.push(['COUNT', ctx.pick(['1', '2', '3', '0', 'x']), ...(ctx.chance(0.3) ? ['ANY'] : [])]);
  if (ctx.chance(0.05)) opts.push(['ANY']);
  if (!store || ctx.chance(0.1)) {
    if (ctx.chance(0.4)) opts.push(['WITHDIST']);
    if (ctx.chance(0.3)) opts.push(['WITHCOORD']);
    if (ctx.chance(0.3)) opts.push(['WITHHASH']);
  }
  if (store && ctx.chance(0.4)) opts.push(['STOREDIST']);
  if (ctx.chance(0.03)) opts.push(['FOO']);
  for (const o of opts.sort(() => ctx.random() - 0.5)) argv.push(...o);
  return argv;
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  geoadd,
  geoadd,
  (ctx) => ['GEOPOS', gkey(ctx), member(ctx), member(ctx)],
  (ctx) => [
    'GEODIST',
    gkey(ctx),
    member(ctx),
    member(ctx),
    ...(ctx.chance(0.6) ? [unit(ctx)] : []),
    ...(ctx.chance(0.03) ? ['x'] : []),
  ],
  (ctx) => ['GEOHASH', gkey(ctx), member(ctx), member(ctx)],
  // Without ASC/DESC/COUNT the order is the 9-cell scan order, which we reproduce; ties in
  // distance keep that order too (glibc's qsort is a merge sort for small arrays).
  (ctx) => geosearch(ctx, false),
  (ctx) => geosearch(ctx, false),
  (ctx) => geosearch(ctx, true),
  () => ['ZRANGE', 'geodst', '0', '-1', 'WITHSCORES'],
  (ctx) => ['ZREM', gkey(ctx), member(ctx)],
];

export const generators: CommandGenerator[] = [
  {
    family: 'geo',
    weight: 1,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
