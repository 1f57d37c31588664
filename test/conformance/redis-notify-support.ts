// Both sides of the keyspace-notification differential test: a real redis-server and the engine,
// each with a command connection and a pattern subscriber on every keyspace/keyevent channel.
import { createRedisEngine, encodeCommand } from '../../src/engine/redis/index';
import type { Client, RedisEngine, Reply } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

export const PATTERN = '__key*@*__:*';

/** `channel payload` of a pmessage, or a marker for anything else a subscriber receives. */
export function eventText(r: Reply): string {
  if (
    r.kind === 'array' &&
    r.items.length === 4 &&
    r.items[0]!.kind === 'bulk' &&
    r.items[0]!.value === 'pmessage'
  ) {
    const ch = r.items[2]!;
    const msg = r.items[3]!;
    return `${ch.kind === 'bulk' ? ch.value : '?'} ${msg.kind === 'bulk' ? msg.value : '?'}`;
  }
  return `(unexpected ${JSON.stringify(r)})`;
}

export const isTimed = (ev: string): boolean =>
  / (expired|evicted)$/.test(ev) || /__keyevent@\d+__:(expired|evicted) /.test(ev);

export class NotifyPair {
  readonly engineEvents: string[] = [];
  private constructor(
    readonly real: RealRedis,
    readonly conn: RawRedisConnection,
    readonly sub: RawRedisConnection,
    readonly engine: RedisEngine,
    readonly client: Client,
  ) {}

  static async start(seed: number): Promise<NotifyPair> {
    const real = await startRealRedis();
    const conn = await RawRedisConnection.connect(real.port);
    const sub = await RawRedisConnection.connect(real.port);
    await sub.send(['PSUBSCRIBE', PATTERN]);
    const engine = createRedisEngine({ clock: { nowMs: () => Date.now() }, rng: engineRng(seed) });
    const pair = new NotifyPair(real, conn, sub, engine, engine.connect());
    const esub = engine.connect({ onPush: (r) => pair.engineEvents.push(eventText(r)) });
    esub.exec(['PSUBSCRIBE', PATTERN]);
    return pair;
  }

  /** Runs argv on both; returns both replies (the engine's undefined = blocked). */
  async both(argv: readonly string[]): Promise<{ real: Reply; ours: Reply | undefined }> {
    const real = await this.conn.send(argv);
    const ours = this.client.exec(argv);
    return { real, ours };
  }

  /** Events each side published since the last call. The real server's come before a PING
   *  answered on the subscriber connection (it runs after everything sent so far). */
  async events(): Promise<{ real: string[]; ours: string[] }> {
    this.sub.write(encodeCommand(['PING']));
    const real: string[] = [];
    for (;;) {
      const r = await this.sub.next();
      if (r.kind === 'array' && r.items[0]?.kind === 'bulk' && r.items[0].value === 'pong') break;
      real.push(eventText(r));
    }
    const ours = this.engineEvents.splice(0);
    return { real, ours };
  }

  async stop(): Promise<void> {
    this.conn.close();
    this.sub.close();
    await this.real.stop();
  }
}
