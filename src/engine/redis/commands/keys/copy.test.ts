import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { createRedisCluster } from '../../cluster';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(1_000_000), rng: engineRng(2) });

describe('COPY, MOVE, SWAPDB', () => {
  it('COPY duplicates every type with its encoding and TTL, and leaves the source alone', () => {
    const e = fresh();
    e.exec(['set', 'n', '42']);
    e.exec(['hset', 'h', 'a', '1', 'f', 'x'.repeat(100)]);
    e.exec(['hdel', 'h', 'f']); // a hashtable of one short field stays a hashtable when copied
    e.exec(['rpush', 'l', 'a', 'b']);
    e.exec(['sadd', 's', '1', '2']);
    e.exec(['zadd', 'z', '1', 'm']);
    e.exec(['pexpire', 'l', '5000']);
    for (const k of ['n', 'h', 'l', 's', 'z'])
      expect(e.exec(['copy', k, `${k}2`])).toEqual(reply.int(1));
    expect(e.exec(['object', 'encoding', 'h2'])).toEqual(reply.bulk('hashtable'));
    expect(e.exec(['object', 'encoding', 's2'])).toEqual(reply.bulk('intset'));
    // A copied small integer is an object of its own, not one of the shared integers.
    expect(e.exec(['object', 'refcount', 'n2'])).toEqual(reply.int(1));
    expect(e.exec(['object', 'refcount', 'n'])).toEqual(reply.int(2147483647));
    expect(e.exec(['pttl', 'l2'])).toEqual(reply.int(5000));
    e.exec(['rpush', 'l2', 'c']);
    expect(e.exec(['lrange', 'l', '0', '-1'])).toEqual(reply.bulks(['a', 'b']));
    expect(e.exec(['zscore', 'z2', 'm'])).toEqual(reply.bulk('1'));
  });

  it('COPY refuses an existing destination unless REPLACE, and checks DB and same-object errors', () => {
    const e = fresh();
    e.exec(['mset', 'a', '1', 'b', '2']);
    expect(e.exec(['copy', 'a', 'b'])).toEqual(reply.int(0));
    expect(e.exec(['copy', 'a', 'b', 'REPLACE'])).toEqual(reply.int(1));
    expect(e.exec(['get', 'b'])).toEqual(reply.bulk('1'));
    expect(e.exec(['copy', 'a', 'a'])).toEqual(
      reply.error('ERR source and destination objects are the same'),
    );
    expect(e.exec(['copy', 'a', 'a', 'db', '3'])).toEqual(reply.int(1));
    expect(e.exec(['copy', 'a', 'a', 'db', '16'])).toEqual(
      reply.error('ERR DB index is out of range'),
    );
    expect(e.exec(['copy', 'a', 'a', 'db'])).toEqual(reply.syntax());
    expect(e.exec(['copy', 'missing', 'x'])).toEqual(reply.int(0));
  });

  it('MOVE keeps value, TTL and memory, and refuses when the target has the key', () => {
    const e = fresh();
    e.exec(['set', 'k', 'v', 'px', '9000']);
    const before = e.usedMemory();
    expect(e.exec(['move', 'k', '2'])).toEqual(reply.int(1));
    expect(e.usedMemory()).toBe(before);
    expect(e.exec(['exists', 'k'])).toEqual(reply.int(0));
    const c = e.connect();
    c.exec(['select', '2']);
    expect(c.exec(['pttl', 'k'])).toEqual(reply.int(9000));
    c.exec(['set', 'other', '1']);
    e.exec(['set', 'other', '0']);
    expect(e.exec(['move', 'other', '2'])).toEqual(reply.int(0));
    expect(e.exec(['move', 'other', '0'])).toEqual(
      reply.error('ERR source and destination objects are the same'),
    );
  });

  it('SWAPDB swaps the keys under connected clients, aborts WATCHers and serves blocked pops', () => {
    const e = fresh();
    const watcher = e.connect();
    const waiter = e.connect();
    const pushed: Reply[] = [];
    const blocked = e.connect({ onPush: (r) => pushed.push(r) });
    e.exec(['set', 'k', 'in-db0']);
    e.exec(['rpush', 'q', 'job']);
    watcher.exec(['select', '1']);
    watcher.exec(['watch', 'k']); // missing in db1, present in db0: the swap changes it
    blocked.exec(['select', '1']);
    expect(blocked.exec(['blpop', 'q', '0'])).toBeUndefined();
    waiter.exec(['select', '1']);
    expect(e.exec(['swapdb', '0', '1'])).toEqual(reply.ok());
    expect(waiter.exec(['get', 'k'])).toEqual(reply.bulk('in-db0'));
    expect(e.exec(['get', 'k'])).toEqual(reply.nil());
    expect(pushed).toEqual([reply.bulks(['q', 'job'])]);
    watcher.exec(['multi']);
    watcher.exec(['get', 'k']);
    expect(watcher.exec(['exec'])).toEqual(reply.nilArray());
    expect(e.exec(['swapdb', '0', 'x'])).toEqual(reply.error('ERR invalid second DB index'));
    expect(e.exec(['swapdb', '0', '16'])).toEqual(reply.error('ERR DB index is out of range'));
  });
});

describe('in cluster mode', () => {
  it('refuses MOVE, SWAPDB, COPY to another db and SORT BY/GET patterns as redis-server does', () => {
    const clock = manualClock(0);
    const { nodes } = createRedisCluster({ clock, masters: 1, basePort: 7000, seed: 1 });
    clock.advance(3000);
    for (let i = 0; i < 40; i++) nodes[0]!.tick();
    const n = nodes[0]!;
    expect(n.exec(['move', 'k', '1'])).toEqual(
      reply.error('ERR MOVE is not allowed in cluster mode'),
    );
    expect(n.exec(['swapdb', '0', '1'])).toEqual(
      reply.error('ERR SWAPDB is not allowed in cluster mode'),
    );
    expect(n.exec(['copy', '{a}k', '{a}j', 'db', '1'])).toEqual(
      reply.error('ERR Copying to another database is not allowed in cluster mode'),
    );
    expect(n.exec(['sort', 'k', 'by', 'w_*'])).toEqual(
      reply.error('ERR BY option of SORT denied in Cluster mode.'),
    );
    expect(n.exec(['sort', 'k', 'get', '#'])).toEqual(
      reply.error('ERR GET option of SORT denied in Cluster mode.'),
    );
    expect(n.exec(['sort', 'k', 'by', 'nosort'])).toEqual(reply.emptyArray());
  });
});
