// memcached parses numbers with C's strtoul/strtol/strtoull (util.c safe_strto*) and then
// stores some into 32-bit variables. These helpers reproduce that on 64-bit Linux, truncation
// included, because the daemon's replies depend on it (flags 4294967301 is stored as 5).

const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const I64_MIN = -(1n << 63n);

/** C isspace() in the "C" locale. */
export function isCSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

interface Scan {
  /** The parsed magnitude with sign applied (BigInt, unbounded). */
  value: bigint;
  /** Index just past the digits, or -1 when no digits were found (str == endptr). */
  end: number;
  negative: boolean;
}

function scanDecimal(s: string): Scan {
  let i = 0;
  while (i < s.length && isCSpace(s.charCodeAt(i))) i++;
  let negative = false;
  const sign = s.charCodeAt(i);
  if (sign === 0x2b || sign === 0x2d) {
    negative = sign === 0x2d;
    i++;
  }
  const digitsStart = i;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    i++;
  }
  if (i === digitsStart) return { value: 0n, end: -1, negative };
  const magnitude = BigInt(s.slice(digitsStart, i));
  return { value: negative ? -magnitude : magnitude, end: i, negative };
}

/** The character after the number must be whitespace or the end of the token. */
function tailOk(s: string, end: number): boolean {
  return end === s.length || isCSpace(s.charCodeAt(end));
}

/** strtoull/strtoul on a 64-bit machine: returns the unsigned 64-bit result or null (ERANGE / no digits). */
function strtoull(s: string): { value: bigint; end: number } | null {
  const scan = scanDecimal(s);
  if (scan.end < 0) return null;
  const magnitude = scan.negative ? -scan.value : scan.value;
  if (magnitude > U64_MAX) return null; // ERANGE
  // strtoull negates in unsigned arithmetic for a leading '-'.
  const value = scan.negative ? (U64_MAX + 1n - magnitude) & U64_MAX : magnitude;
  return { value, end: scan.end };
}

/** safe_strtoull: a uint64 as BigInt, or null. */
export function safeStrtoull(s: string): bigint | null {
  const r = strtoull(s);
  if (r === null || !tailOk(s, r.end)) return null;
  // "only check for negative signs in the uncommon case when the unsigned number is so big
  // that it's negative as a signed number" (util.c).
  if (r.value > I64_MAX && s.includes('-')) return null;
  return r.value;
}

/** safe_strtoul into a uint32_t (unsigned long is 64-bit, so the value is truncated). */
export function safeStrtoul32(s: string): number | null {
  const v = safeStrtoull(s);
  return v === null ? null : Number(v & 0xffffffffn);
}

/** safe_strtol into an int32_t (long is 64-bit: range-checked at 64 bits, then truncated). */
export function safeStrtol32(s: string): number | null {
  const scan = scanDecimal(s);
  if (scan.end < 0) return null;
  if (scan.value > I64_MAX || scan.value < I64_MIN) return null; // ERANGE
  if (!tailOk(s, scan.end)) return null;
  return Number(BigInt.asIntN(32, scan.value));
}

/** Fast path for the typed API: a canonical small decimal such as "42". */
export function isPlainDigits(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
