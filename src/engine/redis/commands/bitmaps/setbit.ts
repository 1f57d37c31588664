import { defineCommand, ONE_KEY } from '../../command';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import { bitTarget, parseBitOffset, withByte } from './bit-string';

const BAD_BIT = reply.error('ERR bit is not an integer or out of range');

export const setbit = defineCommand({
  name: 'setbit',
  arity: 4,
  flags: ['write', 'denyoom'],
  keys: ONE_KEY,
  group: 'bitmap',
  syntax: 'SETBIT key offset value',
  summary:
    'Sets or clears one bit of the string at key (growing it with zero bytes) and returns the old bit.',
  run: (c, argv) => {
    const offset = parseBitOffset(argv[2]!, 0, c.engine.config['proto-max-bulk-len']);
    if (typeof offset !== 'number') return offset;
    const on = parseInt64(argv[3]!);
    if (on === null || (on !== 0 && on !== 1)) return BAD_BIT;
    const t = bitTarget(c, argv[1]!, offset);
    if ('kind' in t) return t;
    const byte = offset >>> 3;
    const mask = 1 << (7 - (offset & 7));
    const old = t.value.charCodeAt(byte);
    const was = (old & mask) !== 0 ? 1 : 0;
    const changed = t.dirty || was !== on;
    const value = was !== on ? withByte(t.value, byte, on ? old | mask : old & ~mask) : t.value;
    // Redis unshares (embstr/int → raw) even when nothing changes, but only signals a change.
    c.db.storeRawString(argv[1]!, value, t.sds);
    if (changed) {
      c.db.signalModified(argv[1]!);
      c.db.notify(NC.STRING, 'setbit', argv[1]!);
    }
    return reply.int(was);
  },
});

export const getbit = defineCommand({
  name: 'getbit',
  arity: 3,
  flags: ['readonly', 'fast'],
  keys: ONE_KEY,
  group: 'bitmap',
  syntax: 'GETBIT key offset',
  summary: 'Returns one bit of the string at key (0 beyond its end or for a missing key).',
  run: (c, argv) => {
    const offset = parseBitOffset(argv[2]!, 0, c.engine.config['proto-max-bulk-len']);
    if (typeof offset !== 'number') return offset;
    const e = c.db.lookupRead(argv[1]!);
    if (e === undefined) return reply.int(0);
    if (e.type !== 'string') return reply.wrongType();
    const byte = offset >>> 3;
    if (byte >= e.value.length) return reply.int(0);
    return reply.int((e.value.charCodeAt(byte) >> (7 - (offset & 7))) & 1);
  },
});
