import { describe, expect, it } from 'vitest';
import { keyHashSlot } from '../../cluster/slots';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { RedisEngine } from '../engine';
import { exec, ownerOf, tagWhere, testCluster } from './test-cluster';
import { moveSlot } from './reshard';

/** Two standalone engines; `a` reaches itself as 127.0.0.1:6379 and `b` as 127.0.0.1:6380. */
function pair(opts: { requirepass?: string } = {}) {
  const clock = manualClock(1_700_000_000_000);
  const peers = new Map<number, RedisEngine>();
  const b: RedisEngine = createRedisEngine({ clock, rng: engineRng(2), tcpPort: 6380, ...opts });
  const a = createRedisEngine({
    clock,
    rng: engineRng(1),
    tcpPort: 6379,
    resolvePeer: (host, port) => (host === '127.0.0.1' ? peers.get(port) : undefined),
  });
  peers.set(6379, a).set(6380, b);
  return { a, b, clock };
}

describe('MIGRATE', () => {
  it('moves a key with its value and TTL, and deletes it here', () => {
    const { a, b } = pair();
    exec(a, 'RPUSH', 'l', 'x', 'y');
    exec(a, 'PEXPIRE', 'l', '5000');
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'l', '0', '1000')).toBe('OK');
    expect(exec(a, 'EXISTS', 'l')).toBe(0);
    expect(exec(b, 'LRANGE', 'l', '0', '-1')).toEqual(['x', 'y']);
    expect(exec(b, 'PTTL', 'l')).toBe(5000);
  });

  it('keeps the source key with COPY, and overwrites the target with REPLACE', () => {
    const { a, b } = pair();
    exec(a, 'SET', 'k', 'new');
    exec(b, 'SET', 'k', 'old');
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', '0', '1000')).toBe(
      '-ERR Target instance replied with error: BUSYKEY Target key name already exists.',
    );
    expect(exec(a, 'GET', 'k')).toBe('new');
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', '0', '1000', 'COPY', 'REPLACE')).toBe('OK');
    expect(exec(a, 'GET', 'k')).toBe('new');
    expect(exec(b, 'GET', 'k')).toBe('new');
  });

  it('moves several keys with KEYS, deleting those the target accepted', () => {
    const { a, b } = pair();
    exec(a, 'MSET', 'k1', '1', 'k2', '2', 'k3', '3');
    exec(b, 'SET', 'k2', 'taken');
    expect(
      exec(a, 'MIGRATE', '127.0.0.1', '6380', '', '0', '1000', 'KEYS', 'k1', 'k2', 'missing', 'k3'),
    ).toBe('-ERR Target instance replied with error: BUSYKEY Target key name already exists.');
    expect(exec(a, 'KEYS', '*')).toEqual(['k2']);
    expect(exec(b, 'MGET', 'k1', 'k2', 'k3')).toEqual(['1', 'taken', '3']);
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', '', '0', '1000', 'KEYS', 'nope')).toBe('NOKEY');
  });

  it('selects the target database, authenticates, and reports connection and syntax errors', () => {
    const { a, b } = pair({ requirepass: 'pw' });
    exec(a, 'SET', 'k', 'v');
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', '0', '1000')).toBe(
      '-ERR Target instance replied with error: NOAUTH Authentication required.',
    );
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', '3', '1000', 'AUTH', 'pw')).toBe('OK');
    const admin = b.connect();
    admin.exec(['AUTH', 'pw']);
    admin.exec(['SELECT', '3']);
    expect(admin.exec(['GET', 'k'])).toEqual({ kind: 'bulk', value: 'v' });
    exec(a, 'SET', 'k', 'v');
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6390', 'k', '0', '1000')).toBe(
      '-IOERR error or timeout writing to target instance',
    );
    expect(exec(a, 'MIGRATE', 'no-such-host', '6380', 'k', '0', '1000')).toBe(
      '-IOERR error or timeout connecting to the client',
    );
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6379', 'k', '0', '1000')).toBe(
      '-IOERR error or timeout reading to target instance',
    );
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', '0', '1000', 'AUTH')).toBe(
      '-ERR syntax error',
    );
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', '0', '1000', 'KEYS', 'k')).toBe(
      '-ERR When using MIGRATE KEYS option, the key argument must be set to the empty string',
    );
    expect(exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', 'x', '1000')).toBe(
      '-ERR value is not an integer or out of range',
    );
  });

  it('closes its cached connection to the target after 10 s unused', () => {
    const { a, b, clock } = pair();
    exec(a, 'SET', 'k', 'v');
    exec(a, 'MIGRATE', '127.0.0.1', '6380', 'k', '0', '1000');
    expect(b.clients.size).toBe(1);
    clock.advance(10_001);
    a.tick();
    expect(b.clients.size).toBe(0);
  });
});

describe('moving a slot with keys', () => {
  const S = tagWhere((s) => ownerOf(s) === 0, 2);
  const slot = keyHashSlot(S);

  it('moves every key of the slot and its ownership; MIGRATE in cluster mode sends RESTORE-ASKING', () => {
    const c = testCluster();
    const [n0, n1, n2] = c.nodes;
    for (let i = 0; i < 25; i++) exec(n0!, 'SET', `${S}${i}`, `v${i}`);
    exec(n0!, 'PEXPIRE', `${S}0`, '60000');
    const r = moveSlot(c.nodes, slot, n0!, n1!);
    expect(r).toEqual({ ok: true, keys: 25 });
    expect(exec(n0!, 'CLUSTER', 'COUNTKEYSINSLOT', String(slot))).toBe(0);
    expect(exec(n1!, 'CLUSTER', 'COUNTKEYSINSLOT', String(slot))).toBe(25);
    expect(exec(n1!, 'GET', `${S}7`)).toBe('v7');
    expect(exec(n1!, 'PTTL', `${S}0`)).toBe(60000);
    for (const n of [n0!, n2!])
      expect(exec(n, 'GET', `${S}7`)).toBe(`-MOVED ${slot} 127.0.0.1:7001`);
    expect(exec(n0!, 'CLUSTER', 'NODES')).not.toMatch(/\[/);
    expect(exec(n1!, 'CLUSTER', 'NODES')).not.toMatch(/\[/);
  });

  it('redirects clients to the target while the slot is half moved', () => {
    const c = testCluster();
    const [n0, n1] = c.nodes;
    exec(n0!, 'SET', `${S}a`, '1');
    exec(n0!, 'SET', `${S}b`, '2');
    exec(n1!, 'CLUSTER', 'SETSLOT', String(slot), 'IMPORTING', c.id(0));
    exec(n0!, 'CLUSTER', 'SETSLOT', String(slot), 'MIGRATING', c.id(1));
    expect(exec(n0!, 'MIGRATE', '127.0.0.1', '7001', '', '0', '5000', 'KEYS', `${S}a`)).toBe('OK');
    expect(exec(n0!, 'GET', `${S}a`)).toBe(`-ASK ${slot} 127.0.0.1:7001`);
    expect(exec(n0!, 'MGET', `${S}a`, `${S}b`)).toBe(
      '-TRYAGAIN Multiple keys request during rehashing of slot',
    );
    // Without importing, the target refuses the key with a redirect, reported as its error.
    exec(n1!, 'CLUSTER', 'SETSLOT', String(slot), 'STABLE');
    expect(exec(n0!, 'MIGRATE', '127.0.0.1', '7001', `${S}b`, '0', '5000')).toBe(
      `-ERR Target instance replied with error: MOVED ${slot} 127.0.0.1:7000`,
    );
    expect(exec(n0!, 'GET', `${S}b`)).toBe('2');
  });
});
