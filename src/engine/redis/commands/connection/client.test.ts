import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(7) });

describe('CLIENT REPLY, UNBLOCK, NO-EVICT', () => {
  it('REPLY SKIP drops exactly the next reply, OFF drops all (pushes too) until ON', () => {
    const e = fresh();
    const pushed: Reply[] = [];
    const c = e.connect({ onPush: (r) => pushed.push(r) });
    expect(c.exec(['client', 'reply', 'skip'])).toBeUndefined();
    expect(c.exec(['ping'])).toBeUndefined();
    expect(c.exec(['ping'])).toEqual(reply.pong());
    expect(c.exec(['client', 'reply', 'off'])).toBeUndefined();
    expect(c.exec(['set', 'k', 'v'])).toBeUndefined();
    expect(c.exec(['client', 'reply', 'bogus'])).toBeUndefined();
    expect(c.exec(['client', 'reply', 'on'])).toEqual(reply.ok());
    expect(c.exec(['get', 'k'])).toEqual(reply.bulk('v'));
    // While OFF, pub/sub messages (RESP2 replies) are dropped too.
    const sub = e.connect({ onPush: (r) => pushed.push(r) });
    sub.exec(['client', 'reply', 'off']);
    expect(sub.exec(['subscribe', 'ch'])).toBeUndefined();
    expect(e.exec(['publish', 'ch', 'hello'])).toEqual(reply.int(1));
    expect(pushed).toEqual([]);
    expect(e.exec(['client', 'reply', 'bogus'])).toEqual(reply.syntax());
  });

  it('UNBLOCK ends a BLPOP with its timeout reply or an UNBLOCKED error', () => {
    const e = fresh();
    const pushed: Reply[] = [];
    const waiter = e.connect({ onPush: (r) => pushed.push(r) });
    const id = String((waiter.exec(['client', 'id']) as { value: number }).value);
    expect(waiter.exec(['blpop', 'q', '0'])).toBeUndefined();
    expect(e.exec(['client', 'unblock', id])).toEqual(reply.int(1));
    expect(waiter.exec(['blpop', 'q', '0'])).toBeUndefined();
    expect(e.exec(['client', 'unblock', id, 'ERROR'])).toEqual(reply.int(1));
    expect(pushed).toEqual([
      reply.nilArray(),
      reply.error('UNBLOCKED client unblocked via CLIENT UNBLOCK'),
    ]);
    expect(e.exec(['client', 'unblock', id])).toEqual(reply.int(0));
    expect(e.exec(['client', 'unblock', id, 'later'])).toEqual(
      reply.error('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR'),
    );
    expect(e.exec(['client', 'unblock', 'x'])).toEqual(reply.notInteger());
  });

  it('NO-EVICT ON shows the e flag in CLIENT INFO', () => {
    const e = fresh();
    const c = e.connect();
    expect(c.exec(['client', 'no-evict', 'on'])).toEqual(reply.ok());
    const info = c.exec(['client', 'info']);
    expect(info?.kind === 'bulk' && info.value.includes(' flags=e ')).toBe(true);
    expect(c.exec(['client', 'no-evict', 'maybe'])).toEqual(reply.syntax());
    expect(c.exec(['client', 'no-evict', 'off'])).toEqual(reply.ok());
  });
});
