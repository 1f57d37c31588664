/**
 * x87 80-bit `long double` arithmetic, as HINCRBYFLOAT/INCRBYFLOAT use it on x86-64 Linux:
 * strtold parsing (string2ld), addition, and `%.17Lf` printing with trailing zeros removed
 * (ld2string LD_STR_HUMAN). A JS double cannot reproduce replies such as
 * `HINCRBYFLOAT h f 1000.1` → "1000.09999999999999998" or the 400-digit reply to an increment
 * of 1e400, so values are exact BigInt mantissas (64 bits, round-half-even) times powers of two.
 */
import { strtoldClear } from '../server/errno';

/** A finite long double m × 2^e with |m| < 2^64, or ±Infinity. Zero is m = 0n. */
export type FiniteLd = { readonly m: bigint; readonly e: number };
export type InfiniteLd = { readonly inf: 1 | -1 };
export type LongDouble = FiniteLd | InfiniteLd;

const MANT_BITS = 64;
/** 2^16384 overflows (LDBL_MAX ≈ 1.19e4932); below 2^-16445 (smallest subnormal) is zero. */
const MAX_EXP = 16384;
const MIN_EXP = -16445;

const bitLength = (x: bigint): number => (x === 0n ? 0 : x.toString(2).length);
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** num/den (den > 0) rounded to the nearest long double, ties to even. */
function fromRational(num: bigint, den: bigint): LongDouble {
  if (num === 0n) return { m: 0n, e: 0 };
  const neg = num < 0n;
  const n = abs(num);
  // Scale so the quotient has at least MANT_BITS + 2 bits; the remainder is the sticky bit.
  const shift = MANT_BITS + 3 - (bitLength(n) - bitLength(den));
  const scaledNum = shift >= 0 ? n << BigInt(shift) : n;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  let q = scaledNum / scaledDen;
  const sticky = scaledNum % scaledDen !== 0n;
  let e = -shift;
  let extra = bitLength(q) - MANT_BITS;
  if (e + extra < MIN_EXP) extra = MIN_EXP - e; // subnormal: fewer mantissa bits
  if (extra > 0) {
    const low = q & ((1n << BigInt(extra)) - 1n);
    const half = 1n << BigInt(extra - 1);
    q >>= BigInt(extra);
    e += extra;
    if (low > half || (low === half && (sticky || (q & 1n) === 1n))) q += 1n;
  }
  if (bitLength(q) > MANT_BITS) {
    q >>= 1n;
    e += 1;
  }
  if (q === 0n) return { m: 0n, e: 0 };
  if (e + bitLength(q) > MAX_EXP) return { inf: neg ? -1 : 1 };
  return { m: neg ? -q : q, e };
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

const DEC = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/;
const INF = /^([+-]?)(inf|infinity)$/i;

/**
 * string2ld: strtold over the whole string, rejecting spaces, NaN, overflow and underflow to 0.
 * It leaves errno as string2ld does (see server/errno.ts), unless `viaString2ld` is false:
 * Redis reads integer-encoded values without string2ld.
 */
export function parseLongDouble(s: string, viaString2ld = true): LongDouble | null {
  if (s.length === 0 || s.length >= 5 * 1024) return null;
  if (viaString2ld) strtoldClear(s);
  const inf = INF.exec(s);
  if (inf) return { inf: inf[1] === '-' ? -1 : 1 };
  let sign: string;
  let num: bigint;
  let den = 1n;
  const hex = HEX.exec(s);
  const dec = hex ? null : DEC.exec(s);
  if (hex) {
    const int = hex[2] ?? '';
    const frac = hex[3] ?? '';
    if (int.length + frac.length === 0) return null;
    sign = hex[1]!;
    num = BigInt('0x' + (int + frac || '0'));
    let exp = Number(hex[4] ?? '0') - 4 * frac.length;
    if (exp > 20000) exp = 20000;
    if (exp < -20000) exp = -20000;
    if (exp >= 0) num <<= BigInt(exp);
    else den = 1n << BigInt(-exp);
  } else if (dec) {
    const int = dec[2] ?? '';
    const frac = dec[3] ?? '';
    if (int.length + frac.length === 0) return null;
    sign = dec[1]!;
    num = BigInt(int + frac || '0');
    let exp = Number(dec[4] ?? '0') - frac.length;
    if (num === 0n) exp = 0;
    if (exp > 6000) return null; // certain overflow (ERANGE): rejected
    if (exp < -12000) return null; // underflow to zero: rejected
    if (exp >= 0) num *= pow10(exp);
    else den = pow10(-exp);
  } else {
    return null;
  }
  const v = fromRational(sign === '-' ? -num : num, den);
  if ('inf' in v) return null;
  if (v.m === 0n && num !== 0n) return null;
  return v;
}

export function longDoubleFromInt(n: bigint): LongDouble {
  return fromRational(n, 1n);
}

export function isFiniteLd(v: LongDouble): v is FiniteLd {
  return !('inf' in v);
}

const infSign = (v: LongDouble): number => ('inf' in v ? v.inf : 0);

/** a + b, rounded once (x87 in round-to-nearest). */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (!isFiniteLd(a) || !isFiniteLd(b)) {
    if (infSign(a) !== 0 && infSign(b) !== 0 && infSign(a) !== infSign(b)) return { inf: 1 }; // NaN: callers reject non-finite
    return isFiniteLd(a) ? b : a;
  }
  const e = Math.min(a.e, b.e);
  const sum = (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e));
  return e >= 0 ? fromRational(sum << BigInt(e), 1n) : fromRational(sum, 1n << BigInt(-e));
}

/** ld2string(LD_STR_HUMAN): `%.17Lf`, trailing zeros and a bare point removed, "-0" → "0". */
export function formatLongDoubleHuman(v: LongDouble): string {
  if (!isFiniteLd(v)) return infSign(v) > 0 ? 'inf' : '-inf';
  const neg = v.m < 0n;
  const m = abs(v.m);
  let scaled: bigint; // value × 10^17, rounded half-even
  if (v.e >= 0) scaled = (m << BigInt(v.e)) * pow10(17);
  else {
    const num = m * pow10(17);
    const den = 1n << BigInt(-v.e);
    scaled = num / den;
    const rem = num % den;
    if (rem * 2n > den || (rem * 2n === den && (scaled & 1n) === 1n)) scaled += 1n;
  }
  let digits = scaled.toString().padStart(18, '0');
  let out = `${digits.slice(0, -17)}.${digits.slice(-17)}`;
  out = out.replace(/0+$/, '').replace(/\.$/, '');
  digits = out;
  if (neg && digits !== '0') return '-' + digits;
  return digits;
}

/** The same printing for a JS double (GEOPOS coordinates use addReplyHumanLongDouble). */
export function formatDoubleHuman(d: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return '0';
  return formatLongDoubleHuman(exactDouble(d));
}

/** The exact value of a finite double as m × 2^e. */
export function exactDouble(d: number): LongDouble {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, d);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  return { m: d < 0 ? -mant : mant, e };
}
