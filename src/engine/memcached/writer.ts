/**
 * Collects reply bytes in one growable buffer: protocol text is written as latin1 (one byte per
 * char, as memcached's keys are bytes), values are copied in as they are.
 */
export class ReplyWriter {
  private buf = new Uint8Array(4096);
  length = 0;
  /** Replies before this offset count as sent (the last point where memcached wrote). */
  private sent = 0;

  line(s: string): void {
    this.raw(s);
    this.ensure(2);
    this.buf[this.length++] = 0x0d;
    this.buf[this.length++] = 0x0a;
  }

  raw(s: string): void {
    const n = s.length;
    this.ensure(n);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < n; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** A flush point: memcached has written everything queued so far to the socket. */
  commit(): void {
    this.sent = this.length;
  }

  /** conn_release_items: drops every reply queued since the last flush point. */
  cull(): void {
    this.length = this.sent;
  }

  /** Everything written since the last take(), as a fresh array. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    this.sent = 0;
    return out;
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }
}

export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function latin1String(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  const CHUNK = 8192;
  for (let i = start; i < end; i += CHUNK) {
    s += String.fromCharCode.apply(
      null,
      b.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[],
    );
  }
  return s;
}
