import { describe, expect, it } from 'vitest';
import { keyHashSlot } from '../../cluster/slots';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import { exec, ownerOf, show, tagWhere, testCluster } from './test-cluster';
import { allocateSlots } from './create';

const A = tagWhere((s) => ownerOf(s) === 0);
const A2 = tagWhere((s) => ownerOf(s) === 0 && s !== keyHashSlot(A));
const B = tagWhere((s) => ownerOf(s) === 1);
const S = tagWhere((s) => ownerOf(s) === 0, 3);
const SLOT_S = keyHashSlot(S);

describe('slot ownership', () => {
  it('allocates slots as redis-cli --cluster create does', () => {
    expect(allocateSlots(3)).toEqual([
      [0, 5460],
      [5461, 10922],
      [10923, 16383],
    ]);
    for (const n of [1, 2, 4, 5, 7, 16]) {
      const ranges = allocateSlots(n);
      expect(ranges[0]![0]).toBe(0);
      expect(ranges[n - 1]![1]).toBe(16383);
      for (let i = 1; i < n; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1] + 1);
    }
  });

  it('reports cluster_state:fail until the masters have waited 2 s, then ok', () => {
    const c = testCluster({ settle: false });
    const n0 = c.nodes[0]!;
    c.run(1800);
    expect(exec(n0, 'CLUSTER', 'INFO')).toMatch(/^cluster_state:fail\r\n/);
    expect(exec(n0, 'GET', `${A}k`)).toBe('-CLUSTERDOWN The cluster is down');
    c.run(300);
    expect(exec(n0, 'CLUSTER', 'INFO')).toMatch(/^cluster_state:ok\r\n/);
    expect(c.nodes.every((n) => n.cluster!.state === 'ok')).toBe(true);
    expect(exec(n0, 'GET', `${A}k`)).toBe(null);
  });

  it('serves its own slots and redirects the others with MOVED', () => {
    const c = testCluster();
    const [n0] = c.nodes;
    expect(exec(n0!, 'SET', `${A}k`, 'v')).toBe('OK');
    expect(exec(n0!, 'GET', `${A}k`)).toBe('v');
    expect(exec(n0!, 'GET', `${B}k`)).toBe(`-MOVED ${keyHashSlot(B)} 127.0.0.1:7001`);
    expect(exec(c.nodes[1]!, 'GET', `${B}k`)).toBe(null);
  });

  it('hashes only the {tag}: tagged keys share a slot, multi-key commands need one slot', () => {
    const c = testCluster();
    const n0 = c.nodes[0]!;
    expect(exec(n0, 'MSET', `${A}x`, '1', `${A}y`, '2')).toBe('OK');
    expect(exec(n0, 'MGET', `${A}x`, `${A}y`)).toEqual(['1', '2']);
    expect(exec(n0, 'MGET', `${A}x`, `${A2}y`)).toBe(
      "-CROSSSLOT Keys in request don't hash to the same slot",
    );
    // The slot error wins even over a foreign first key: CROSSSLOT, not MOVED.
    expect(exec(n0, 'MGET', `${B}x`, `${A}y`)).toBe(
      "-CROSSSLOT Keys in request don't hash to the same slot",
    );
    expect(exec(n0, 'ZUNIONSTORE', `${A}d`, '2', `${A}x`, `${A2}y`)).toBe(
      "-CROSSSLOT Keys in request don't hash to the same slot",
    );
    // A bad numkeys finds no keys at all (not even the destination): it runs here and fails.
    expect(exec(n0, 'ZUNIONSTORE', `${B}d`, 'x', `${A}x`)).toBe(
      '-ERR value is not an integer or out of range',
    );
    expect(exec(n0, 'ZUNION', 'x', `${A}x`, `${B}y`)).toBe(
      '-ERR value is not an integer or out of range',
    );
  });

  it('refuses SELECT of another database and keyless commands are never redirected', () => {
    const n0 = testCluster().nodes[0]!;
    expect(exec(n0, 'SELECT', '1')).toBe('-ERR SELECT is not allowed in cluster mode');
    expect(exec(n0, 'SELECT', '0')).toBe('OK');
    expect(exec(n0, 'PING')).toBe('PONG');
    expect(exec(n0, 'DBSIZE')).toBe(0);
  });

  it('answers cluster commands with "cluster support disabled" on a standalone server', () => {
    const e = createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });
    for (const cmd of [
      ['CLUSTER', 'INFO'],
      ['CLUSTER', 'HELP'],
      ['ASKING'],
      ['READONLY'],
      ['READWRITE'],
    ]) {
      expect(exec(e, ...cmd)).toBe('-ERR This instance has cluster support disabled');
    }
    expect(exec(e, 'SELECT', '1')).toBe('OK');
  });
});

describe('transactions', () => {
  it('aborts a transaction whose queued command was redirected', () => {
    const n0 = testCluster().nodes[0]!;
    const c = n0.connect();
    expect(show(c.exec(['MULTI']))).toBe('OK');
    expect(show(c.exec(['SET', `${A}k`, '1']))).toBe('QUEUED');
    expect(show(c.exec(['SET', `${B}k`, '1']))).toBe(`-MOVED ${keyHashSlot(B)} 127.0.0.1:7001`);
    expect(show(c.exec(['EXEC']))).toBe(
      '-EXECABORT Transaction discarded because of previous errors.',
    );
    expect(show(c.exec(['GET', `${A}k`]))).toBe(null);
  });

  it('refuses at EXEC a transaction over two slots, and discards it', () => {
    const n0 = testCluster().nodes[0]!;
    const c = n0.connect();
    c.exec(['MULTI']);
    expect(show(c.exec(['SET', `${A}k`, '1']))).toBe('QUEUED');
    expect(show(c.exec(['SET', `${A2}k`, '1']))).toBe('QUEUED');
    expect(show(c.exec(['EXEC']))).toBe("-CROSSSLOT Keys in request don't hash to the same slot");
    expect(show(c.exec(['EXEC']))).toBe('-ERR EXEC without MULTI');
    expect(n0.dbs[0]!.size).toBe(0);
  });
});

describe('a slot in migration', () => {
  /** Slot S moving from node 0 (MIGRATING) to node 1 (IMPORTING), with {S}here on node 0. */
  function migrating() {
    const c = testCluster();
    const [n0, n1] = c.nodes;
    exec(n0!, 'SET', `${S}here`, 'h');
    expect(exec(n1!, 'CLUSTER', 'SETSLOT', String(SLOT_S), 'IMPORTING', c.id(0))).toBe('OK');
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', String(SLOT_S), 'MIGRATING', c.id(1))).toBe('OK');
    return { c, n0: n0!, n1: n1! };
  }
  const ASK = `-ASK ${SLOT_S} 127.0.0.1:7001`;

  it('serves keys still on the source, ASKs for the others, TRYAGAIN for a mix', () => {
    const { n0 } = migrating();
    expect(exec(n0, 'GET', `${S}here`)).toBe('h');
    expect(exec(n0, 'GET', `${S}gone`)).toBe(ASK);
    expect(exec(n0, 'SET', `${S}gone`, 'x')).toBe(ASK);
    expect(exec(n0, 'MGET', `${S}gone`, `${S}gone2`)).toBe(ASK);
    expect(exec(n0, 'MGET', `${S}here`, `${S}gone`)).toBe(
      '-TRYAGAIN Multiple keys request during rehashing of slot',
    );
  });

  it('counts a logically expired key as gone without deleting it', () => {
    const { c, n0 } = migrating();
    exec(n0, 'PEXPIRE', `${S}here`, '50');
    c.clock.advance(100);
    expect(exec(n0, 'GET', `${S}here`)).toBe(ASK);
    expect(n0.dbs[0]!.size).toBe(1);
  });

  it('serves an importing slot only right after ASKING, for one command or one transaction', () => {
    const { n1 } = migrating();
    const moved = `-MOVED ${SLOT_S} 127.0.0.1:7000`;
    const c = n1.connect();
    expect(show(c.exec(['GET', `${S}gone`]))).toBe(moved);
    expect(show(c.exec(['ASKING']))).toBe('OK');
    expect(show(c.exec(['SET', `${S}gone`, 'new']))).toBe('OK');
    expect(show(c.exec(['GET', `${S}gone`]))).toBe(moved);
    c.exec(['ASKING']);
    expect(show(c.exec(['MGET', `${S}gone`, `${S}other`]))).toBe(
      '-TRYAGAIN Multiple keys request during rehashing of slot',
    );
    c.exec(['ASKING']);
    c.exec(['MULTI']);
    expect(show(c.exec(['GET', `${S}gone`]))).toBe('QUEUED');
    expect(show(c.exec(['EXEC']))).toEqual(['new']);
    expect(show(c.exec(['GET', `${S}gone`]))).toBe(moved);
  });

  it('shows the open slot in CLUSTER NODES and ends it with STABLE', () => {
    const { c, n0, n1 } = migrating();
    expect(exec(n0, 'CLUSTER', 'NODES')).toContain(`[${SLOT_S}->-${c.id(1)}]`);
    expect(exec(n1, 'CLUSTER', 'NODES')).toContain(`[${SLOT_S}-<-${c.id(0)}]`);
    exec(n0, 'CLUSTER', 'SETSLOT', String(SLOT_S), 'STABLE');
    expect(exec(n0, 'GET', `${S}gone`)).toBe(null);
  });
});
