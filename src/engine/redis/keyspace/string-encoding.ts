/** How Redis encodes a string object, and what that costs in the used_memory model. */
import type { BinStr } from '../bytes';
import { parseInt64 } from '../args';
import { StrEnc } from './entry';
import type { KeyEntry } from './entry';
import { EMBSTR_MAX, ROBJ, stringValueBytes } from './memory';
import { sdsNewLen } from './sds';

/**
 * 'auto' = tryObjectEncoding (int / embstr / raw; SET, GETSET, MSET…), 'string' = embstr or raw
 * but never int (INCRBYFLOAT), 'raw' = always raw (APPEND, SETRANGE modify an sds in place),
 * 'int' = an integer object of its own, never a shared one (COPY of an integer: dupStringObject).
 */
export type StringEncoding = 'auto' | 'string' | 'raw' | 'int';

/** Sets `e.enc` and `e.bytes` for a string value; shared integers 0..9999 cost nothing. */
export function encodeString(
  e: KeyEntry,
  value: BinStr,
  enc: StringEncoding,
  sharedIntegers: boolean,
): void {
  const len = value.length;
  if (enc === 'int') {
    e.enc = StrEnc.Int;
    e.bytes = stringValueBytes(len, StrEnc.Int, false);
    return;
  }
  if (enc === 'auto' && len <= 20 && len > 0) {
    const n = parseInt64(value);
    if (n !== null) {
      const shared = n >= 0 && n < 10000 && sharedIntegers;
      e.enc = shared ? StrEnc.SharedInt : StrEnc.Int;
      e.bytes = stringValueBytes(len, e.enc, shared);
      return;
    }
  }
  if (enc !== 'raw' && len <= EMBSTR_MAX) {
    e.enc = StrEnc.Embstr;
    e.bytes = stringValueBytes(len, StrEnc.Embstr, false);
    return;
  }
  // createRawStringObject: a fresh sdsnewlen buffer (its slack is recorded for later growth).
  // tryObjectEncoding then trims it (trimStringObjectIfNeeded, object.c): more than len / 10
  // spare bytes are given back by sdsRemoveFreeSpace, which keeps the same jemalloc bin (the
  // size is already optimal) but records alloc = len — so a later SETRANGE / APPEND grows it.
  const sds = sdsNewLen(len);
  e.enc = StrEnc.Raw;
  e.bytes = ROBJ + sds.usable;
  e.sdsAlloc = enc === 'auto' && sds.alloc - len > Math.floor(len / 10) ? len : sds.alloc;
}
