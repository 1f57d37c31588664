// A test client acting as a replica: PSYNC on a server (real redis-server or the engine's TCP
// server), then it keeps the snapshot and every byte of the replication stream.
import net from 'node:net';
import { encodeCommand } from '../../src/engine/redis/index';

export class ReplicaCapture {
  /** +FULLRESYNC / +CONTINUE line as received. */
  answer = '';
  replid = '';
  /** Offset the FULLRESYNC named (the stream's first byte is offset + 1). */
  offset = -1;
  rdb: Buffer = Buffer.alloc(0);
  /** Stream bytes after the snapshot (or after +CONTINUE), latin1. */
  stream = '';
  private buf = '';
  private phase: 'answer' | 'bulk-len' | 'bulk' | 'stream' = 'answer';
  private bulkLen = 0;
  private waiters: Array<() => void> = [];

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buf += chunk.toString('latin1');
      this.advance();
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** Connects, sends the handshake and PSYNC `replid` `offset` (defaults: full resync). */
  static async psync(
    port: number,
    replid = '?',
    offset = -1,
    listeningPort?: number,
  ): Promise<ReplicaCapture> {
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.createConnection({ port, host: '127.0.0.1' }, () => resolve(s));
      s.once('error', reject);
    });
    const c = new ReplicaCapture(socket);
    let out = '';
    if (listeningPort !== undefined)
      out += encodeCommand(['REPLCONF', 'listening-port', String(listeningPort)]);
    if (listeningPort !== undefined) c.skipReplies = 1;
    out += encodeCommand(['PSYNC', replid, String(offset)]);
    socket.write(Buffer.from(out, 'latin1'));
    await c.until(() => c.phase === 'stream');
    return c;
  }

  private skipReplies = 0;

  private advance(): void {
    for (;;) {
      if (this.phase === 'answer') {
        // Newlines are the primary's keepalive while it prepares the snapshot.
        while (this.buf.startsWith('\n')) this.buf = this.buf.slice(1);
        const eol = this.buf.indexOf('\r\n');
        if (eol < 0) return;
        const line = this.buf.slice(0, eol);
        this.buf = this.buf.slice(eol + 2);
        if (this.skipReplies > 0) {
          this.skipReplies--;
          continue;
        }
        this.answer = line;
        const parts = line.split(' ');
        if (parts[0] === '+FULLRESYNC') {
          this.replid = parts[1]!;
          this.offset = Number(parts[2]);
          this.phase = 'bulk-len';
        } else if (parts[0] === '+CONTINUE') {
          this.replid = parts[1] ?? '';
          this.phase = 'stream';
        } else {
          throw new Error(`unexpected PSYNC answer ${JSON.stringify(line)}`);
        }
      } else if (this.phase === 'bulk-len') {
        while (this.buf.startsWith('\n')) this.buf = this.buf.slice(1);
        const eol = this.buf.indexOf('\r\n');
        if (eol < 0) return;
        this.bulkLen = Number(this.buf.slice(1, eol));
        this.buf = this.buf.slice(eol + 2);
        this.phase = 'bulk';
      } else if (this.phase === 'bulk') {
        if (this.buf.length < this.bulkLen) return;
        this.rdb = Buffer.from(this.buf.slice(0, this.bulkLen), 'latin1');
        this.buf = this.buf.slice(this.bulkLen);
        this.phase = 'stream';
      } else {
        this.stream += this.buf;
        this.buf = '';
        return;
      }
    }
  }

  /** Resolves once `cond` holds (checked after each chunk), or rejects after `ms`. */
  until(cond: () => boolean, ms = 10_000): Promise<void> {
    if (cond()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('replica capture: timed out')), ms);
      const check = (): void => {
        if (cond()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  /** Waits until the stream holds `n` bytes. */
  waitBytes(n: number, ms?: number): Promise<void> {
    return this.until(() => this.stream.length >= n, ms);
  }

  /** Sends REPLCONF ACK <offset>, as a replica does. */
  ack(offset: number): void {
    this.socket.write(Buffer.from(encodeCommand(['REPLCONF', 'ACK', String(offset)]), 'latin1'));
  }

  close(): void {
    this.socket.destroy();
  }
}
