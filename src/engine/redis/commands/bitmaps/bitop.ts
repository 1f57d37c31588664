import { defineCommand } from '../../command';
import type { BinStr } from '../../bytes';
import { bytesToBin, eqi } from '../../bytes';
import { reply } from '../../reply';
import { NC } from '../../server/notify';

type Op = 'and' | 'or' | 'xor' | 'not';

function opOf(arg: BinStr): Op | undefined {
  for (const op of ['and', 'or', 'xor', 'not'] as const) if (eqi(arg, op)) return op;
  return undefined;
}

export const bitop = defineCommand({
  name: 'bitop',
  arity: -4,
  flags: ['write', 'denyoom'],
  keys: { first: 2, last: -1, step: 1 },
  group: 'bitmap',
  syntax: 'BITOP <AND | OR | XOR | NOT> destkey key [key ...]',
  summary: 'Stores the bitwise AND, OR, XOR or NOT of strings at destkey and returns its length.',
  run: (c, argv) => {
    const op = opOf(argv[1]!);
    if (op === undefined) return reply.syntax();
    if (op === 'not' && argv.length !== 4)
      return reply.error('ERR BITOP NOT must be called with a single source key.');
    const srcs: BinStr[] = [];
    let maxLen = 0;
    for (let i = 3; i < argv.length; i++) {
      // Every source is looked up (and counted as a hit or miss) until one has the wrong type.
      const e = c.db.lookupRead(argv[i]!);
      if (e === undefined) {
        srcs.push('');
        continue;
      }
      if (e.type !== 'string') return reply.wrongType();
      srcs.push(e.value);
      maxLen = Math.max(maxLen, e.value.length);
    }
    const dest = argv[2]!;
    if (maxLen === 0) {
      if (c.db.delete(dest)) c.db.notify(NC.GENERIC, 'del', dest);
      return reply.int(0);
    }
    const out = new Uint8Array(maxLen);
    const first = srcs[0]!;
    for (let j = 0; j < maxLen; j++) {
      let acc = j < first.length ? first.charCodeAt(j) : 0;
      if (op === 'not') acc = ~acc & 0xff;
      for (let i = 1; i < srcs.length; i++) {
        const s = srcs[i]!;
        const b = j < s.length ? s.charCodeAt(j) : 0;
        if (op === 'and') acc &= b;
        else if (op === 'or') acc |= b;
        else acc ^= b;
      }
      out[j] = acc;
    }
    // The result is a new raw sds (sdsnewlen) stored with setKey: any TTL on destkey is dropped.
    c.db.setString(dest, bytesToBin(out), false, 'raw');
    c.db.notify(NC.STRING, 'set', dest);
    return reply.int(maxLen);
  },
});
