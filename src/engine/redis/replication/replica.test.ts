import { describe, expect, it } from 'vitest';
import { manualClock } from '../../clock';
import type { ManualClock } from '../../clock';
import { engineRng } from '../../rng';
import { createRedisEngine } from '../engine';
import type { RedisEngine } from '../engine';
import type { Reply } from '../reply';
import type { ReplicaHandle } from './replication';

const T0 = 1_700_000_000_000;

/** A simulated link: bytes queue until `deliver()`, as if carried with some delay. */
interface Link {
  handle: ReplicaHandle;
  deliver(): void;
  queued(): number;
  cut(): void;
}

function engines(clock: ManualClock): [RedisEngine, RedisEngine] {
  return [
    createRedisEngine({ clock, rng: engineRng(1), runId: 'a'.repeat(40) }),
    createRedisEngine({ clock, rng: engineRng(2), runId: 'b'.repeat(40) }),
  ];
}

/** replica becomes a replica of primary and syncs through the typed API (what a transport does). */
function connect(
  primary: RedisEngine,
  replica: RedisEngine,
  first = true,
): Link & { kind: string } {
  if (first) replica.repl.replicaOf('primary', 6379);
  const req = replica.repl.role.beginSync();
  let queue: string[] = [];
  let up = true;
  const handle = primary.repl.attachReplica({
    addr: '10.0.0.2',
    listeningPort: 6380,
    send: (b) => {
      if (up) queue.push(b);
    },
  });
  replica.repl.role.onAck = (off) => {
    if (up) handle.ack(off);
  };
  const ans = handle.psync(req.replid, req.offset);
  if (ans.kind === 'fullresync') {
    expect(replica.repl.role.fullResync(ans.replid, ans.offset, ans.rdb)).toBeNull();
  } else {
    replica.repl.role.continueSync(ans.replid);
    replica.repl.role.applyStream(ans.backlog);
  }
  return {
    kind: ans.kind,
    handle,
    deliver: () => {
      const q = queue;
      queue = [];
      for (const b of q) replica.repl.role.applyStream(b);
    },
    queued: () => queue.reduce((n, b) => n + b.length, 0),
    cut: () => {
      up = false;
      handle.detach();
      replica.repl.role.linkDown();
    },
  };
}

const bulk = (r: Reply | undefined): string | null => (r?.kind === 'bulk' ? r.value : null);

function info(e: RedisEngine, field: string): string {
  const r = e.exec(['INFO', 'replication']);
  return bulk(r)?.match(new RegExp(`${field}:([^\\r]*)`))?.[1] ?? 'absent';
}

/** Every key of every db with its type, value and absolute expiry, read through commands. */
function keyspace(e: RedisEngine): string[] {
  const c = e.connect();
  const out: string[] = [];
  const items = (r: Reply | undefined): string[] =>
    r?.kind === 'array' ? r.items.map((x) => bulk(x) ?? '') : [];
  for (const db of e.dbs) {
    c.exec(['SELECT', String(db.id)]);
    for (const key of items(c.exec(['KEYS', '*']))) {
      const type = (c.exec(['TYPE', key]) as { value: string }).value;
      const read: Record<string, string[]> = {
        string: ['GET', key],
        hash: ['HGETALL', key],
        list: ['LRANGE', key, '0', '-1'],
        set: ['SMEMBERS', key],
        zset: ['ZRANGE', key, '0', '-1', 'WITHSCORES'],
      };
      const r = c.exec(read[type]!);
      const v = r?.kind === 'array' ? items(r) : [bulk(r) ?? ''];
      if (type === 'set' || type === 'hash') v.sort();
      out.push(
        `${db.id} ${key} ${type} ${JSON.stringify(c.exec(['PEXPIRETIME', key]))} ${JSON.stringify(v)}`,
      );
    }
  }
  c.close();
  return out.sort();
}

describe('replication: an engine replicating from an engine', () => {
  it('full sync, then the stream: same keyspace, same offsets, replica read-only', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    p.exec(['SET', 'before', '1', 'EX', '100']);
    p.exec(['SELECT', '4']);
    p.exec(['RPUSH', 'l', 'a', 'b']);
    const link = connect(p, r);
    expect(link.kind).toBe('fullresync');
    p.exec(['SADD', 's', 'x']);
    p.exec(['INCRBYFLOAT', 'f', '0.5']);
    p.exec(['SELECT', '0']);
    p.exec(['HSET', 'h', 'a', '1']);
    link.deliver();
    expect(keyspace(r)).toEqual(keyspace(p));
    expect(r.repl.role.link!.reploff).toBe(p.repl.primary.offset);
    expect(info(r, 'master_repl_offset')).toBe(info(p, 'master_repl_offset'));
    expect(info(r, 'master_replid')).toBe(info(p, 'master_replid'));
    expect(info(r, 'role')).toBe('slave');
    expect(info(r, 'master_link_status')).toBe('up');
    expect(info(p, 'connected_slaves')).toBe('1');
    expect(r.exec(['SET', 'x', '1'])).toEqual({
      kind: 'error',
      message: "READONLY You can't write against a read only replica.",
    });
    expect(bulk(r.exec(['GET', 'before']))).toBe('1');
    expect(r.exec(['ROLE'])).toEqual({
      kind: 'array',
      items: [
        { kind: 'bulk', value: 'slave' },
        { kind: 'bulk', value: 'primary' },
        { kind: 'int', value: 6379 },
        { kind: 'bulk', value: 'connected' },
        { kind: 'int', value: p.repl.primary.offset },
      ],
    });
  });

  it('acknowledges once a second on its clock and on GETACK; WAIT counts the acknowledgements', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    const link = connect(p, r);
    const c = p.connect({ onPush: (x) => pushed.push(x) });
    const pushed: Reply[] = [];
    c.exec(['SET', 'k', 'v']);
    expect(c.exec(['WAIT', '1', '0'])).toBeUndefined(); // blocked: nobody acknowledged yet
    const beforeAck = p.repl.primary.offset; // includes the REPLCONF GETACK * WAIT sent
    link.deliver(); // the replica applies SET and GETACK, and answers with an ACK
    expect(pushed).toEqual([{ kind: 'int', value: 1 }]);
    // The ACK carries the offset before the GETACK command itself, as Redis's does.
    expect(link.handle.ackOffset).toBe(
      beforeAck - '*3\r\n$8\r\nREPLCONF\r\n$6\r\nGETACK\r\n$1\r\n*\r\n'.length,
    );
    c.exec(['SET', 'k', 'w']);
    link.deliver();
    expect(link.handle.ackOffset).toBeLessThan(p.repl.primary.offset);
    clock.advance(1000);
    r.tick(); // the replica's cron acknowledges
    expect(link.handle.ackOffset).toBe(p.repl.primary.offset);
    expect(c.exec(['WAIT', '1', '0'])).toEqual({ kind: 'int', value: 1 });
    expect(c.exec(['WAIT', '2', '50'])).toBeUndefined();
    clock.advance(60);
    p.tick();
    expect(pushed.at(-1)).toEqual({ kind: 'int', value: 1 });
  });

  it('hides logically expired keys from readers until the primary’s DEL arrives', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    const link = connect(p, r);
    p.exec(['SET', 'k', 'v', 'PX', '100']);
    link.deliver();
    clock.advance(200);
    expect(r.exec(['GET', 'k'])).toEqual({ kind: 'null' });
    expect(r.exec(['TTL', 'k'])).toEqual({ kind: 'int', value: -2 });
    expect(r.exec(['EXISTS', 'k'])).toEqual({ kind: 'int', value: 0 });
    r.tick(); // replicas do not expire keys themselves
    expect(r.exec(['DBSIZE'])).toEqual({ kind: 'int', value: 1 });
    expect(r.stats.expiredKeys).toBe(0);
    p.exec(['GET', 'k']); // the primary expires it and replicates DEL
    link.deliver();
    expect(r.exec(['DBSIZE'])).toEqual({ kind: 'int', value: 0 });
  });

  it('applies a transaction as one unit: the offset moves at EXEC', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    const link = connect(p, r);
    const c = p.connect();
    c.exec(['MULTI']);
    c.exec(['SET', 'a', '1']);
    c.exec(['SET', 'b', '2']);
    c.exec(['EXEC']);
    const bytes: string[] = [];
    const handle = link.handle;
    expect(handle.ackOffset).toBe(0);
    const all = p.repl.primary.backlog!.read(1);
    // Deliver everything but the EXEC: nothing counts as applied yet.
    r.repl.role.applyStream(all.slice(0, all.length - 14));
    bytes.push(all.slice(all.length - 14));
    // Only the SELECT before MULTI counts: the transaction is applied by its EXEC.
    expect(r.repl.role.link!.reploff).toBe('*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n'.length);
    expect(r.exec(['DBSIZE'])).toEqual({ kind: 'int', value: 0 });
    r.repl.role.applyStream(bytes[0]!);
    expect(r.repl.role.link!.reploff).toBe(p.repl.primary.offset);
    expect(r.exec(['MGET', 'a', 'b'])).toEqual({
      kind: 'array',
      items: [
        { kind: 'bulk', value: '1' },
        { kind: 'bulk', value: '2' },
      ],
    });
  });

  it('continues after a short disconnection, resyncs in full after one longer than the backlog', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    p.configure({ 'repl-backlog-size': 16 * 1024 });
    const link = connect(p, r);
    p.exec(['SET', 'k', '1']);
    link.deliver();
    link.cut();
    expect(info(r, 'master_link_status')).toBe('down');
    for (let i = 0; i < 20; i++) p.exec(['SET', `s${i}`, 'x'.repeat(100)]);
    const again = connect(p, r, false);
    expect(again.kind).toBe('continue');
    again.deliver();
    expect(keyspace(r)).toEqual(keyspace(p));
    expect(p.repl.stats.syncPartialOk).toBe(1);
    again.cut();
    for (let i = 0; i < 100; i++) p.exec(['SET', `big${i % 5}`, 'y'.repeat(1000)]);
    const third = connect(p, r, false);
    expect(third.kind).toBe('fullresync');
    // The first sync asked for the replica's own history too (replicationCacheMasterUsingMyself).
    expect(p.repl.stats.syncPartialErr).toBe(2);
    expect(keyspace(r)).toEqual(keyspace(p));
  });

  it('promotion keeps the old history as ID2, so the old primary continues from the new one', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    const link = connect(p, r);
    p.exec(['SET', 'a', '1']);
    link.deliver();
    const oldId = p.repl.primary.replid;
    const offset = p.repl.primary.offset;
    link.cut();
    r.exec(['REPLICAOF', 'NO', 'ONE']);
    expect(info(r, 'role')).toBe('master');
    expect(info(r, 'master_replid2')).toBe(oldId);
    expect(info(r, 'second_repl_offset')).toBe(String(offset + 1));
    expect(info(r, 'master_replid')).not.toBe(oldId);
    r.exec(['SET', 'b', '2']); // the new primary writes
    // The old primary becomes a replica of the promoted one: its own history continues there.
    const back = connect(r, p);
    expect(back.kind).toBe('continue');
    back.deliver();
    expect(bulk(p.exec(['GET', 'b']))).toBe('2');
    expect(info(p, 'master_replid')).toBe(r.repl.primary.replid);
  });

  it('a new replica changes the primary’s replication ID once, when the backlog is created', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    const before = info(p, 'master_replid');
    expect(info(p, 'repl_backlog_active')).toBe('0');
    connect(p, r);
    expect(info(p, 'master_replid')).not.toBe(before);
    expect(info(p, 'repl_backlog_active')).toBe('1');
    expect(info(p, 'repl_backlog_first_byte_offset')).toBe('1');
  });

  it('drops a replica silent for repl-timeout, and frees the backlog after repl-backlog-ttl', () => {
    const clock = manualClock(T0);
    const [p, r] = engines(clock);
    p.configure({ 'repl-timeout': 5, 'repl-backlog-ttl': 10 });
    connect(p, r);
    r.repl.role.onAck = undefined; // the link goes quiet
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      p.tick();
    }
    expect(info(p, 'connected_slaves')).toBe('0');
    const id = info(p, 'master_replid');
    for (let i = 0; i < 12; i++) {
      clock.advance(1000);
      p.tick();
    }
    expect(info(p, 'repl_backlog_active')).toBe('0');
    expect(info(p, 'master_replid')).not.toBe(id);
  });
});
