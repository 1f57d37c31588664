// `npm run serve:redis -- --port N [--requirepass X] [--profile oss|elasticache] [--seed S]
//   [--dir D] [--dbfilename F] [--cluster N --replicas R [--cluster-unconfigured]]`: a RESP2 TCP server over the engine, so
// redis-cli and client libraries can talk to it. Like redis-server it loads dir/dbfilename
// (default ./dump.rdb) at start when present and SAVE/BGSAVE write it there. With --cluster it
// serves N cluster nodes instead (serve-redis-cluster.ts).
// The wall clock adapter lives here (never in src/engine): the engine only sees `nowMs()`.
import net from 'node:net';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedisEngine, encodeReply, loadRdb, RespParser } from '../src/engine/redis/index';
import type { EngineProfile, RedisEngine, Reply } from '../src/engine/redis/index';
import { engineRng } from '../src/engine/index';
// A cycle (serve-redis-cluster uses serveEngine), fine as both are only called after loading.
import { serveRedisCluster } from './serve-redis-cluster';
import { TcpMasterLink } from './serve-redis-replication';

export interface RedisServerHandle {
  readonly port: number;
  readonly engine: RedisEngine;
  close(): Promise<void>;
}

export interface ServeOptions {
  port: number;
  host?: string;
  requirepass?: string;
  profile?: EngineProfile;
  seed?: number;
  /** Snapshot directory: loads `dbfilename` from it at start if present; SAVE writes there. */
  dir?: string;
  /** Snapshot file name in `dir` (default dump.rdb). */
  dbfilename?: string;
}

/**
 * redis-server's persistence at the edge: load the snapshot if there is one (a file that does
 * not load stops the start, as it stops redis-server), and write snapshots atomically (a temp
 * file renamed over the old one, as rdbSave does).
 */
function attachSnapshotFile(engine: RedisEngine, dir: string, dbfilename: string): void {
  const path = join(dir, dbfilename);
  if (existsSync(path)) {
    const r = loadRdb(engine, new Uint8Array(readFileSync(path)));
    if (!r.ok) throw new Error(`${path}: ${r.error}`);
  }
  engine.persistence.sink = {
    write: (bytes) => {
      const tmp = join(dir, `temp-${process.pid}.rdb`);
      writeFileSync(tmp, bytes);
      renameSync(tmp, path);
    },
  };
}

/** Starts the server; resolves once it listens (port 0 picks a free port). */
export function serveRedis(opts: ServeOptions): Promise<RedisServerHandle> {
  const engine = createRedisEngine({
    clock: { nowMs: () => Date.now() },
    rng: engineRng(opts.seed ?? 1),
    profile: opts.profile ?? 'oss',
    ...(opts.requirepass !== undefined ? { requirepass: opts.requirepass } : {}),
    // What CONFIG GET reports about this server (redis.conf's bind, port, dir, dbfilename).
    parameters: {
      bind: opts.host ?? '127.0.0.1',
      ...(opts.port !== 0 ? { port: String(opts.port) } : {}),
      ...(opts.dir !== undefined
        ? { dir: opts.dir, dbfilename: opts.dbfilename ?? 'dump.rdb' }
        : {}),
    },
  });
  if (opts.dir !== undefined) {
    try {
      attachSnapshotFile(engine, opts.dir, opts.dbfilename ?? 'dump.rdb');
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
  return serveEngine(engine, opts);
}

/** Serves an existing engine (e.g. one node of a cluster) over TCP. */
export function serveEngine(
  engine: RedisEngine,
  opts: { port: number; host?: string },
): Promise<RedisServerHandle> {
  // Redis runs serverCron at hz (10/s): active expiry and blocked-client timeouts.
  const cron = setInterval(() => engine.tick(), 1000 / engine.config.hz);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    // tcp-keepalive (seconds, 0 = off) applies to connections accepted after it is set, as in Redis.
    const keepalive = engine.config['tcp-keepalive'];
    if (keepalive > 0) socket.setKeepAlive(true, keepalive * 1000);
    let out: string[] = [];
    const flush = (): void => {
      if (out.length === 0 || socket.destroyed) return;
      const data = out.join('');
      out = [];
      engine.stats.totalNetOutput += data.length;
      socket.write(Buffer.from(data, 'latin1'));
    };
    let closing = false;
    const client = engine.connect({
      onPush: (r: Reply) => {
        out.push(encodeReply(r, client.resp));
        // An unblocked BLPOP: carry on with commands that waited in the buffer.
        queueMicrotask(() => {
          flush();
          if (client.closeAfterReply) {
            closing = true;
            socket.end();
          } else pump();
        });
      },
      // A replica's connection: +FULLRESYNC, the snapshot and the stream, in order with replies.
      onRaw: (bytes: string) => {
        out.push(bytes);
        queueMicrotask(flush);
      },
      // The server drops a replica (repl-timeout, rdb-only sync): what is written goes first.
      onKill: () => {
        flush();
        closing = true;
        socket.destroy();
      },
      // The server closed the connection itself (idle past `timeout`): as redis, without a reply.
      onClose: () => {
        closing = true;
        if (!socket.destroyed) socket.end();
      },
    });
    client.addr = `${socket.remoteAddress}:${socket.remotePort}`;
    const parser = new RespParser();
    parser.authenticated = client.authenticated;
    socket.on('data', (chunk: Buffer) => {
      engine.stats.totalNetInput += chunk.length;
      parser.feed(chunk.toString('latin1'));
      pump();
    });
    // Runs parsed commands until the buffer is empty or the client blocks (as Redis stops
    // reading a blocked client's query buffer).
    const pump = (): void => {
      parser.maxBulkLen = engine.config['proto-max-bulk-len'];
      while (client.blocked === null && !closing) {
        const item = parser.next();
        if (item === undefined) break;
        if ('error' in item) {
          // Redis replies with the protocol error, then closes the connection.
          out.push(encodeReply({ kind: 'error', message: item.error }, client.resp));
          closeAfterReply();
          return;
        }
        const r = client.exec(item.argv);
        parser.authenticated = client.authenticated;
        if (r !== undefined) out.push(encodeReply(r, client.resp));
        if (client.closeAfterReply) {
          closeAfterReply();
          return;
        }
      }
      flush(); // one write per read: pipelined replies leave together
    };
    // CLIENT_CLOSE_AFTER_REPLY: the client is freed and the socket closed (both ways, even if
    // the peer keeps its side open) once the reply is written.
    const closeAfterReply = (): void => {
      flush();
      closing = true;
      client.close();
      socket.end(() => socket.destroy());
    };
    const done = (): void => {
      sockets.delete(socket);
      client.close();
    };
    socket.on('close', done);
    socket.on('error', done);
  });
  let listening = 0;
  const masterLink = new TcpMasterLink(engine, () => listening);
  const inProcess = engine.repl.transport;
  engine.repl.transport = masterLink;
  // A cluster replica that synced in process before it had a socket goes on over TCP: the
  // next PSYNC continues from where the in-process link stopped.
  if (inProcess !== undefined) {
    inProcess.close();
    engine.repl.role.linkDown();
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const addr = server.address() as net.AddressInfo;
      listening = addr.port;
      resolve({
        port: addr.port,
        engine,
        close: () =>
          new Promise<void>((res) => {
            clearInterval(cron);
            masterLink.close();
            for (const s of sockets) s.destroy();
            server.close(() => res());
          }),
      });
    });
  });
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const isMain = process.argv[1]?.endsWith('serve-redis.ts');
if (isMain) {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, '--port') ?? '6390');
  const profile = (argValue(args, '--profile') ?? 'oss') as EngineProfile;
  const requirepass = argValue(args, '--requirepass');
  const seed = Number(argValue(args, '--seed') ?? '1');
  const shards = argValue(args, '--cluster');
  if (shards !== undefined) {
    // `--cluster N [--replicas R]`: N masters on ports port, port+1, …, then their R replicas each
    // (see serve-redis-cluster.ts).
    const replicas = Number(argValue(args, '--replicas') ?? '0');
    const configure = !args.includes('--cluster-unconfigured');
    const c = await serveRedisCluster({
      masters: Number(shards),
      replicas,
      port,
      profile,
      seed,
      configure,
    });
    for (const n of c.nodes)
      console.log(
        `simulated redis cluster node ${n.engine.cluster!.myself.id} on 127.0.0.1:${n.port}`,
      );
  } else {
    const dir = argValue(args, '--dir') ?? process.cwd();
    const dbfilename = argValue(args, '--dbfilename') ?? 'dump.rdb';
    const h = await serveRedis({
      port,
      profile,
      seed,
      dir,
      dbfilename,
      ...(requirepass !== undefined ? { requirepass } : {}),
    });
    console.log(`simulated redis (${profile}) listening on 127.0.0.1:${h.port}`);
  }
}
