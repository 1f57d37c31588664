// Helpers for the replication differential tests: the seeded write stream (the differential
// generators, TTLs made long so nothing expires by time during a run) and stream comparison.
import { nextStreamCommand } from '../../src/engine/redis/replication/master-stream';
import { genContext } from './redis-gen-context';
import { replicationWrites } from './redis-repl-writes';
import type { CommandGenerator } from './redis-generators/types';

const modules = import.meta.glob<{ generators?: CommandGenerator[] }>('./redis-generators/*.ts', {
  eager: true,
});
export const generators: CommandGenerator[] = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, m]) => m.generators ?? []);

const HOUR_S = 3600;

/** A relative TTL argument that would end during the run gets an hour added. */
function longTtl(arg: string, ms: boolean): string {
  if (!/^[1-9][0-9]{0,8}$/.test(arg)) return arg;
  const n = Number(arg);
  const limit = ms ? HOUR_S * 1000 : HOUR_S;
  return n < limit ? String(n + limit) : arg;
}

function withLongTtls(argv: string[]): string[] {
  const a = [...argv];
  const name = a[0]!.toUpperCase();
  if (name === 'EXPIRE' && a[2] !== undefined) a[2] = longTtl(a[2], false);
  if (name === 'PEXPIRE' && a[2] !== undefined) a[2] = longTtl(a[2], true);
  if (name === 'SETEX' && a[2] !== undefined) a[2] = longTtl(a[2], false);
  if (name === 'PSETEX' && a[2] !== undefined) a[2] = longTtl(a[2], true);
  if (name === 'SET' || name === 'GETEX') {
    for (let i = 2; i < a.length - 1; i++) {
      const o = a[i]!.toUpperCase();
      if (o === 'EX') a[i + 1] = longTtl(a[i + 1]!, false);
      if (o === 'PX') a[i + 1] = longTtl(a[i + 1]!, true);
    }
  }
  return a;
}

/**
 * `n` commands for seed `seed`: half the replication writes (./redis-repl-writes.ts), half
 * every family's differential generator (reads, errors, bad input), without the random ones
 * (SPOP picks differ between servers) and with long TTLs.
 */
export function writeStream(seed: number, n: number): string[][] {
  const ctx = genContext(seed);
  const total = generators.reduce((s, g) => s + (g.weight ?? 1), 0);
  const out: string[][] = [];
  while (out.length < n) {
    if (ctx.chance(0.5)) {
      out.push(...replicationWrites(ctx));
      continue;
    }
    let x = ctx.random() * total;
    let g = generators[generators.length - 1]!;
    for (const cand of generators) {
      x -= cand.weight ?? 1;
      if (x < 0) {
        g = cand;
        break;
      }
    }
    const argv = g.next(ctx).argv;
    if (argv[0]!.toUpperCase() === 'SPOP') continue;
    out.push(withLongTtls(argv));
  }
  return out;
}

/** Splits stream bytes into commands. */
export function parseStream(bytes: string): string[][] {
  const out: string[][] = [];
  for (let pos = 0; pos < bytes.length;) {
    const cmd = nextStreamCommand(bytes, pos);
    if (cmd === undefined || cmd === 'error')
      throw new Error(`not a replication stream at byte ${pos}`);
    out.push(cmd.argv);
    pos = cmd.end;
  }
  return out;
}

/**
 * Where a command carries an absolute time a server computed from its clock (PEXPIREAT,
 * RESTORE … ABSTTL, the TIME of the XCLAIM a consumer group replicates as).
 */
const ABSOLUTE_AFTER: Record<string, number> = { PEXPIREAT: 2, RESTORE: 2, XCLAIM: 7 };

/** A stream ID XADD * made from the clock (milliseconds since 1970, then a sequence). */
const CLOCK_ID = /^(1[0-9]{12})-[0-9]+$/;

/** Two stream IDs each server took from its own clock, within `toleranceMs` of each other. */
function clockIds(w: string, g: string, toleranceMs: number): boolean {
  const a = CLOCK_ID.exec(w);
  const b = CLOCK_ID.exec(g);
  return a !== null && b !== null && Math.abs(Number(a[1]) - Number(b[1])) <= toleranceMs;
}

/**
 * Differences between two streams, command by command: every byte equal, except absolute
 * times each server computed from its own clock (SET … PXAT t, PEXPIREAT k t, XCLAIM … TIME t,
 * stream IDs XADD * assigned), which may differ by up to `toleranceMs`.
 */
export function streamDiff(want: string[][], got: string[][], toleranceMs = 2000): string[] {
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(want.length, got.length) && diffs.length < 5; i++) {
    const w = want[i];
    const g = got[i];
    if (w === undefined || g === undefined || w.length !== g.length) {
      diffs.push(`#${i}: redis ${JSON.stringify(w)} engine ${JSON.stringify(g)}`);
      continue;
    }
    for (let j = 0; j < w.length; j++) {
      if (w[j] === g[j]) continue;
      const name = w[0]!.toUpperCase();
      const isTime =
        (ABSOLUTE_AFTER[name] === j ||
          (name === 'SET' && j > 3 && w[j - 1]!.toUpperCase() === 'PXAT')) &&
        w[j]!.length === g[j]!.length &&
        Math.abs(Number(w[j]) - Number(g[j])) <= toleranceMs;
      if (!isTime && !clockIds(w[j]!, g[j]!, toleranceMs)) {
        diffs.push(`#${i}: redis ${JSON.stringify(w)} engine ${JSON.stringify(g)}`);
        break;
      }
    }
  }
  return diffs;
}
