/**
 * Client-side RESP2/RESP3 reply reader (the differential tests read real redis-server's
 * answers with it). Incremental: feed byte strings, take complete replies. RESP3's null `_`
 * reads as `null`; attributes (`|`) are not sent by redis-server 7.0 and are refused.
 */
import type { BinStr } from '../bytes';
import { reply } from '../reply';
import type { Reply } from '../reply';

export class RespReader {
  private buf = '';
  private pos = 0;

  feed(chunk: BinStr): void {
    this.buf = this.buf.slice(this.pos) + chunk;
    this.pos = 0;
  }

  /** The next complete reply, or undefined when more bytes are needed. */
  next(): Reply | undefined {
    const start = this.pos;
    const r = this.read();
    if (r === undefined) this.pos = start;
    return r;
  }

  private line(): string | undefined {
    const end = this.buf.indexOf('\r\n', this.pos);
    if (end === -1) return undefined;
    const l = this.buf.slice(this.pos, end);
    this.pos = end + 2;
    return l;
  }

  private read(): Reply | undefined {
    const l = this.line();
    if (l === undefined) return undefined;
    const body = l.slice(1);
    switch (l[0]) {
      case '+':
        return reply.simple(body);
      case '-':
        return reply.error(body);
      case ':': {
        const n = BigInt(body);
        return reply.int(
          n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
            ? Number(n)
            : n,
        );
      }
      case '$': {
        const len = Number(body);
        if (len < 0) return reply.nil();
        if (this.buf.length < this.pos + len + 2) return undefined;
        const v = this.buf.slice(this.pos, this.pos + len);
        this.pos += len + 2;
        return reply.bulk(v);
      }
      case '*':
      case '%':
      case '~':
      case '>': {
        const n = Number(body);
        if (n < 0) return reply.nilArray();
        const items: Reply[] = [];
        const count = l[0] === '%' ? n * 2 : n;
        for (let i = 0; i < count; i++) {
          const it = this.read();
          if (it === undefined) return undefined;
          items.push(it);
        }
        if (l[0] === '%') return { kind: 'map', items };
        if (l[0] === '~') return { kind: 'set', items };
        if (l[0] === '>') return { kind: 'push', items };
        return reply.array(items);
      }
      case '_':
        return reply.nil();
      case ',':
        return { kind: 'double', text: body };
      case '#':
        return { kind: 'bool', value: body === 't' };
      case '(':
        return { kind: 'bignum', value: body };
      case '=': {
        const len = Number(body);
        if (this.buf.length < this.pos + len + 2) return undefined;
        const v = this.buf.slice(this.pos, this.pos + len);
        this.pos += len + 2;
        return { kind: 'verbatim', format: v.slice(0, 3), value: v.slice(4) };
      }
      default:
        throw new Error(`RESP reader: unexpected type byte ${JSON.stringify(l[0])}`);
    }
  }
}
