import { defineCommand, ONE_KEY } from '../../command';
import type { Argv } from '../../command';
import type { Client } from '../../client';
import { binToBytes, bytesToBin, cstr, eqi } from '../../bytes';
import { parseInt64Exact } from '../../args';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import type { ErrorReply, Reply } from '../../reply';
import { bitTarget, parseBitOffset } from './bit-string';
import { checkSigned, checkUnsigned, getSigned, getUnsigned, setBits } from './bitfield-ops';
import type { Overflow } from './bitfield-ops';

interface FieldOp {
  readonly op: 'get' | 'set' | 'incrby';
  readonly signed: boolean;
  readonly bits: number;
  readonly offset: number;
  readonly value: bigint;
  readonly overflow: Overflow;
}

const BAD_TYPE = reply.error(
  'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.',
);

/** getBitfieldTypeFromArgument: i1..i64 or u1..u63 (the width is read as a C string). */
function parseType(arg: string): { signed: boolean; bits: number } | ErrorReply {
  const sign = arg.charCodeAt(0);
  if (sign !== 105 /* i */ && sign !== 117 /* u */) return BAD_TYPE;
  const bits = parseInt64Exact(cstr(arg.slice(1)));
  const signed = sign === 105;
  if (bits === null || bits < 1n || bits > (signed ? 64n : 63n)) return BAD_TYPE;
  return { signed, bits: Number(bits) };
}

/** Parses every subcommand first, as Redis does, so a bad one anywhere changes nothing. */
function parseOps(argv: Argv, maxBytes: number): FieldOp[] | ErrorReply {
  const ops: FieldOp[] = [];
  let overflow: Overflow = 'wrap';
  for (let j = 2; j < argv.length; j++) {
    const rem = argv.length - j - 1;
    const sub = argv[j]!;
    let op: FieldOp['op'];
    if (eqi(sub, 'get') && rem >= 2) op = 'get';
    else if (eqi(sub, 'set') && rem >= 3) op = 'set';
    else if (eqi(sub, 'incrby') && rem >= 3) op = 'incrby';
    else if (eqi(sub, 'overflow') && rem >= 1) {
      const kind = argv[++j]!;
      if (eqi(kind, 'wrap')) overflow = 'wrap';
      else if (eqi(kind, 'sat')) overflow = 'sat';
      else if (eqi(kind, 'fail')) overflow = 'fail';
      else return reply.error('ERR Invalid OVERFLOW type specified');
      continue;
    } else return reply.syntax();
    const type = parseType(argv[j + 1]!);
    if ('kind' in type) return type;
    const offset = parseBitOffset(argv[j + 2]!, type.bits, maxBytes);
    if (typeof offset !== 'number') return offset;
    let value = 0n;
    if (op !== 'get') {
      const v = parseInt64Exact(argv[j + 3]!);
      if (v === null) return reply.notInteger();
      value = v;
    }
    ops.push({ op, ...type, offset, value, overflow });
    j += op === 'get' ? 2 : 3;
  }
  return ops;
}

/** Runs one SET or INCRBY on `p`: the reply, and whether the field changed. */
function write(p: Uint8Array, o: FieldOp): { r: Reply; changed: boolean } {
  const old = o.signed ? getSigned(p, o.offset, o.bits) : getUnsigned(p, o.offset, o.bits);
  let next: bigint;
  let overflow: number;
  let limit: bigint;
  if (o.op === 'incrby') {
    [overflow, limit] = o.signed
      ? checkSigned(old, o.value, o.bits, o.overflow)
      : checkUnsigned(old, o.value, o.bits, o.overflow);
    next = overflow ? limit : o.signed ? old + o.value : BigInt.asUintN(64, old + o.value);
  } else {
    const v = o.signed ? o.value : BigInt.asUintN(64, o.value);
    [overflow, limit] = o.signed
      ? checkSigned(v, 0n, o.bits, o.overflow)
      : checkUnsigned(v, 0n, o.bits, o.overflow);
    next = overflow ? limit : v;
  }
  // OVERFLOW FAIL: nothing is written and the reply is nil.
  if (overflow && o.overflow === 'fail') return { r: reply.nil(), changed: false };
  setBits(p, o.offset, o.bits, next);
  return { r: reply.int(o.op === 'incrby' ? next : old), changed: old !== next };
}

function read(p: Uint8Array, o: FieldOp): Reply {
  return reply.int(o.signed ? getSigned(p, o.offset, o.bits) : getUnsigned(p, o.offset, o.bits));
}

function bitfieldGeneric(c: Client, argv: Argv, readonlyCommand: boolean): Reply {
  const ops = parseOps(argv, c.engine.config['proto-max-bulk-len']);
  if ('kind' in ops) return ops;
  const key = argv[1]!;
  const writes = ops.filter((o) => o.op !== 'get');
  if (writes.length === 0) {
    const e = c.db.lookupRead(key);
    if (e !== undefined && e.type !== 'string') return reply.wrongType();
    const p = e === undefined ? new Uint8Array(0) : binToBytes(e.value);
    return reply.array(ops.map((o) => read(p, o)));
  }
  if (readonlyCommand) return reply.error('ERR BITFIELD_RO only supports the GET subcommand');
  const highest = Math.max(...writes.map((o) => o.offset + o.bits - 1));
  const t = bitTarget(c, key, highest);
  if ('kind' in t) return t;
  const p = binToBytes(t.value);
  let changes = false;
  const out = ops.map((o) => {
    if (o.op === 'get') return read(p, o);
    const { r, changed } = write(p, o);
    // A write counts as a change when the field changed or the string was created or grown.
    if (r.kind !== 'null' && (changed || t.dirty)) changes = true;
    return r;
  });
  c.db.storeRawString(key, bytesToBin(p), t.sds);
  if (changes) {
    c.db.signalModified(key);
    c.db.notify(NC.STRING, 'setbit', key);
  }
  return reply.array(out);
}

export const bitfield = defineCommand({
  name: 'bitfield',
  arity: -2,
  flags: ['write', 'denyoom'],
  keys: ONE_KEY,
  group: 'bitmap',
  syntax:
    'BITFIELD key [GET encoding offset | [OVERFLOW <WRAP | SAT | FAIL>] <SET encoding offset value | INCRBY encoding offset increment> ...]',
  summary:
    'Reads, writes and increments integers of any width (i1..i64, u1..u63) at bit offsets of a string.',
  run: (c, argv) => bitfieldGeneric(c, argv, false),
});

export const bitfieldRo = defineCommand({
  name: 'bitfield_ro',
  arity: -2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'bitmap',
  syntax: 'BITFIELD_RO key [GET encoding offset ...]',
  summary: 'BITFIELD limited to GET, for read-only connections and replicas.',
  run: (c, argv) => bitfieldGeneric(c, argv, true),
});
