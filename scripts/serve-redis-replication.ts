// The engine as a replica over TCP: what REPLICAOF host port opens (replication.c
// syncWithMaster + readSyncBulkPayload, on a Node socket). The handshake is redis-server 7.0's:
// PING, REPLCONF listening-port <port>, REPLCONF capa eof capa psync2, PSYNC <replid> <offset>;
// then the snapshot ($<len> or diskless $EOF:<mark>), then the stream, acknowledged once a
// second and on GETACK. The engine keeps the state (ROLE, INFO) and applies everything.
import net from 'node:net';
import { encodeCommand } from '../src/engine/redis/index';
import type { MasterLinkTransport, RedisEngine } from '../src/engine/redis/index';

type Phase = 'connecting' | 'ping' | 'port' | 'capa' | 'psync' | 'bulk-len' | 'bulk' | 'stream';

const MARK_LEN = 40;

export class TcpMasterLink implements MasterLinkTransport {
  private socket: net.Socket | null = null;
  private readonly engine: RedisEngine;
  private readonly listeningPort: () => number;

  constructor(engine: RedisEngine, listeningPort: () => number) {
    this.engine = engine;
    this.listeningPort = listeningPort;
    engine.repl.role.onAck = (offset) => {
      this.socket?.write(Buffer.from(encodeCommand(['REPLCONF', 'ACK', String(offset)]), 'latin1'));
    };
  }

  connect(host: string, port: number): void {
    if (this.socket !== null) return;
    const role = this.engine.repl.role;
    role.linkConnecting();
    const socket = net.createConnection({ host, port });
    socket.setNoDelay(true);
    this.socket = socket;
    let phase: Phase = 'connecting';
    let buf = '';
    let psync = { replid: '?', offset: -1 };
    let full = { replid: '', offset: 0 };
    let bulkLen = -1;
    let mark = '';
    const send = (argv: string[]): void => {
      socket.write(Buffer.from(encodeCommand(argv), 'latin1'));
    };
    const fail = (): void => {
      socket.destroy();
    };
    /** One reply line, or undefined until it is complete ('' for the primary's keepalive newline). */
    const line = (): string | undefined => {
      const nl = buf.indexOf('\n');
      if (nl < 0) return undefined;
      const l = buf.slice(0, nl).replace(/\r$/, '');
      buf = buf.slice(nl + 1);
      return l;
    };
    const step = (): void => {
      for (;;) {
        if (phase === 'stream') {
          const chunk = buf;
          buf = '';
          if (chunk.length !== 0) role.applyStream(chunk);
          return;
        }
        if (phase === 'bulk') {
          const done =
            bulkLen >= 0 ? buf.length >= bulkLen : buf.length >= MARK_LEN && buf.endsWith(mark);
          if (!done) {
            role.transferRead = buf.length;
            role.transferLastIo = this.engine.clock.nowMs();
            return;
          }
          const n = bulkLen >= 0 ? bulkLen : buf.length - MARK_LEN;
          const rdb = new Uint8Array(Buffer.from(buf.slice(0, n), 'latin1'));
          buf = bulkLen >= 0 ? buf.slice(n) : '';
          if (role.fullResync(full.replid, full.offset, rdb) !== null) return fail();
          // A diskless transfer is confirmed by an ACK before the primary streams (readSyncBulkPayload).
          if (bulkLen < 0) role.sendAck();
          phase = 'stream';
          continue;
        }
        const l = line();
        if (l === undefined) return;
        if (l === '' && (phase === 'psync' || phase === 'bulk-len')) continue; // keepalive
        if (phase === 'ping') {
          // +PONG, or an authentication error the primary may answer (we never AUTH).
          if (!l.startsWith('+') && !l.startsWith('-NOAUTH') && !l.startsWith('-NOPERM'))
            return fail();
          send(['REPLCONF', 'listening-port', String(this.listeningPort())]);
          send(['REPLCONF', 'capa', 'eof', 'capa', 'psync2']);
          phase = 'port';
        } else if (phase === 'port') {
          phase = 'capa'; // an error here is not critical (older primaries)
        } else if (phase === 'capa') {
          send(['PSYNC', psync.replid, String(psync.offset)]);
          phase = 'psync';
        } else if (phase === 'psync') {
          const parts = l.split(' ');
          if (parts[0] === '+FULLRESYNC' && parts[1]?.length === MARK_LEN) {
            full = { replid: parts[1], offset: Number(parts[2]) };
            phase = 'bulk-len';
          } else if (parts[0] === '+CONTINUE') {
            role.continueSync(parts[1]?.length === MARK_LEN ? parts[1] : undefined);
            phase = 'stream';
          } else {
            return fail(); // -NOMASTERLINK, -LOADING, -ERR: try again later
          }
        } else if (phase === 'bulk-len') {
          if (!l.startsWith('$')) return fail();
          if (l.startsWith('$EOF:') && l.length - 5 >= MARK_LEN) {
            mark = l.slice(5, 5 + MARK_LEN);
            bulkLen = -1;
          } else {
            bulkLen = Number(l.slice(1));
          }
          role.beginTransfer(bulkLen);
          phase = 'bulk';
        }
      }
    };
    socket.on('connect', () => {
      psync = role.beginSync();
      phase = 'ping';
      send(['PING']);
    });
    socket.on('data', (chunk: Buffer) => {
      buf += chunk.toString('latin1');
      step();
    });
    const closed = (): void => {
      if (this.socket !== socket) return; // closed on purpose (close())
      this.socket = null;
      if (phase === 'stream') role.linkDown();
      else role.syncFailed();
    };
    socket.on('close', closed);
    socket.on('error', () => socket.destroy());
  }

  close(): void {
    const s = this.socket;
    this.socket = null;
    s?.destroy();
  }
}
