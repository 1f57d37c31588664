/**
 * Pub/sub registry: channel and pattern subscriptions per connection; PUBLISH delivers
 * `message` / `pmessage` arrays to subscribers' push listeners in subscription order.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import { globMatch } from '../glob';
import { reply } from '../reply';
import type { Reply } from '../reply';

const MESSAGE = reply.bulk('message');
const PMESSAGE = reply.bulk('pmessage');

export class PubSub {
  readonly channels = new Map<BinStr, Set<Client>>();
  readonly patterns = new Map<BinStr, Set<Client>>();

  subscribe(c: Client, channel: BinStr): boolean {
    if (c.channels.has(channel)) return false;
    c.channels.add(channel);
    let set = this.channels.get(channel);
    if (set === undefined) this.channels.set(channel, (set = new Set()));
    set.add(c);
    return true;
  }

  unsubscribe(c: Client, channel: BinStr): boolean {
    if (!c.channels.delete(channel)) return false;
    const set = this.channels.get(channel);
    set?.delete(c);
    if (set?.size === 0) this.channels.delete(channel);
    return true;
  }

  psubscribe(c: Client, pattern: BinStr): boolean {
    if (c.patterns.has(pattern)) return false;
    c.patterns.add(pattern);
    let set = this.patterns.get(pattern);
    if (set === undefined) this.patterns.set(pattern, (set = new Set()));
    set.add(c);
    return true;
  }

  punsubscribe(c: Client, pattern: BinStr): boolean {
    if (!c.patterns.delete(pattern)) return false;
    const set = this.patterns.get(pattern);
    set?.delete(c);
    if (set?.size === 0) this.patterns.delete(pattern);
    return true;
  }

  unsubscribeAll(c: Client): void {
    for (const ch of [...c.channels]) this.unsubscribe(c, ch);
    for (const p of [...c.patterns]) this.punsubscribe(c, p);
  }

  /** Delivers `message` and returns the number of receivers (PUBLISH's reply). */
  publish(channel: BinStr, message: BinStr): number {
    let n = 0;
    const subs = this.channels.get(channel);
    if (subs !== undefined) {
      const items = [MESSAGE, reply.bulk(channel), reply.bulk(message)];
      const msg = reply.array(items);
      // A RESP3 connection gets it as a push (pubsub.c addReplyPubsubMessage).
      const push: Reply = { kind: 'push', items };
      for (const c of subs) {
        c.push(c.resp === 3 ? push : msg);
        n++;
      }
    }
    for (const [pattern, set] of this.patterns) {
      if (!globMatch(pattern, channel)) continue;
      const items = [PMESSAGE, reply.bulk(pattern), reply.bulk(channel), reply.bulk(message)];
      const msg = reply.array(items);
      const push: Reply = { kind: 'push', items };
      for (const c of set) {
        c.push(c.resp === 3 ? push : msg);
        n++;
      }
    }
    return n;
  }
}
