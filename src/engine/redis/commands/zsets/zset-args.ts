/**
 * Range and score arguments of the sorted-set commands (t_zset.c zslParseRange,
 * zslParseLexRange) and their replies. Score ranges use plain strtod, unlike ZADD's scores:
 * leading spaces, an empty string (= 0), "(" alone (= exclusive 0) and overflow to ±inf are
 * accepted; only NaN and trailing garbage are errors.
 */
import type { BinStr } from '../../bytes';
import { formatDouble } from '../../args';
import { reply, type ErrorReply, type Reply } from '../../reply';
import type { LexRange, ScoreRange } from '../../structures/skiplist';
import { strtodKeep } from '../../server/errno';
import { doubleTextReply } from '../../resp3';
import type { Client } from '../../client';

const SPACE = /^[ \t\n\v\f\r]*/;
const DEC = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?[0-9]+))?$/;
const INF = /^([+-]?)(inf|infinity)$/i;

/** C strtod over the whole string (NaN rejected). */
export function strtodWhole(s: BinStr): number | null {
  const body = s.slice(SPACE.exec(s)![0].length);
  if (body.length === 0) return s.length === 0 ? 0 : null;
  if (DEC.test(body)) return Number(body);
  const inf = INF.exec(body);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  const hex = HEX.exec(body);
  if (hex && (hex[2]!.length > 0 || hex[3]!.length > 0)) {
    const mant = parseInt((hex[2] || '0') + (hex[3] ?? ''), 16);
    const v = mant * Math.pow(2, Number(hex[4] ?? '0') - 4 * (hex[3] ?? '').length);
    return hex[1] === '-' ? -v : v;
  }
  return null;
}

function scoreBound(s: BinStr): { v: number; ex: boolean } | null {
  const ex = s.charCodeAt(0) === 40; // '('
  strtodKeep(ex ? s.slice(1) : s); // zslParseRange's bare strtod (see server/errno.ts)
  const v = strtodWhole(ex ? s.slice(1) : s);
  return v === null ? null : { v, ex };
}

export const NOT_FLOAT_RANGE: ErrorReply = reply.error('ERR min or max is not a float');
export const NOT_LEX_RANGE: ErrorReply = reply.error('ERR min or max not valid string range item');

export function parseScoreRange(min: BinStr, max: BinStr): ScoreRange | null {
  const a = scoreBound(min);
  if (a === null) return null;
  const b = scoreBound(max);
  if (b === null) return null;
  return { min: a.v, max: b.v, minEx: a.ex, maxEx: b.ex };
}

/** An empty range when min is `+` or max is `-` (nothing sorts past them). */
export type ParsedLex = LexRange<BinStr> & { empty: boolean };

function lexBound(s: BinStr): { v: BinStr | '+' | '-'; ex: boolean } | null {
  const c = s.charCodeAt(0);
  if (c === 43 || c === 45) return s.length === 1 ? { v: c === 43 ? '+' : '-', ex: true } : null;
  if (c === 40) return { v: s.slice(1), ex: true };
  if (c === 91) return { v: s.slice(1), ex: false };
  return null;
}

export function parseLexRange(min: BinStr, max: BinStr): ParsedLex | null {
  const a = lexBound(min);
  const b = lexBound(max);
  if (a === null || b === null) return null;
  // lexBound returns the one-char markers only for a bare "+" / "-".
  const aMark = min.length === 1 && (a.v === '+' || a.v === '-');
  const bMark = max.length === 1 && (b.v === '+' || b.v === '-');
  const empty = (aMark && a.v === '+') || (bMark && b.v === '-');
  return {
    min: aMark ? null : (a.v as BinStr),
    max: bMark ? null : (b.v as BinStr),
    minEx: a.ex,
    maxEx: b.ex,
    empty,
  };
}

/** addReplyDouble of a score: `%.17g`, inf/-inf; a bulk in RESP2, a double in RESP3. */
export function scoreReply(c: Client, score: number): Reply {
  return doubleTextReply(c, formatScore(score));
}

/** `%.17g` with a fast path: integers below 1e17 print as their plain digits under %.17g too. */
export function formatScore(score: number): string {
  if (Number.isInteger(score) && score < 1e17 && score > -1e17 && !Object.is(score, -0))
    return String(score);
  return formatDouble(score);
}
