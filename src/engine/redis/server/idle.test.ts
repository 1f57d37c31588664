import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';

describe('timeout: idle clients are closed by the server', () => {
  it('closes a client idle for more than timeout whole seconds, and tells its transport', () => {
    const clock = manualClock(10_500);
    const e = createRedisEngine({ clock, rng: engineRng(1) });
    let closed = 0;
    const idle = e.connect({ onClose: () => closed++ });
    const busy = e.connect();
    const sub = e.connect({ onPush: () => undefined });
    const waiting = e.connect({ onPush: () => undefined });
    sub.exec(['SUBSCRIBE', 'ch']);
    waiting.exec(['BLPOP', 'nothing', '0']);
    idle.exec(['PING']);
    e.exec(['CONFIG', 'SET', 'timeout', '2']);
    clock.advance(2000); // 12.5 s: two whole seconds idle, not more
    busy.exec(['PING']);
    e.tick();
    expect(idle.closed).toBe(false);
    clock.advance(1000);
    e.tick();
    expect(idle.closed).toBe(true);
    expect(closed).toBe(1);
    expect(busy.closed).toBe(false);
    clock.advance(60_000);
    e.tick();
    // Blocked and subscribed clients are never closed for idling.
    expect(sub.closed).toBe(false);
    expect(waiting.closed).toBe(false);
    expect(busy.closed).toBe(true);
  });

  it('does nothing with timeout 0 (the default), and CLIENT LIST shows idle seconds', () => {
    const clock = manualClock(0);
    const e = createRedisEngine({ clock, rng: engineRng(1) });
    const c = e.connect();
    c.exec(['PING']);
    clock.advance(3_600_000);
    e.tick();
    expect(c.closed).toBe(false);
    const list = e.exec(['CLIENT', 'LIST']);
    expect(
      list?.kind === 'bulk' && list.value.includes(`id=${c.id} `) && /idle=3600 /.test(list.value),
    ).toBe(true);
  });

  it("never closes a replica's connection for idling (timeout.c skips CLIENT_SLAVE)", () => {
    const clock = manualClock(0);
    const e = createRedisEngine({ clock, rng: engineRng(1) });
    let raw = '';
    const replica = e.connect({ onRaw: (b) => (raw += b) });
    const plain = e.connect();
    replica.exec(['PSYNC', '?', '-1']);
    expect(raw.startsWith('+FULLRESYNC ')).toBe(true);
    e.exec(['CONFIG', 'SET', 'timeout', '1']);
    clock.advance(5000);
    e.tick();
    expect(plain.closed).toBe(true);
    expect(replica.closed).toBe(false);
  });
});
