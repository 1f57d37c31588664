// Random protocol input for robustness runs: mostly command-shaped lines (valid and broken),
// some raw bytes. Used by scripts/fuzz-memcached.ts (1M+ lines) and a smaller unit test.
import type { EngineRng } from '../rng';
import type { MemcachedEngine } from './engine';

const WORDS = [
  'set',
  'add',
  'replace',
  'append',
  'prepend',
  'cas',
  'get',
  'gets',
  'gat',
  'gats',
  'touch',
  'delete',
  'incr',
  'decr',
  'flush_all',
  'version',
  'verbosity',
  'stats',
  'quit',
  'mn',
  'mg',
  'bget',
  'shutdown',
  'noreply',
  'items',
  'slabs',
  'settings',
  'cachedump',
  'detail',
  'reset',
];
const NUMS = [
  '0',
  '1',
  '-1',
  '2',
  '100',
  '250',
  '251',
  '4294967295',
  '4294967296',
  '18446744073709551615',
  '18446744073709551616',
  '99999999999999999999',
  '-0',
  '+5',
  'abc',
  '1048576',
  '1048577',
  '2592001',
  '',
  ' ',
];

/** One random chunk of client input. */
export function fuzzInput(rng: EngineRng): string {
  const r = rng.next();
  if (r < 0.08) {
    let s = '';
    const n = rng.int(64);
    for (let i = 0; i < n; i++) s += String.fromCharCode(rng.int(256));
    return s;
  }
  const parts: string[] = [];
  const n = rng.int(8);
  for (let i = 0; i < n; i++) {
    const k = rng.next();
    if (k < 0.35) parts.push(WORDS[rng.int(WORDS.length)]!);
    else if (k < 0.7) parts.push(NUMS[rng.int(NUMS.length)]!);
    else if (k < 0.95) parts.push(`k${rng.int(20)}`);
    else parts.push('x'.repeat(rng.int(300)));
  }
  let line = parts.join(rng.next() < 0.1 ? '  ' : ' ') + (rng.next() < 0.9 ? '\r\n' : '\n');
  if (/^(set|add|replace|append|prepend|cas) /.test(line) && rng.next() < 0.8) {
    const len = rng.int(40);
    line += 'v'.repeat(len) + (rng.next() < 0.8 ? '\r\n' : 'zz');
  }
  return line;
}

/**
 * Feeds `lines` random inputs to fresh connections (a new one after each close), advancing the
 * clock now and then. Throws whatever the engine throws; returns counts for the report.
 */
export function fuzzEngine(
  engine: MemcachedEngine,
  rng: EngineRng,
  lines: number,
  advance: (ms: number) => void,
): { lines: number; bytesIn: number; bytesOut: number; connections: number } {
  let conn = engine.connect();
  let connections = 1;
  let bytesIn = 0;
  let bytesOut = 0;
  for (let i = 0; i < lines; i++) {
    const s = fuzzInput(rng);
    const bytes = new Uint8Array(s.length);
    for (let j = 0; j < s.length; j++) bytes[j] = s.charCodeAt(j);
    bytesIn += bytes.length;
    bytesOut += conn.feed(bytes).length;
    if (conn.closed) {
      conn = engine.connect();
      connections++;
    }
    if (rng.next() < 0.001) advance(rng.int(120_000));
  }
  return { lines, bytesIn, bytesOut, connections };
}
