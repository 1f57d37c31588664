import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { engineRng } from '../rng';
import { createRedisEngine, reply } from './index';

describe('engine basics', () => {
  it('returns nil after PX expires on the virtual clock', () => {
    const clock = manualClock(1_000_000);
    const engine = createRedisEngine({ clock, rng: engineRng(42) });
    expect(engine.exec(['set', 'k', 'v', 'px', '100'])).toEqual(reply.ok());
    clock.advance(100);
    expect(engine.exec(['get', 'k'])).toEqual(reply.bulk('v')); // Redis expires when now > when
    clock.advance(1);
    expect(engine.exec(['get', 'k'])).toEqual(reply.nil());
    expect(engine.stats.expiredKeys).toBe(1);
  });

  it('answers unknown commands and arity errors as redis-server 7 does', () => {
    const engine = createRedisEngine({ clock: manualClock(0) });
    expect(engine.exec(['foo', 'a', 'b'])).toEqual(
      reply.error("ERR unknown command 'foo', with args beginning with: 'a' 'b' "),
    );
    expect(engine.exec(['GET'])).toEqual(reply.error("ERR wrong number of arguments for 'get' command"));
  });
});
