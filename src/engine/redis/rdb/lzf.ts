/**
 * LZF as Redis uses it (lzf_c.c / lzf_d.c 3.6 with Redis's lzfP.h: HLOG 16, VERY_FAST,
 * CHECK_INPUT), our own port. Compressed format:
 *   000LLLLL <L+1 bytes>          literal run of 1..32 bytes
 *   LLLooooo oooooooo             back reference of L+2 (3..8) bytes at distance o+1
 *   111ooooo LLLLLLLL oooooooo    back reference of L+9 bytes at distance o+1
 *
 * The compressor follows lzf_compress step by step (same hash, same match rules, including
 * "never reference offset 0" and the out_len budget), so for a given input it emits the bytes
 * redis-server emits when its hash table starts empty. Redis leaves that table uninitialised
 * (INIT_HTAB 0): stale slots can only add valid matches, so its output may differ from ours in
 * rare cases but always decompresses to the same bytes.
 */

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/**
 * The hash table holds `generation + position`; slots below the current call's generation are
 * empty. Bumping the generation per call stands for lzf's fresh table without clearing 256 KB
 * for every string (a save compresses one string per value).
 */
const htab = new Float64Array(HSIZE);
let generation = 1;

/** IDX(h) for VERY_FAST: ((h >> 8) - h*5) & (HSIZE - 1), in 32-bit unsigned arithmetic. */
function idx(h: number): number {
  return ((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) & (HSIZE - 1);
}

/**
 * lzf_compress(input, out_len = outLen): returns the compressed length written to `out`, or 0
 * when the result would not fit in `outLen` bytes (the caller then stores the data verbatim).
 * `out` must have room for outLen + 1 bytes (Redis allocates outlen + 1).
 */
export function lzfCompress(
  input: Uint8Array,
  inLen: number,
  out: Uint8Array,
  outLen: number,
): number {
  if (inLen === 0 || outLen === 0) return 0;
  if (generation + inLen + 2 > 2 ** 52) {
    htab.fill(0);
    generation = 1;
  }
  const base = generation;
  generation += inLen + 1;
  const ip0 = input;
  const inEnd = inLen;
  const outEnd = outLen;
  let ip = 0;
  let op = 0;
  let lit = 0;
  op++; // start run
  let hval = (ip0[0]! << 8) | ip0[1]!;
  while (ip < inEnd - 2) {
    hval = (hval << 8) | ip0[ip + 2]!;
    const slot = idx(hval);
    const stored = htab[slot]!;
    const ref = stored >= base ? stored - base : -1;
    htab[slot] = base + ip;
    let off: number;
    if (
      ref > 0 && // `ref > in_data`: a match never starts at offset 0; -1 = empty slot
      (off = ip - ref - 1) < MAX_OFF &&
      ip0[ref + 2] === ip0[ip + 2] &&
      ip0[ref] === ip0[ip] &&
      ip0[ref + 1] === ip0[ip + 1]
    ) {
      let len = 2;
      let maxlen = inEnd - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      if (op + 3 + 1 >= outEnd && op - (lit === 0 ? 1 : 0) + 3 + 1 >= outEnd) return 0;
      out[op - lit - 1] = lit - 1; // stop run
      op -= lit === 0 ? 1 : 0; // undo run if length is zero
      let matched16 = false;
      if (maxlen > 16) {
        matched16 = true;
        for (let k = 0; k < 16; k++) {
          len++;
          if (ip0[ref + len] !== ip0[ip + len]) {
            matched16 = false;
            break;
          }
        }
      }
      if (maxlen <= 16 || matched16) {
        do len++;
        while (len < maxlen && ip0[ref + len] === ip0[ip + len]);
      }
      len -= 2; // len is now #octets - 1
      ip++;
      if (len < 7) {
        out[op++] = (off >> 8) + (len << 5);
      } else {
        out[op++] = (off >> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      // VERY_FAST: hash the last two positions of the match too.
      ip -= 2;
      hval = (ip0[ip]! << 8) | ip0[ip + 1]!;
      hval = (hval << 8) | ip0[ip + 2]!;
      htab[idx(hval)] = base + ip;
      ip++;
      hval = (hval << 8) | ip0[ip + 2]!;
      htab[idx(hval)] = base + ip;
      ip++;
    } else {
      if (op >= outEnd) return 0;
      lit++;
      out[op++] = ip0[ip++]!;
      if (lit === MAX_LIT) {
        out[op - lit - 1] = lit - 1;
        lit = 0;
        op++;
      }
    }
  }
  if (op + 3 > outEnd) return 0; // at most 3 bytes can be missing here
  while (ip < inEnd) {
    lit++;
    out[op++] = ip0[ip++]!;
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1; // end run
  op -= lit === 0 ? 1 : 0;
  return op;
}

/**
 * lzf_decompress into exactly `outLen` bytes. Returns the bytes, or null when the input is
 * malformed or does not expand to exactly `outLen` bytes (Redis: "Invalid LZF compressed string").
 * With `into`, expands into that buffer and returns a view of it.
 */
export function lzfDecompress(
  input: Uint8Array,
  start: number,
  end: number,
  outLen: number,
  into?: Uint8Array,
): Uint8Array | null {
  // `into` (at least outLen bytes) saves an allocation per string; the result is then a view of it.
  const out = into === undefined ? new Uint8Array(outLen) : into.subarray(0, outLen);
  let ip = start;
  let op = 0;
  while (ip < end) {
    let ctrl = input[ip++]!;
    if (ctrl < 1 << 5) {
      ctrl++;
      if (op + ctrl > outLen || ip + ctrl > end) return null;
      out.set(input.subarray(ip, ip + ctrl), op);
      op += ctrl;
      ip += ctrl;
    } else {
      let len = ctrl >> 5;
      let ref = op - ((ctrl & 0x1f) << 8) - 1;
      if (ip >= end) return null;
      if (len === 7) {
        len += input[ip++]!;
        if (ip >= end) return null;
      }
      ref -= input[ip++]!;
      if (op + len + 2 > outLen || ref < 0) return null;
      len += 2;
      // Byte by byte: the source may overlap what is being written (runs).
      for (let k = 0; k < len; k++) out[op++] = out[ref++]!;
    }
  }
  return op === outLen ? out : null;
}
