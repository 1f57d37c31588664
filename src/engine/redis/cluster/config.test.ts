import { describe, expect, it } from 'vitest';
import { keyHashSlot } from '../../cluster/slots';
import type { Reply } from '../reply';
import { manualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import { ClusterBus } from './bus';
import { exec, ownerOf, show, tagWhere, testCluster } from './test-cluster';

const S = tagWhere((s) => ownerOf(s) === 0, 3);
const SLOT = String(keyHashSlot(S));

describe('SETSLOT state machine', () => {
  it('checks ownership and node IDs with redis-server 7.0.15 error strings', () => {
    const c = testCluster();
    const [n0, n1] = c.nodes;
    expect(exec(n1!, 'CLUSTER', 'SETSLOT', SLOT, 'MIGRATING', c.id(0))).toBe(
      `-ERR I'm not the owner of hash slot ${SLOT}`,
    );
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', SLOT, 'IMPORTING', c.id(1))).toBe(
      `-ERR I'm already the owner of hash slot ${SLOT}`,
    );
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', SLOT, 'MIGRATING', 'x'.repeat(40))).toBe(
      `-ERR I don't know about node ${'x'.repeat(40)}`,
    );
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', SLOT, 'NODE', 'nope')).toBe('-ERR Unknown node nope');
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', '16384', 'STABLE')).toBe(
      '-ERR Invalid or out of range slot',
    );
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', SLOT, 'STABLE', 'x')).toBe(
      '-ERR Invalid CLUSTER SETSLOT action or number of arguments. Try CLUSTER HELP',
    );
    exec(n0!, 'SET', `${S}k`, 'v');
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', SLOT, 'NODE', c.id(1))).toBe(
      `-ERR Can't assign hashslot ${SLOT} to a different node while I still hold keys for this hash slot.`,
    );
  });

  it('moves an empty slot: the importer bumps its epoch and every view follows', () => {
    const c = testCluster();
    const [n0, n1, n2] = c.nodes;
    expect(exec(n1!, 'CLUSTER', 'SETSLOT', SLOT, 'IMPORTING', c.id(0))).toBe('OK');
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', SLOT, 'MIGRATING', c.id(1))).toBe('OK');
    expect(exec(n1!, 'CLUSTER', 'SETSLOT', SLOT, 'NODE', c.id(1))).toBe('OK');
    // The new owner took currentEpoch + 1 and told everyone at once (a PONG broadcast).
    expect(exec(n1!, 'CLUSTER', 'INFO')).toMatch(
      /cluster_current_epoch:4\r\ncluster_my_epoch:4\r\n/,
    );
    expect(exec(n2!, 'GET', `${S}k`)).toBe(`-MOVED ${SLOT} 127.0.0.1:7001`);
    expect(exec(n0!, 'GET', `${S}k`)).toBe(`-MOVED ${SLOT} 127.0.0.1:7001`);
    // The source still shows its (now pointless) migrating state until told.
    expect(exec(n0!, 'CLUSTER', 'NODES')).toContain(`[${SLOT}->-${c.id(1)}]`);
    expect(exec(n0!, 'CLUSTER', 'SETSLOT', SLOT, 'NODE', c.id(1))).toBe('OK');
    expect(exec(n0!, 'CLUSTER', 'NODES')).not.toContain('->-');
    expect(exec(n1!, 'GET', `${S}k`)).toBe(null);
    for (const n of c.nodes) {
      expect(n.cluster!.slots[Number(SLOT)]!.id).toBe(c.id(1));
      expect(exec(n, 'CLUSTER', 'INFO')).toMatch(/cluster_current_epoch:4\r\n/);
    }
  });

  it('spreads ADDSLOTS / DELSLOTS only through later heartbeats', () => {
    const c = testCluster();
    const [n0, , n2] = c.nodes;
    expect(exec(n0!, 'CLUSTER', 'DELSLOTS', SLOT)).toBe('OK');
    expect(exec(n0!, 'CLUSTER', 'ADDSLOTS', SLOT, SLOT)).toBe(
      `-ERR Slot ${SLOT} specified multiple times`,
    );
    expect(exec(n0!, 'GET', `${S}k`)).toBe('-CLUSTERDOWN Hash slot not served');
    expect(exec(n0!, 'CLUSTER', 'ADDSLOTS', SLOT)).toBe('OK');
    // Node 2 never saw the slot unassigned: the owner kept claiming it.
    expect(exec(n2!, 'GET', `${S}k`)).toBe(`-MOVED ${SLOT} 127.0.0.1:7000`);
    expect(exec(n2!, 'CLUSTER', 'DELSLOTS', SLOT)).toBe('OK');
    expect(exec(n2!, 'GET', `${S}k`)).toBe('-CLUSTERDOWN Hash slot not served');
    c.run(15_000); // heartbeats carry node 0's claim back to node 2
    expect(exec(n2!, 'GET', `${S}k`)).toBe(`-MOVED ${SLOT} 127.0.0.1:7000`);
  });

  it('BUMPEPOCH and SET-CONFIG-EPOCH', () => {
    const c = testCluster();
    expect(exec(c.nodes[2]!, 'CLUSTER', 'BUMPEPOCH')).toBe('STILL 3');
    expect(exec(c.nodes[0]!, 'CLUSTER', 'BUMPEPOCH')).toBe('BUMPED 4');
    expect(exec(c.nodes[0]!, 'CLUSTER', 'SET-CONFIG-EPOCH', '9')).toBe(
      '-ERR The user can assign a config epoch only when the node does not know any other node.',
    );
  });
});

describe('the bus', () => {
  it('delivers PUBLISH to subscribers on every node; the reply counts local ones', () => {
    const c = testCluster();
    const got: unknown[] = [];
    const sub = c.nodes[2]!.connect({ onPush: (r: Reply) => got.push(show(r)) });
    sub.exec(['SUBSCRIBE', 'news']);
    expect(exec(c.nodes[0]!, 'PUBLISH', 'news', 'hello')).toBe(0);
    expect(got).toEqual([['message', 'news', 'hello']]);
  });

  it('can hold messages back (a slow or cut link): views differ until delivery', () => {
    const held: Array<() => void> = [];
    let hold = false;
    const c = testCluster({
      transport: { carry: (_from, _to, deliver) => (hold ? held.push(deliver) : deliver()) },
    });
    hold = true;
    const [n0, n1, n2] = c.nodes;
    exec(n1!, 'CLUSTER', 'SETSLOT', SLOT, 'IMPORTING', c.id(0));
    exec(n1!, 'CLUSTER', 'SETSLOT', SLOT, 'NODE', c.id(1));
    expect(exec(n2!, 'GET', `${S}k`)).toBe(`-MOVED ${SLOT} 127.0.0.1:7000`);
    expect(exec(n0!, 'GET', `${S}k`)).toBe(null);
    for (const d of held.splice(0)) d();
    expect(exec(n2!, 'GET', `${S}k`)).toBe(`-MOVED ${SLOT} 127.0.0.1:7001`);
    // Node 0 lost the slot to a newer epoch; it had no keys there, so nothing is deleted.
    expect(exec(n0!, 'GET', `${S}k`)).toBe(`-MOVED ${SLOT} 127.0.0.1:7001`);
  });

  it('detects a master that stopped answering: PFAIL, then FAIL by quorum, cluster down', () => {
    const c = testCluster({ nodeTimeoutMs: 2000 });
    const [n0, n1, n2] = c.nodes;
    c.bus.detach(n2!.cluster!);
    c.run(1500);
    expect(exec(n0!, 'CLUSTER', 'NODES')).toMatch(new RegExp(`${c.id(2)} \\S+ master `));
    c.run(2500);
    const line = (show(n0!.exec(['CLUSTER', 'NODES'])) as string)
      .split('\n')
      .find((l) => l.startsWith(c.id(2)))!;
    expect(line).toMatch(/ master,fail - /);
    expect(line).toMatch(/ disconnected 10923-16383$/);
    expect(exec(n1!, 'CLUSTER', 'INFO')).toMatch(
      /^cluster_state:fail\r\n.*cluster_slots_fail:5461\r\n/s,
    );
    expect(exec(n0!, 'GET', `${S}k`)).toBe('-CLUSTERDOWN The cluster is down');
    // The cut-off node is in the minority: down too.
    expect(n2!.cluster!.state).toBe('fail');
    // Back on the bus: reachable again, and after the fail-undo time its slots count again.
    c.bus.attach(n2!.cluster!);
    c.run(6000);
    expect(c.nodes.map((n) => n.cluster!.state)).toEqual(['ok', 'ok', 'ok']);
  });
});

describe('blocked clients', () => {
  it('get -MOVED when the slot of the key they wait on moves away', () => {
    const c = testCluster();
    const [n0, n1] = c.nodes;
    const pushed: unknown[] = [];
    const waiting = n0!.connect({ onPush: (r) => pushed.push(show(r)) });
    expect(show(waiting.exec(['BLPOP', `${S}list`, '0']))).toBe('blocked');
    exec(n1!, 'CLUSTER', 'SETSLOT', SLOT, 'IMPORTING', c.id(0));
    exec(n1!, 'CLUSTER', 'SETSLOT', SLOT, 'NODE', c.id(1));
    c.run(200);
    expect(pushed).toEqual([`-MOVED ${SLOT} 127.0.0.1:7001`]);
    expect(n0!.blockedCount).toBe(0);
  });
});

describe('CLUSTER MEET', () => {
  /** Three fresh cluster-enabled nodes on one bus: no slots, knowing nobody. */
  function bare() {
    const clock = manualClock(1_700_000_000_000);
    const bus = new ClusterBus();
    const nodes = [0, 1, 2].map((i) =>
      createRedisEngine({
        clock,
        rng: engineRng(10 + i),
        cluster: { bus, ip: '127.0.0.1', port: 7000 + i },
      }),
    );
    const run = (ms: number): void => {
      for (let t = 0; t < ms; t += 100) {
        clock.advance(100);
        for (const n of nodes) n.tick();
      }
    };
    return { nodes, run };
  }

  it('joins fresh nodes into one cluster as redis-cli --cluster create does', () => {
    const { nodes, run } = bare();
    const ranges = [
      ['0', '5460'],
      ['5461', '10922'],
      ['10923', '16383'],
    ];
    nodes.forEach((n, i) => {
      expect(exec(n, 'CLUSTER', 'ADDSLOTSRANGE', ...ranges[i]!)).toBe('OK');
      expect(exec(n, 'CLUSTER', 'SET-CONFIG-EPOCH', String(i + 1))).toBe('OK');
    });
    expect(exec(nodes[1]!, 'CLUSTER', 'MEET', '127.0.0.1', '7000')).toBe('OK');
    expect(exec(nodes[2]!, 'CLUSTER', 'MEET', '127.0.0.1', '7000')).toBe('OK');
    expect(exec(nodes[1]!, 'CLUSTER', 'NODES')).toMatch(/ 127\.0\.0\.1:7000@17000 handshake - /);
    // Nodes 1 and 2 learn of each other from node 0's gossip, a random entry per message.
    run(8000);
    const ids = nodes.map((n) => n.cluster!.myself.id);
    for (const n of nodes) {
      expect(exec(n, 'CLUSTER', 'INFO')).toMatch(
        /^cluster_state:ok\r\n(.*\r\n)*cluster_known_nodes:3\r\ncluster_size:3\r\ncluster_current_epoch:3\r\n/,
      );
      const lines = (exec(n, 'CLUSTER', 'NODES') as string).trim().split('\n');
      expect(lines.map((l) => l.split(' ')[0]).sort()).toEqual([...ids].sort());
      expect(
        lines.every((l) =>
          / master - \d+ \d+ [123] connected \d+-\d+$/.test(l.replace('myself,', '')),
        ),
      ).toBe(true);
    }
    expect(exec(nodes[0]!, 'SET', 'foo', 'bar')).toBe('-MOVED 12182 127.0.0.1:7002');
  });

  it('drops a handshake nobody answers after the node timeout, and checks its arguments', () => {
    const { nodes, run } = bare();
    const n0 = nodes[0]!;
    expect(exec(n0, 'CLUSTER', 'MEET', '127.0.0.1', '7999')).toBe('OK');
    expect(exec(n0, 'CLUSTER', 'MEET', '127.0.0.1', '7999')).toBe('OK');
    expect(exec(n0, 'CLUSTER', 'INFO')).toMatch(/cluster_known_nodes:2\r\n/);
    run(15_200);
    expect(exec(n0, 'CLUSTER', 'INFO')).toMatch(/cluster_known_nodes:1\r\n/);
    expect(exec(n0, 'CLUSTER', 'MEET', '127.0.0.1', 'x')).toBe(
      '-ERR Invalid TCP base port specified: x',
    );
    expect(exec(n0, 'CLUSTER', 'MEET', '127.0.0.1', '1', 'y')).toBe(
      '-ERR Invalid TCP bus port specified: y',
    );
    expect(exec(n0, 'CLUSTER', 'MEET', 'host', '7001')).toBe(
      '-ERR Invalid node address specified: host:7001',
    );
    expect(exec(n0, 'CLUSTER', 'MEET', '127.0.0.1', '70000')).toBe(
      '-ERR Invalid node address specified: 127.0.0.1:70000',
    );
    expect(exec(n0, 'CLUSTER', 'MEET', '1', '2', '3', '4')).toBe(
      "-ERR unknown subcommand or wrong number of arguments for 'MEET'. Try CLUSTER HELP.",
    );
  });
});
