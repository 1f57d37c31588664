/** Collects reply bytes: protocol text as latin1 strings, values as raw bytes. */
export class ReplyWriter {
  private chunks: Uint8Array[] = [];
  private text = '';
  length = 0;
  /** Replies up to here count as sent: chunks.length and length at the last flush point. */
  private sentChunks = 0;
  private sentLength = 0;

  /** A flush point: memcached has written everything queued so far to the socket. */
  commit(): void {
    this.flushText();
    this.sentChunks = this.chunks.length;
    this.sentLength = this.length;
  }

  /** conn_release_items: drops every reply queued since the last flush point. */
  cull(): void {
    this.text = '';
    this.chunks.length = this.sentChunks;
    this.length = this.sentLength;
  }

  line(s: string): void {
    this.text += s;
    this.text += '\r\n';
    this.length += s.length + 2;
  }

  raw(s: string): void {
    this.text += s;
    this.length += s.length;
  }

  bytes(b: Uint8Array): void {
    this.flushText();
    this.chunks.push(b);
    this.length += b.length;
  }

  private flushText(): void {
    if (this.text.length === 0) return;
    this.chunks.push(latin1Bytes(this.text));
    this.text = '';
  }

  take(): Uint8Array {
    this.flushText();
    const chunks = this.chunks;
    this.chunks = [];
    const total = this.length;
    this.length = 0;
    this.sentChunks = 0;
    this.sentLength = 0;
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
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
    s += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  }
  return s;
}
