/**
 * Incremental RESP2 request parser, following networking.c (processInlineBuffer,
 * processMultibulkBuffer): inline commands, multibulk with Redis's protocol error texts. A
 * protocol error is reported once; Redis then replies with it and closes the connection.
 * Works on byte strings (feed latin1-decoded chunks), so it is Node-free.
 */
import type { BinStr } from '../bytes';
import { parseInt64 } from '../args';
import { splitArgs } from './split-args';

const INLINE_MAX = 64 * 1024;

export type ParseItem = { readonly argv: BinStr[] } | { readonly error: string };

export class RespParser {
  private buf = '';
  private pos = 0;
  /** Multibulk in progress: how many bulks remain, and those read so far. */
  private pending: BinStr[] | null = null;
  /** proto-max-bulk-len: the longest bulk accepted (the server keeps it in step with its config). */
  maxBulkLen = 512 * 1024 * 1024;
  private remaining = 0;
  private failed = false;
  /** Buffer length needed before parsing can progress (a large bulk still arriving). */
  private need = 0;
  /** Whether the connection is authenticated (Redis limits lengths before AUTH). */
  authenticated = true;

  feed(chunk: BinStr): void {
    if (this.failed) return;
    // Appending keeps V8's rope string; compacting (slice) only when most of it is consumed
    // keeps a large value arriving in many chunks linear rather than quadratic.
    if (this.pos > 0 && this.pos * 2 >= this.buf.length) {
      this.buf = this.buf.slice(this.pos) + chunk;
      this.need -= this.pos;
      this.pos = 0;
    } else {
      this.buf += chunk;
    }
  }

  /** The next complete command or protocol error, or undefined if more bytes are needed. */
  next(): ParseItem | undefined {
    if (this.buf.length < this.need) return undefined;
    this.need = 0;
    while (!this.failed) {
      if (this.pending === null) {
        if (this.pos >= this.buf.length) return undefined;
        if (this.buf.charCodeAt(this.pos) !== 42 /* * */) {
          const r = this.inline();
          if (r === 'skip') continue;
          return r;
        }
        const head = this.readLine('too big mbulk count string');
        if (head === undefined || typeof head === 'object') return head;
        const n = parseInt64(head.slice(1));
        if (n === null || n > 2147483647) return this.fail('invalid multibulk length');
        if (n > 10 && !this.authenticated) return this.fail('unauthenticated multibulk length');
        if (n <= 0) continue; // empty multibulk: nothing to run
        this.pending = [];
        this.remaining = n;
      }
      while (this.remaining > 0) {
        if (this.pos >= this.buf.length) return undefined;
        const lineEnd = this.findCR();
        if (lineEnd === -1) {
          if (this.buf.length - this.pos > INLINE_MAX)
            return this.fail('too big bulk count string');
          return undefined;
        }
        // The line ends at '\r'; Redis skips the byte after it without checking it is '\n'.
        if (lineEnd > this.buf.length - 2) return undefined;
        const c = this.buf.charCodeAt(this.pos);
        // addReplyErrorFormat turns \r and \n in the text into spaces.
        if (c !== 36 /* $ */)
          return this.fail(
            `expected '$', got '${c === 13 || c === 10 ? ' ' : this.buf[this.pos]}'`,
          );
        const len = parseInt64(this.buf.slice(this.pos + 1, lineEnd));
        if (len === null || len < 0 || len > this.maxBulkLen)
          return this.fail('invalid bulk length');
        if (len > 16384 && !this.authenticated) return this.fail('unauthenticated bulk length');
        // Redis skips the two bytes after the payload without checking they are CRLF.
        if (this.buf.length < lineEnd + 2 + len + 2) {
          this.need = lineEnd + 2 + len + 2;
          return undefined;
        }
        this.pending!.push(this.buf.slice(lineEnd + 2, lineEnd + 2 + len));
        this.pos = lineEnd + 2 + len + 2;
        this.remaining--;
      }
      const argv = this.pending!;
      this.pending = null;
      return { argv };
    }
    return undefined;
  }

  private inline(): ParseItem | 'skip' | undefined {
    const nl = this.cIndexOf(10 /* \n */);
    if (nl === -1) {
      if (this.buf.length - this.pos > INLINE_MAX) return this.fail('too big inline request');
      return undefined;
    }
    let line = this.buf.slice(this.pos, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    this.pos = nl + 1;
    const argv = splitArgs(line);
    if (argv === null) return this.fail('unbalanced quotes in request');
    if (argv.length === 0) return 'skip';
    return { argv };
  }

  private readLine(tooBig: string): BinStr | ParseItem | undefined {
    const end = this.findCR();
    if (end === -1) {
      if (this.buf.length - this.pos > INLINE_MAX) return this.fail(tooBig);
      return undefined;
    }
    if (end > this.buf.length - 2) return undefined;
    const line = this.buf.slice(this.pos, end);
    this.pos = end + 2;
    return line;
  }

  private findCR(): number {
    return this.cIndexOf(13 /* \r */);
  }

  /**
   * strchr(querybuf + qb_pos, ch) as networking.c searches: the buffer is a C string there, so
   * a NUL byte before `ch` hides it (Redis then waits for more data, until the 64 KB limit).
   */
  private cIndexOf(ch: number): number {
    const at = this.buf.indexOf(String.fromCharCode(ch), this.pos);
    if (at === -1) return -1;
    for (let i = this.pos; i < at; i++) if (this.buf.charCodeAt(i) === 0) return -1;
    return at;
  }

  private fail(what: string): ParseItem {
    this.failed = true;
    this.buf = '';
    this.pos = 0;
    return { error: `ERR Protocol error: ${what}` };
  }
}
