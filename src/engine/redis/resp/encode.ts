/**
 * Encoding of replies in RESP2 or RESP3, as byte strings (the Node server writes them as
 * latin1). RESP2 gets the RESP3 types as redis-server downgrades them (networking.c
 * addReplyMapLen, addReplyDouble, addReplyBool, addReplyVerbatim…): map → flat array, set →
 * array, double → bulk, bool → :1/:0, verbatim → bulk of the text, push → array.
 */
import type { BinStr } from '../bytes';
import type { Reply } from '../reply';

/** Redis maps CR/LF in error and status texts to spaces so they cannot break the protocol. */
function oneLine(s: string): string {
  return s.indexOf('\r') === -1 && s.indexOf('\n') === -1 ? s : s.replace(/[\r\n]/g, ' ');
}

export function encodeReply(r: Reply, proto: 2 | 3 = 2): BinStr {
  switch (r.kind) {
    case 'simple':
      return `+${oneLine(r.value)}\r\n`;
    case 'error':
      return `-${oneLine(r.message)}\r\n`;
    case 'int':
      return `:${r.value}\r\n`;
    case 'bulk':
      return `$${r.value.length}\r\n${r.value}\r\n`;
    case 'null':
      return proto === 3 ? '_\r\n' : '$-1\r\n';
    case 'null-array':
      return proto === 3 ? '_\r\n' : '*-1\r\n';
    case 'array':
      return aggregate('*', r.items, proto);
    case 'map':
      return proto === 3
        ? aggregate('%', r.items, proto, r.items.length / 2)
        : aggregate('*', r.items, proto);
    case 'set':
      return aggregate(proto === 3 ? '~' : '*', r.items, proto);
    case 'push':
      return aggregate(proto === 3 ? '>' : '*', r.items, proto);
    case 'double':
      return proto === 3 ? `,${r.text}\r\n` : `$${r.text.length}\r\n${r.text}\r\n`;
    case 'bool':
      return proto === 3 ? (r.value ? '#t\r\n' : '#f\r\n') : r.value ? ':1\r\n' : ':0\r\n';
    case 'verbatim':
      return proto === 3
        ? `=${r.value.length + 4}\r\n${r.format}:${r.value}\r\n`
        : `$${r.value.length}\r\n${r.value}\r\n`;
    case 'bignum':
      return proto === 3 ? `(${r.value}\r\n` : `$${r.value.length}\r\n${r.value}\r\n`;
  }
}

function aggregate(type: string, items: readonly Reply[], proto: 2 | 3, n = items.length): BinStr {
  let out = `${type}${n}\r\n`;
  for (const it of items) out += encodeReply(it, proto);
  return out;
}

/** A request as a RESP multibulk (what clients send). */
export function encodeCommand(argv: readonly BinStr[]): BinStr {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}
