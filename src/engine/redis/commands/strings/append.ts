import { defineCommand, ONE_KEY } from '../../command';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import { sdsGrow, sdsNewLen, sdsOf } from '../../keyspace/sds';
import { NC } from '../../server/notify';

/** proto-max-bulk-len (default 512 MB): Redis refuses to build longer strings (checkStringLength). */
const maxString = (c: { engine: { config: { 'proto-max-bulk-len': number } } }) =>
  c.engine.config['proto-max-bulk-len'];
const TOO_BIG = reply.error('ERR string exceeds maximum allowed size (proto-max-bulk-len)');

export const append = defineCommand({
  name: 'append',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'APPEND key value',
  summary: 'Appends a string to the value at key (creating it) and returns the new length.',
  run: (c, argv) => {
    const db = c.db;
    const e = db.lookupWrite(argv[1]!);
    if (e === undefined) {
      db.setString(argv[1]!, argv[2]!);
      db.notify(NC.STRING, 'append', argv[1]!);
      return reply.int(argv[2]!.length);
    }
    if (e.type !== 'string') return reply.wrongType();
    if (e.value.length + argv[2]!.length > maxString(c)) return TOO_BIG;
    const next = e.value + argv[2]!;
    // sdscatlen on the unshared value: greedy growth, as the memory model must follow.
    db.storeRawString(argv[1]!, next, sdsGrow(sdsOf(e), e.value.length, next.length));
    db.signalModified(argv[1]!);
    db.notify(NC.STRING, 'append', argv[1]!);
    return reply.int(next.length);
  },
});

export const strlen = defineCommand({
  name: 'strlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'STRLEN key',
  summary: 'Returns the length in bytes of the string at key (0 if missing).',
  run: (c, argv) => {
    const e = c.db.lookupRead(argv[1]!);
    if (e === undefined) return reply.int(0);
    return e.type === 'string' ? reply.int(e.value.length) : reply.wrongType();
  },
});

export const getrange = defineCommand({
  name: 'getrange',
  arity: 4,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'GETRANGE key start end',
  summary: 'Returns a substring by byte offsets (negative offsets count from the end).',
  run: (c, argv) => {
    let start = parseInt64(argv[2]!);
    let end = parseInt64(argv[3]!);
    if (start === null || end === null) return reply.notInteger();
    const e = c.db.lookupRead(argv[1]!);
    if (e === undefined) return reply.bulk('');
    if (e.type !== 'string') return reply.wrongType();
    const s = e.value;
    const len = s.length;
    if (start < 0 && end < 0 && start > end) return reply.bulk('');
    if (start < 0) start = len + start;
    if (end < 0) end = len + end;
    if (start < 0) start = 0;
    if (end < 0) end = 0;
    if (end >= len) end = len - 1;
    if (start > end || len === 0) return reply.bulk('');
    return reply.bulk(s.slice(start, end + 1));
  },
});

export const setrange = defineCommand({
  name: 'setrange',
  arity: 4,
  flags: ['write', 'denyoom'],
  keys: ONE_KEY,
  group: 'string',
  syntax: 'SETRANGE key offset value',
  summary:
    'Overwrites part of a string at a byte offset, zero-padding as needed; returns the new length.',
  run: (c, argv) => {
    const offset = parseInt64(argv[2]!);
    if (offset === null) return reply.notInteger();
    if (offset < 0) return reply.error('ERR offset is out of range');
    const db = c.db;
    const value = argv[3]!;
    const e = db.lookupWrite(argv[1]!);
    let cur = '';
    if (e === undefined) {
      if (value.length === 0) return reply.int(0);
    } else {
      if (e.type !== 'string') return reply.wrongType();
      cur = e.value;
      if (value.length === 0) return reply.int(cur.length);
    }
    if (offset + value.length > maxString(c)) return TOO_BIG;
    const padded = cur.length < offset ? cur + '\0'.repeat(offset - cur.length) : cur;
    const next = padded.slice(0, offset) + value + padded.slice(offset + value.length);
    // A new key gets an exact sdsnewlen buffer; an existing one grows greedily (sdsgrowzero).
    const sds =
      e === undefined ? sdsNewLen(next.length) : sdsGrow(sdsOf(e), cur.length, next.length);
    db.storeRawString(argv[1]!, next, sds);
    db.signalModified(argv[1]!);
    db.notify(NC.STRING, 'setrange', argv[1]!);
    return reply.int(next.length);
  },
});
