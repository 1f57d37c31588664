import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { Reply } from '../reply';
import { keyspaceEventsToString, NC, parseKeyspaceEvents } from './notify';

function fresh() {
  const clock = manualClock(1000);
  const engine = createRedisEngine({ clock, rng: engineRng(1) });
  const got: string[] = [];
  const sub = engine.connect({
    onPush: (r: Reply) => {
      if (r.kind === 'array' && r.items.length === 4)
        got.push(
          r.items
            .slice(2)
            .map((x) => (x.kind === 'bulk' ? x.value : '?'))
            .join(' '),
        );
    },
  });
  sub.exec(['PSUBSCRIBE', '__key*__:*']);
  return { clock, engine, got };
}

describe('notify-keyspace-events', () => {
  it('parses classes and prints redis canonical form (A first, then K E m; n hidden under A)', () => {
    expect(keyspaceEventsToString(parseKeyspaceEvents('KEA')!)).toBe('AKE');
    expect(keyspaceEventsToString(parseKeyspaceEvents('gE$mn')!)).toBe('g$nEm');
    expect(keyspaceEventsToString(parseKeyspaceEvents('g$lshzxetd')!)).toBe('A');
    expect(keyspaceEventsToString(parseKeyspaceEvents('AKEmn')!)).toBe('AKEm');
    expect(parseKeyspaceEvents('Kq')).toBeNull();
    expect(parseKeyspaceEvents('K\0zq')).toBe(NC.KEYSPACE); // a C string ends at NUL
  });

  it('CONFIG SET validates with redis 7.0 text and CONFIG GET shows the canonical form', () => {
    const { engine } = fresh();
    expect(engine.exec(['CONFIG', 'SET', 'notify-keyspace-events', 'Kz!'])).toEqual({
      kind: 'error',
      message:
        "ERR CONFIG SET failed (possibly related to argument 'notify-keyspace-events') - Invalid event class character. Use 'Ag$lshzxeKEtmdn'.",
    });
    expect(engine.exec(['CONFIG', 'SET', 'notify-keyspace-events', 'xK'])).toEqual({
      kind: 'simple',
      value: 'OK',
    });
    expect(engine.exec(['CONFIG', 'GET', 'notify-keyspace-events'])).toEqual({
      kind: 'array',
      items: [
        { kind: 'bulk', value: 'notify-keyspace-events' },
        { kind: 'bulk', value: 'xK' },
      ],
    });
  });

  it('publishes nothing without K or E, and only the configured classes', () => {
    const { engine, got } = fresh();
    engine.exec(['CONFIG', 'SET', 'notify-keyspace-events', 'A']);
    engine.exec(['SET', 'a', '1']);
    expect(got).toEqual([]);
    engine.exec(['CONFIG', 'SET', 'notify-keyspace-events', 'Kg']);
    engine.exec(['SET', 'a', '2']);
    engine.exec(['DEL', 'a']);
    expect(got).toEqual(['__keyspace@0__:a del']);
  });

  it('keeps n active under A even though CONFIG GET drops it', () => {
    const { engine, got } = fresh();
    engine.exec(['CONFIG', 'SET', 'notify-keyspace-events', 'AEn']);
    engine.exec(['SELECT', '3']);
    engine.exec(['RPUSH', 'l', 'x']);
    expect(got).toEqual(['__keyevent@3__:new l', '__keyevent@3__:rpush l']);
  });

  it('publishes expired lazily, keymiss on a read miss, and evicted under maxmemory', () => {
    const { clock, engine, got } = fresh();
    engine.exec(['CONFIG', 'SET', 'notify-keyspace-events', 'Exem']);
    engine.exec(['SET', 'k', 'v', 'PX', '10']);
    clock.advance(11);
    engine.exec(['GET', 'k']);
    expect(got).toEqual(['__keyevent@0__:expired k', '__keyevent@0__:keymiss k']);
    got.length = 0;
    engine.exec(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-random']);
    engine.exec(['CONFIG', 'SET', 'maxmemory', String(engine.usedMemory() + 2000)]);
    for (let i = 0; i < 100; i++) engine.exec(['SET', `key:${i}`, 'x'.repeat(100)]);
    expect(got.length).toBeGreaterThan(10);
    expect(got.every((e) => e.startsWith('__keyevent@0__:evicted key:'))).toBe(true);
  });

  it('the engine hook hears its classes whatever the configuration, and can be detached', () => {
    const { clock, engine, got } = fresh();
    const heard: string[] = [];
    engine.onKeyspaceEvent('xg', (event, key, db) => heard.push(`${db}:${event}:${key}`));
    engine.exec(['SET', 'k', 'v', 'PX', '5']);
    engine.exec(['HSET', 'h', 'f', 'v']);
    clock.advance(6);
    engine.tick();
    expect(heard).toEqual(['0:expire:k', '0:expired:k']);
    expect(got).toEqual([]); // nothing published: notify-keyspace-events is empty
    engine.onKeyspaceEvent('xg', undefined);
    engine.exec(['DEL', 'h']);
    expect(heard).toHaveLength(2);
    expect(() => engine.onKeyspaceEvent('q', () => undefined)).toThrow();
  });

  it('MIGRATE publishes del here and new + restore on the target (RESTORE-ASKING)', () => {
    const clock = manualClock(0);
    const peers = new Map<number, ReturnType<typeof createRedisEngine>>();
    const b = createRedisEngine({ clock, rng: engineRng(2), tcpPort: 6380 });
    const a = createRedisEngine({
      clock,
      rng: engineRng(1),
      tcpPort: 6379,
      resolvePeer: (_h, port) => peers.get(port),
    });
    peers.set(6380, b);
    const heard: string[] = [];
    a.onKeyspaceEvent('gn', (event, key) => heard.push(`a ${event} ${key}`));
    b.onKeyspaceEvent('gn', (event, key) => heard.push(`b ${event} ${key}`));
    a.exec(['SET', 'k', 'v']);
    a.exec(['SET', 'c', 'v']);
    heard.length = 0;
    a.exec(['MIGRATE', '127.0.0.1', '6380', 'k', '0', '1000']);
    a.exec(['MIGRATE', '127.0.0.1', '6380', 'c', '0', '1000', 'COPY']);
    expect(heard).toEqual(['b new k', 'b restore k', 'a del k', 'b new c', 'b restore c']);
  });
});
