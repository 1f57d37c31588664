// Seeded random meta-protocol streams (mg, ms, md, ma, mn, me) for the differential test:
// valid commands with random flag sets, mixed with malformed ones (duplicate or unknown flags,
// bad numbers and modes, long keys and opaques, bad base64, bad data blocks, too many tokens).
import { engineRng, type EngineRng } from '../../src/engine';
import type { StreamCommand } from './memcached-streams';

const pick = <T>(rng: EngineRng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

// Keys that mg fetches; counters live apart: a fetch of a COLD item queues it for the LRU
// maintainer thread with a reference held, and ma rewrites a number in place only when no one
// else holds one (see StreamOptions.lruThread in memcached-streams.ts).
const KEYS = ['a', 'b', 'k1', 'k:2', 'caf\xe9', 'stale'];
const COUNTERS = ['n1', 'n2'];
// base64 of "bin\x00key", "a", and of a key that decodes to the plain key "k1".
const B64_KEYS = ['YmluAGtleQ==', 'YQ==', 'azE='];
const BAD_B64 = ['YmluAGtleQ', '!!!!', 'a', '===='];
const TTLS = ['T0', 'T100', 'T3600', 'T-1', 'T2592000'];
const BAD_NUMBERS = ['abc', '', '1x', '99999999999999999999', '0x10'];

function value(rng: EngineRng): string {
  const n = rng.int(12);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(0x21 + rng.int(94));
  return s;
}

function opaque(rng: EngineRng): string {
  return `O${rng.int(100000)}`;
}

/** A random subset of `flags`, each at most once, in random order. */
function flagSet(rng: EngineRng, flags: readonly string[], max: number): string[] {
  const pool = [...flags];
  const out: string[] = [];
  const n = rng.int(max + 1);
  for (let i = 0; i < n && pool.length > 0; i++) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out;
}

function line(cmd: string, key: string, flags: string[]): string {
  return [cmd, key, ...flags].join(' ') + '\r\n';
}

function goodCommand(rng: EngineRng): string {
  const r = rng.int(100);
  const b64 = rng.next() < 0.1;
  const key = b64 ? pick(rng, B64_KEYS) : pick(rng, KEYS);
  const bin = b64 ? ['b'] : [];
  if (r < 35) {
    const flags = flagSet(rng, ['v', 's', 't', 'f', 'c', 'k', 'h', 'l', 'q', 'u', 'O'], 5).map(
      (f) => (f === 'O' ? opaque(rng) : f),
    );
    if (rng.next() < 0.15) flags.push(pick(rng, TTLS));
    if (rng.next() < 0.1) flags.push(`N${pick(rng, ['30', '100', '-1'])}`);
    if (rng.next() < 0.1) flags.push(`R${pick(rng, ['30', '1000'])}`);
    return line('mg', key, [...flags, ...bin]);
  }
  if (r < 65) {
    const v = value(rng);
    const flags = flagSet(rng, ['k', 'c', 'q', 'O', 'F', 'T', 'M', 'C', 'I'], 4).map((f) => {
      if (f === 'O') return opaque(rng);
      if (f === 'F') return `F${pick(rng, ['0', '1', '4294967295'])}`;
      if (f === 'T') return pick(rng, TTLS);
      if (f === 'M') return `M${pick(rng, ['E', 'A', 'P', 'R', 'S'])}`;
      if (f === 'C') return `C${rng.int(12)}`;
      return f;
    });
    return `ms ${key} ${v.length} ${[...flags, ...bin].join(' ')}`.trimEnd() + `\r\n${v}\r\n`;
  }
  if (r < 75) {
    const flags = flagSet(rng, ['q', 'k', 'O', 'C', 'I', 'T'], 3).map((f) =>
      f === 'O' ? opaque(rng) : f === 'C' ? `C${rng.int(12)}` : f === 'T' ? 'T30' : f,
    );
    return line('md', pick(rng, [...KEYS, ...COUNTERS]), flags);
  }
  if (r < 90) {
    const flags = flagSet(rng, ['N', 'J', 'D', 'T', 'M', 'q', 'v', 't', 'c', 'k', 'O'], 5).map(
      (f) => {
        if (f === 'N') return `N${pick(rng, ['0', '100'])}`;
        if (f === 'J') return `J${pick(rng, ['0', '10', '18446744073709551615'])}`;
        if (f === 'D') return `D${pick(rng, ['1', '5', '18446744073709551615'])}`;
        if (f === 'T') return 'T200';
        if (f === 'M') return `M${pick(rng, ['I', 'D', '+', '-'])}`;
        if (f === 'O') return opaque(rng);
        return f;
      },
    );
    return line('ma', pick(rng, COUNTERS), flags);
  }
  if (r < 94) return 'mn\r\n';
  if (r < 98)
    return b64 ? `me ${key} b\r\n` : `me ${pick(rng, [...KEYS, ...COUNTERS, 'none'])}\r\n`;
  // Counters get a number (or not) from a plain ms, never fetched by mg.
  const v = pick(rng, ['0', '7', '18446744073709551615', 'x', '12 ']);
  return `ms ${pick(rng, COUNTERS)} ${v.length}\r\n${v}\r\n`;
}

function badCommand(rng: EngineRng): string {
  const k = pick(rng, KEYS);
  const texts = [
    () => `mg ${k} v v\r\n`,
    () => `mg ${k} ${pick(rng, ['z', 'x', 'Y', '\xff', '@'])}\r\n`,
    () => `mg ${k} T${pick(rng, BAD_NUMBERS)}\r\n`,
    () => `mg ${k} N${pick(rng, BAD_NUMBERS)} R${pick(rng, BAD_NUMBERS)}\r\n`,
    () => `mg ${'k'.repeat(251)} v\r\n`,
    () => `mg ${k} O${'9'.repeat(40)}\r\n`,
    () => `mg ${k} ${Array.from({ length: 20 }, (_, i) => `O${i}`).join(' ')}\r\n`,
    () => `${pick(rng, ['mg', 'ms', 'md', 'ma', 'me'])}\r\n`,
    () => `mg ${pick(rng, BAD_B64)} b v\r\n`,
    () => `ms ${k}\r\n`,
    () => `ms ${k} ${pick(rng, BAD_NUMBERS)}\r\nzz\r\n`,
    () => `ms ${k} -1\r\nzz\r\n`,
    () => `ms ${k} 2 M${pick(rng, ['X', 'EE', ''])}\r\nzz\r\n`,
    () => `ms ${k} 2 F${pick(rng, BAD_NUMBERS)}\r\nzz\r\n`,
    () => `ms ${k} 2 C${pick(rng, BAD_NUMBERS)} q\r\nzz\r\n`,
    () => `ms ${k} ${1 + rng.int(3)}\r\n${value(rng)}\r\n`,
    () => `ms ${k} 2 O${'1'.repeat(35)} k\r\nzz\r\n`,
    () => `md ${k} q q\r\n`,
    () => `md ${k} C${pick(rng, BAD_NUMBERS)}\r\n`,
    () => `ma ${pick(rng, COUNTERS)} D${pick(rng, BAD_NUMBERS)}\r\n`,
    () => `ma ${pick(rng, COUNTERS)} J${pick(rng, BAD_NUMBERS)} N0\r\n`,
    () => `ma ${pick(rng, COUNTERS)} M${pick(rng, ['X', 'II', 'E'])}\r\n`,
    () => `me ${'q'.repeat(251)}\r\n`,
    () => `me ${pick(rng, BAD_B64)} b\r\n`,
    () => `${pick(rng, ['mx', 'mgg', 'm', 'MG', 'mG'])} ${k}\r\n`,
  ];
  return texts[rng.int(texts.length)]!();
}

export function generateMetaStream(seed: number, count: number): StreamCommand[] {
  const rng = engineRng(seed);
  const out: StreamCommand[] = [];
  for (let i = 0; i < count; i++) {
    const bad = rng.next() < 0.27;
    out.push({ text: bad ? badCommand(rng) : goodCommand(rng), bad });
  }
  return out;
}
