/** RESP2 encoding of replies, as byte strings (the Node server writes them as latin1). */
import type { BinStr } from '../bytes';
import type { Reply } from '../reply';

/** Redis maps CR/LF in error and status texts to spaces so they cannot break the protocol. */
function oneLine(s: string): string {
  return s.indexOf('\r') === -1 && s.indexOf('\n') === -1 ? s : s.replace(/[\r\n]/g, ' ');
}

export function encodeReply(r: Reply): BinStr {
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
      return '$-1\r\n';
    case 'null-array':
      return '*-1\r\n';
    case 'array': {
      let out = `*${r.items.length}\r\n`;
      for (const it of r.items) out += encodeReply(it);
      return out;
    }
  }
}

/** A request as a RESP multibulk (what clients send). */
export function encodeCommand(argv: readonly BinStr[]): BinStr {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}
