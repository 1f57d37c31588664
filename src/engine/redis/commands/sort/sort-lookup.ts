/**
 * lookupKeyByPattern (sort.c): `#` is the element itself; otherwise the first `*` of the pattern
 * is replaced by the element and the key read (counted as a hit or miss), and `key->field`
 * reads a hash field. Patterns are C strings to Redis: `#` and `*` are looked for up to a NUL.
 */
import type { BinStr } from '../../bytes';
import { parseInt64 } from '../../args';
import type { Db } from '../../keyspace/db';
import { StrEnc } from '../../keyspace/entry';

/** A value SORT read, and whether Redis holds it as an integer object (no strtod needed). */
export interface Looked {
  readonly value: BinStr;
  readonly int: boolean;
}

/** Whether a listpack stores `s` as an integer (lpStringToInt64), so Redis reads back a number. */
export function listpackInt(s: BinStr): boolean {
  return s.length <= 20 && parseInt64(s) !== null;
}

/** `elemInt`: whether the element itself is an integer object (a list's integer entries). */
export function lookupByPattern(
  db: Db,
  pattern: BinStr,
  elem: BinStr,
  elemInt: boolean,
): Looked | undefined {
  const nul = pattern.indexOf('\0');
  const c = nul === -1 ? pattern : pattern.slice(0, nul);
  if (c === '#') return { value: elem, int: elemInt };
  const star = c.indexOf('*');
  if (star === -1) return undefined;
  const arrow = c.indexOf('->', star + 1);
  let fieldLen = 0;
  let field: BinStr | undefined;
  // A trailing "->" with no field name is part of the key name.
  if (arrow !== -1 && arrow + 2 < c.length) {
    fieldLen = pattern.length - arrow - 2;
    field = pattern.slice(arrow + 2);
  }
  const postfix = pattern.length - (star + 1) - (fieldLen ? fieldLen + 2 : 0);
  const key = pattern.slice(0, star) + elem + pattern.slice(star + 1, star + 1 + postfix);
  const e = db.lookupRead(key);
  if (e === undefined) return undefined;
  if (field !== undefined) {
    if (e.type !== 'hash') return undefined;
    const v = e.value.get(field);
    return v === undefined
      ? undefined
      : { value: v, int: e.value.encoding() === 'listpack' && listpackInt(v) };
  }
  if (e.type !== 'string') return undefined;
  return { value: e.value, int: e.enc === StrEnc.Int || e.enc === StrEnc.SharedInt };
}
