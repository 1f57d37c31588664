// `timeout` over TCP, against a real redis-server: with CONFIG SET timeout 1 an idle connection is
// closed by the server within a few seconds (serverCron's clients pass), while one that keeps
// sending commands and one that is subscribed stay open — on both servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRedis } from '../../scripts/serve-redis';
import type { RedisServerHandle } from '../../scripts/serve-redis';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe('timeout closes idle clients (real redis-server and serve:redis)', () => {
  let real: RealRedis;
  let ours: RedisServerHandle;
  beforeAll(async () => {
    real = await startRealRedis();
    ours = await serveRedis({ port: 0 });
  });
  afterAll(async () => {
    await real?.stop();
    await ours?.close();
  });

  it('closes the idle connection only', async () => {
    const outcome = async (port: number) => {
      const admin = await RawRedisConnection.connect(port);
      await admin.send(['CONFIG', 'SET', 'timeout', '1']);
      admin.close();
      const idle = await RawRedisConnection.connect(port);
      const active = await RawRedisConnection.connect(port);
      const sub = await RawRedisConnection.connect(port);
      await idle.send(['PING']);
      await sub.send(['SUBSCRIBE', 'ch']);
      let idleClosed = false;
      void idle.closed().then(() => (idleClosed = true));
      let activeClosed = false;
      void active.closed().then(() => (activeClosed = true));
      let subClosed = false;
      void sub.closed().then(() => (subClosed = true));
      for (let i = 0; i < 7 && !idleClosed; i++) {
        await active.send(['PING']);
        await sleep(500);
      }
      const r = { idleClosed, activeClosed, subClosed };
      idle.close();
      active.close();
      sub.close();
      return r;
    };
    const [want, got] = await Promise.all([outcome(real.port), outcome(ours.port)]);
    expect(want).toEqual({ idleClosed: true, activeClosed: false, subClosed: false });
    expect(got).toEqual(want);
  });
});
