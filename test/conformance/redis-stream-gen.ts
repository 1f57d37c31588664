// Shared pieces of the stream generators (redis-generators/streams*.ts): key and name pools,
// IDs that mostly move forward per key (explicit or `ms-*`, never a bare `*`, which would take
// each server's own clock), odd and invalid IDs, values big enough to fill 4 KB nodes in a few
// entries, and trimming arguments. st0 is trimmed only loosely so it grows past 100-entry nodes.
import type { GenContext } from './redis-generators/types';

export const STREAMS = ['st0', 'st1', 'st2'];
/** A key whose IDs lie near 2^53 ms: `*` on it gives last + 1 on both servers. */
export const FUTURE = 'xfut';
export const GROUPS = ['g1', 'g2', 'G1'];
export const CONSUMERS = ['c1', 'c2', 'c3', ''];
const FIELDS = ['f', 'g', 'name', '1', '', 'f'];
export const ODD_IDS = [
  '0-0',
  '0-*',
  '-',
  '+',
  'abc',
  '1-x',
  '',
  '18446744073709551615-18446744073709551615',
  '18446744073709551615-*',
  '18446744073709551616',
  '5--01',
  ' 5',
  '01-01',
  '(1',
  '1-2-3',
  '-1',
  '1-',
  '$',
  '>',
  '3\x00-9',
  '+7-+2',
  '*x',
];
export const BAD_TIMEOUTS = ['-1', 'x', '', '1.5', '-0.5', '99999999999999999999'];

/** Approximate last millisecond used per key and run, so most explicit IDs move forward. */
const lastMs = new WeakMap<GenContext, Map<string, number>>();

export function nextMs(ctx: GenContext, key: string, step = 3): number {
  let m = lastMs.get(ctx);
  if (m === undefined) lastMs.set(ctx, (m = new Map()));
  const ms = (m.get(key) ?? 0) + ctx.int(step);
  m.set(key, ms);
  return ms;
}

export const curMs = (ctx: GenContext, key: string): number => lastMs.get(ctx)?.get(key) ?? 0;

/** Mostly a stream key; sometimes a key of the shared pool (other types, WATCHed keys). */
export const streamKey = (ctx: GenContext): string =>
  ctx.chance(0.88) ? ctx.pick(STREAMS) : ctx.key();

/** Valid IDs at the top of the range: a stream that gets one can take no more entries. */
const LAST_IDS = new Set(['18446744073709551615-18446744073709551615', '18446744073709551615-*']);

/** A new entry's ID: mostly ahead of the key's last one; odd forms never end the key's life. */
export function newId(ctx: GenContext, key: string): string {
  const r = ctx.random();
  if (r < 0.6) return `${nextMs(ctx, key, 4)}-${ctx.int(4)}`;
  if (r < 0.8) return `${nextMs(ctx, key, 4)}-*`;
  if (r < 0.88) return String(nextMs(ctx, key, 4));
  const odd = ctx.pick(ODD_IDS);
  return LAST_IDS.has(odd) ? '0-0' : odd;
}

/** An ID somewhere in the key's history (ranges, XDEL, XCLAIM…), sometimes an odd one. */
export function pastId(ctx: GenContext, key: string): string {
  const r = ctx.random();
  if (r < 0.75) return `${ctx.int(curMs(ctx, key) + 2)}-${ctx.int(4)}`;
  if (r < 0.85) return String(ctx.int(curMs(ctx, key) + 2));
  if (r < 0.9) return ctx.pick(['0', '0-0', '1-0']);
  return ctx.pick(ODD_IDS);
}

export const rangeBound = (ctx: GenContext, key: string): string =>
  ctx.chance(0.3)
    ? ctx.pick(['-', '+', '(0-0', '(18446744073709551615-18446744073709551615', '(-', '(+'])
    : (ctx.chance(0.2) ? '(' : '') + pastId(ctx, key);

/**
 * A value; `big` allows up to 3000 bytes. Entries stay below the 4096-byte listpack
 * preallocation: redis-server 7.0.15 has a use-after-free in streamAppendItem when a new node's
 * first entry outgrows it (the tail node moves in lpShrinkToFit while the stale pointer is
 * compared; valkey-io/valkey#4705), which crashes the real server at random.
 */
export function value(ctx: GenContext, big = false): string {
  const r = ctx.random();
  if (r < 0.75) return ctx.value();
  if (r < 0.9 || !big) return 'v'.repeat(ctx.pick([64, 200, 500]));
  return 'w'.repeat(ctx.pick([1500, 3000]));
}

/** 1–3 field/value pairs, usually the same field names (entries then share the master's). */
export function fieldValues(ctx: GenContext): string[] {
  const out: string[] = [];
  const n = ctx.chance(0.7) ? 1 : 1 + ctx.int(3);
  for (let i = 0; i < n; i++)
    out.push(ctx.chance(0.85) ? FIELDS[i]! : ctx.pick(FIELDS), value(ctx, n === 1));
  if (ctx.chance(0.04)) out.push('dangling');
  return out;
}

/** MAXLEN/MINID with =, ~ or neither, and LIMIT; st0 keeps at least 150 entries. */
export function trimArgs(ctx: GenContext, key: string, strategyRequired: boolean): string[] {
  const out: string[] = [];
  const long = key === 'st0';
  if (strategyRequired || ctx.chance(0.4)) {
    const byLen = ctx.chance(0.6);
    out.push(byLen ? ctx.pick(['MAXLEN', 'maxlen']) : ctx.pick(['MINID', 'minid']));
    const approx = ctx.random();
    if (approx < 0.45) out.push('~');
    else if (approx < 0.6) out.push('=');
    const lens = long ? [150, 250, 400, 1000] : [0, 1, 5, 50, 100, 150];
    if (byLen)
      out.push(ctx.chance(0.9) ? String(ctx.pick(lens)) : ctx.pick(['-1', 'x', '1.5', '~']));
    else
      out.push(
        ctx.chance(0.9)
          ? `${Math.max(0, curMs(ctx, key) - (long ? 400 : 0) - ctx.int(150))}-0`
          : ctx.pick(ODD_IDS),
      );
  }
  if (ctx.chance(0.15)) out.push('LIMIT', ctx.pick(['0', '1', '100', '250', '-1', 'x']));
  if (ctx.chance(0.03)) out.push(ctx.pick(['MAXLEN', 'MINID']), '5');
  return out;
}

/** Picks one of weighted command makers. */
export function weighted<T>(
  ctx: GenContext,
  makers: ReadonlyArray<readonly [number, (ctx: GenContext) => T]>,
): T {
  let x = ctx.random() * makers.reduce((s, [w]) => s + w, 0);
  for (const [w, make] of makers) {
    x -= w;
    if (x < 0) return make(ctx);
  }
  return makers[makers.length - 1]![1](ctx);
}
