/**
 * Typed RESP replies. Handlers return these values; the TCP server encodes them to RESP2 and the
 * console formats them as redis-cli does. Errors are values, never exceptions.
 */
import type { BinStr } from './bytes';

export type Reply =
  | { readonly kind: 'simple'; readonly value: string }
  | { readonly kind: 'error'; readonly message: string }
  /** 64-bit integers: a number when safe, a bigint beyond 2^53 (INCR near INT64_MAX). */
  | { readonly kind: 'int'; readonly value: number | bigint }
  | { readonly kind: 'bulk'; readonly value: BinStr }
  /** RESP2 null bulk string `$-1`. */
  | { readonly kind: 'null' }
  /** RESP2 null array `*-1` (EXEC aborted by WATCH, BLPOP timeout). */
  | { readonly kind: 'null-array' }
  | { readonly kind: 'array'; readonly items: readonly Reply[] }
  // RESP3 types (HELLO 3). Handlers produce them only for a RESP3 connection (resp3.ts);
  // encodeReply downgrades them as redis-server does for RESP2 all the same.
  /** `%`: key, value, key, value… (RESP2: a flat array). */
  | { readonly kind: 'map'; readonly items: readonly Reply[] }
  /** `~` (RESP2: an array). */
  | { readonly kind: 'set'; readonly items: readonly Reply[] }
  /** `,`: `text` is what redis prints (%.17g, inf, or a human long double). RESP2: a bulk. */
  | { readonly kind: 'double'; readonly text: string }
  /** `#t` / `#f` (RESP2: :1 / :0). */
  | { readonly kind: 'bool'; readonly value: boolean }
  /** `=`: a 3-letter format (`txt`) and the text (RESP2: a bulk of the text). */
  | { readonly kind: 'verbatim'; readonly format: string; readonly value: BinStr }
  /** `(`: a big number's digits (RESP2: a bulk). */
  | { readonly kind: 'bignum'; readonly value: string }
  /** `>`: an out-of-band message, pub/sub (RESP2: an array). */
  | { readonly kind: 'push'; readonly items: readonly Reply[] };

export type ErrorReply = Extract<Reply, { kind: 'error' }>;

const OK: Reply = Object.freeze({ kind: 'simple', value: 'OK' });
const QUEUED: Reply = Object.freeze({ kind: 'simple', value: 'QUEUED' });
const PONG: Reply = Object.freeze({ kind: 'simple', value: 'PONG' });
const NIL: Reply = Object.freeze({ kind: 'null' });
const NIL_ARRAY: Reply = Object.freeze({ kind: 'null-array' });
const EMPTY_ARRAY: Reply = Object.freeze({
  kind: 'array',
  items: Object.freeze([]) as readonly Reply[],
});
const EMPTY_BULK: Reply = Object.freeze({ kind: 'bulk', value: '' });

// Small integers are shared, like Redis's shared.integers, so counters and 0/1 replies allocate nothing.
const SMALL_INTS: Reply[] = [];
for (let i = -2; i < 1024; i++) SMALL_INTS.push(Object.freeze({ kind: 'int', value: i }));

export const WRONGTYPE_MESSAGE =
  'WRONGTYPE Operation against a key holding the wrong kind of value';
const WRONGTYPE: ErrorReply = Object.freeze({ kind: 'error', message: WRONGTYPE_MESSAGE });
const SYNTAX: ErrorReply = Object.freeze({ kind: 'error', message: 'ERR syntax error' });
const NOT_INT: ErrorReply = Object.freeze({
  kind: 'error',
  message: 'ERR value is not an integer or out of range',
});
const NOT_FLOAT: ErrorReply = Object.freeze({
  kind: 'error',
  message: 'ERR value is not a valid float',
});

export const reply = {
  ok: (): Reply => OK,
  queued: (): Reply => QUEUED,
  pong: (): Reply => PONG,
  simple: (value: string): Reply => (value === 'OK' ? OK : { kind: 'simple', value }),
  /** `message` is the full text after the `-`, starting with its code: `ERR …`, `WRONGTYPE …`. */
  error: (message: string): ErrorReply => ({ kind: 'error', message }),
  wrongType: (): ErrorReply => WRONGTYPE,
  syntax: (): ErrorReply => SYNTAX,
  notInteger: (): ErrorReply => NOT_INT,
  notFloat: (): ErrorReply => NOT_FLOAT,
  int: (value: number | bigint): Reply => {
    if (typeof value === 'number') {
      if (value >= -2 && value < 1022 && (value | 0) === value) return SMALL_INTS[value + 2]!;
      return { kind: 'int', value };
    }
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? reply.int(Number(value))
      : { kind: 'int', value };
  },
  bulk: (value: BinStr): Reply => (value.length === 0 ? EMPTY_BULK : { kind: 'bulk', value }),
  /** A bulk or nil: `GET`-style. */
  bulkOrNil: (value: BinStr | undefined): Reply => (value === undefined ? NIL : reply.bulk(value)),
  nil: (): Reply => NIL,
  nilArray: (): Reply => NIL_ARRAY,
  array: (items: readonly Reply[]): Reply =>
    items.length === 0 ? EMPTY_ARRAY : { kind: 'array', items },
  emptyArray: (): Reply => EMPTY_ARRAY,
  /** An array of bulk strings. */
  bulks: (values: readonly BinStr[]): Reply => reply.array(values.map(reply.bulk)),
} as const;

export function isError(r: Reply): r is ErrorReply {
  return r.kind === 'error';
}
