/**
 * How redis-server 7.0 sizes the sds buffer behind a raw string (sds.c): `sdsnewlen` asks for
 * exactly header + length + 1 and records what the allocator really gave as `alloc`;
 * `sdsMakeRoomFor` (APPEND, SETRANGE, SETBIT, BITFIELD…) doubles the request below 1 MB
 * (SDS_MAX_PREALLOC) and adds 1 MB above, so a string grown byte by byte reallocates only
 * log(n) times. used_memory and MEMORY USAGE count the allocator's usable size.
 */
import type { BinStr } from '../bytes';
import type { Entry } from './entry';
import { StrEnc } from './entry';
import { ROBJ, jemallocSize } from './memory';

/** SDS_MAX_PREALLOC: greedy growth doubles below this size and adds this much above it. */
const MAX_PREALLOC = 1024 * 1024;

/** An sds buffer as Redis sizes it. */
export interface SdsSize {
  /** The header's `alloc` field: bytes usable for content (type 5 headers have none: = len). */
  readonly alloc: number;
  /** The allocator's usable size of the whole buffer (header + content + NUL + slack). */
  readonly usable: number;
}

/** sdsReqType as header bytes: type 5 (1), 8 (3), 16 (5), 32 (9), 64 (17). */
function headerFor(len: number, allowType5: boolean): number {
  if (len < 32 && allowType5) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  if (len < 2 ** 32) return 9;
  return 17;
}

/** sdsTypeMaxSize: the largest `alloc` a header can record. */
function maxAlloc(header: number): number {
  if (header === 3) return 255;
  if (header === 5) return 65535;
  if (header === 9) return 2 ** 32 - 1;
  return Number.MAX_SAFE_INTEGER;
}

function sized(header: number, request: number, len: number): SdsSize {
  const usable = jemallocSize(header + request + 1);
  return { alloc: header === 1 ? len : Math.min(usable - header - 1, maxAlloc(header)), usable };
}

/** sdsnewlen(len): type 5 for short strings (no spare room), except the empty string (type 8). */
export function sdsNewLen(len: number): SdsSize {
  return sized(headerFor(len, len !== 0), len, len);
}

/**
 * sdsMakeRoomFor(s, newLen - len) with greedy growth, then the length set to `newLen`
 * (sdsgrowzero, sdscatlen). Returns `s` unchanged while the spare room suffices.
 */
export function sdsGrow(s: SdsSize, len: number, newLen: number): SdsSize {
  if (s.alloc - len >= newLen - len) return s;
  const request = newLen < MAX_PREALLOC ? newLen * 2 : newLen + MAX_PREALLOC;
  return sized(headerFor(request, false), request, newLen);
}

/**
 * The buffer a string command writes into (dbUnshareStringValue): a raw string's own, or a
 * fresh sdsnewlen copy of an int or embstr value.
 */
export function sdsOf(e: Entry & { value: BinStr }): SdsSize {
  if (e.enc === StrEnc.Raw) return { alloc: e.sdsAlloc, usable: e.bytes - ROBJ };
  return sdsNewLen(e.value.length);
}
