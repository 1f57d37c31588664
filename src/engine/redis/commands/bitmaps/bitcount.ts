import { defineCommand, ONE_KEY } from '../../command';
import type { Argv } from '../../command';
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import type { ErrorReply } from '../../reply';
import { popcount, popcountByte } from './bit-string';

/** BIT | BYTE: true for BIT, false for BYTE, or a syntax error. */
function unitArg(arg: BinStr): boolean | ErrorReply {
  if (eqi(arg, 'bit')) return true;
  if (eqi(arg, 'byte')) return false;
  return reply.syntax();
}

/** Clamps a [start, end] range over `total` units, as BITCOUNT and BITPOS convert indexes. */
function clampRange(start: number, end: number, total: number): [number, number] {
  if (start < 0) start = total + start;
  if (end < 0) end = total + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= total) end = total - 1;
  return [start, end];
}

/** Set bits between bit positions `from` and `to` inclusive. */
function countBits(s: BinStr, from: number, to: number): number {
  const first = Math.floor(from / 8);
  const last = Math.floor(to / 8);
  let n = popcount(s, first, last);
  n -= popcountByte(s.charCodeAt(first) & ~(0xff >> (from & 7)));
  n -= popcountByte(s.charCodeAt(last) & (0xff >> ((to & 7) + 1)));
  return n;
}

export const bitcount = defineCommand({
  name: 'bitcount',
  arity: -2,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'bitmap',
  syntax: 'BITCOUNT key [start end [BYTE | BIT]]',
  summary: 'Counts the set bits of the string at key, optionally within a byte or bit range.',
  run: (c, argv) => {
    const e = c.db.lookupRead(argv[1]!);
    if (e === undefined) return reply.int(0);
    if (e.type !== 'string') return reply.wrongType();
    const s = e.value;
    if (argv.length === 2) return reply.int(popcount(s, 0, s.length - 1));
    if (argv.length > 5 || argv.length === 3) return reply.syntax();
    const start = parseInt64(argv[2]!);
    if (start === null) return reply.notInteger();
    const end = parseInt64(argv[3]!);
    if (end === null) return reply.notInteger();
    // Redis answers 0 for this case before it reads the unit argument.
    if (start < 0 && end < 0 && start > end) return reply.int(0);
    const isBit = argv.length === 5 ? unitArg(argv[4]!) : false;
    if (typeof isBit !== 'boolean') return isBit;
    const [from, to] = clampRange(start, end, isBit ? s.length * 8 : s.length);
    if (from > to) return reply.int(0);
    return reply.int(isBit ? countBits(s, from, to) : popcount(s, from, to));
  },
});

/** Parses BITPOS's optional range: [start, end] in bits, whether end was given. */
function bitposRange(
  argv: Argv,
  len: number,
): { from: number; to: number; endGiven: boolean } | ErrorReply {
  const start = parseInt64(argv[3]!);
  if (start === null) return reply.notInteger();
  let isBit = false;
  if (argv.length === 6) {
    const u = unitArg(argv[5]!);
    if (typeof u !== 'boolean') return u;
    isBit = u;
  }
  let end: number;
  if (argv.length >= 5) {
    const parsed = parseInt64(argv[4]!);
    if (parsed === null) return reply.notInteger();
    end = parsed;
  } else {
    end = isBit ? len * 8 + 7 : len - 1;
  }
  const [from, to] = clampRange(start, end, isBit ? len * 8 : len);
  return isBit
    ? { from, to, endGiven: argv.length >= 5 }
    : { from: from * 8, to: to * 8 + 7, endGiven: argv.length >= 5 };
}

export const bitpos = defineCommand({
  name: 'bitpos',
  arity: -3,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'bitmap',
  syntax: 'BITPOS key bit [start [end [BYTE | BIT]]]',
  summary:
    'Position of the first bit set to 1 or 0 in the string at key, optionally within a range.',
  run: (c, argv) => {
    const bit = parseInt64(argv[2]!);
    if (bit === null) return reply.notInteger();
    if (bit !== 0 && bit !== 1) return reply.error('ERR The bit argument must be 1 or 0.');
    const e = c.db.lookupRead(argv[1]!);
    // A missing key is an infinite run of zero bits.
    if (e === undefined) return reply.int(bit ? -1 : 0);
    if (e.type !== 'string') return reply.wrongType();
    const s = e.value;
    let range = { from: 0, to: s.length * 8 - 1, endGiven: false };
    if (argv.length > 6) return reply.syntax();
    if (argv.length > 3) {
      const r = bitposRange(argv, s.length);
      if ('kind' in r) return r;
      range = r;
    }
    if (range.from > range.to) return reply.int(-1);
    for (let i = range.from; i <= range.to;) {
      const b = s.charCodeAt(i >>> 3);
      // Skip whole bytes that cannot contain the bit sought.
      if ((i & 7) === 0 && i + 7 <= range.to && b === (bit ? 0 : 0xff)) {
        i += 8;
        continue;
      }
      if (((b >> (7 - (i & 7))) & 1) === bit) return reply.int(i);
      i++;
    }
    // No clear bit: without an explicit end the string counts as zero-padded on the right.
    if (bit === 1 || range.endGiven) return reply.int(-1);
    return reply.int((Math.floor(range.to / 8) + 1) * 8);
  },
});
