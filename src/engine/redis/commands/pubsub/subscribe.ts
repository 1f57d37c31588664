/**
 * SUBSCRIBE and friends answer with one reply per channel. exec() returns one Reply, so the
 * earlier confirmations go out through the connection's push listener, in order, and the last
 * one is returned (the TCP server writes pushes as they come, so the byte stream is Redis's).
 */
import { defineCommand, NO_KEYS } from '../../command';
import type { Argv } from '../../command';
import type { Client } from '../../client';
import { reply } from '../../reply';
import type { Reply } from '../../reply';
import { pushReply } from '../../resp3';

type Kind = 'subscribe' | 'unsubscribe' | 'psubscribe' | 'punsubscribe';

function confirm(c: Client, kind: Kind, name: string | undefined): Reply {
  return pushReply(c, [
    reply.bulk(kind),
    name === undefined ? reply.nil() : reply.bulk(name),
    reply.int(c.subscriptionCount),
  ]);
}

function many(c: Client, replies: Reply[]): Reply {
  for (let i = 0; i < replies.length - 1; i++) c.push(replies[i]!);
  return replies[replies.length - 1]!;
}

function subscribeGeneric(c: Client, argv: Argv, kind: 'subscribe' | 'psubscribe'): Reply {
  const out: Reply[] = [];
  for (let i = 1; i < argv.length; i++) {
    if (kind === 'subscribe') c.engine.pubsub.subscribe(c, argv[i]!);
    else c.engine.pubsub.psubscribe(c, argv[i]!);
    out.push(confirm(c, kind, argv[i]!));
  }
  return many(c, out);
}

function unsubscribeGeneric(c: Client, argv: Argv, kind: 'unsubscribe' | 'punsubscribe'): Reply {
  const ps = c.engine.pubsub;
  const names =
    argv.length > 1 ? argv.slice(1) : [...(kind === 'unsubscribe' ? c.channels : c.patterns)];
  if (names.length === 0) return confirm(c, kind, undefined);
  const out: Reply[] = [];
  for (const n of names) {
    if (kind === 'unsubscribe') ps.unsubscribe(c, n);
    else ps.punsubscribe(c, n);
    out.push(confirm(c, kind, n));
  }
  return many(c, out);
}

const meta = {
  keys: NO_KEYS,
  group: 'pubsub' as const,
  flags: ['pubsub', 'noscript', 'loading', 'stale', 'pubsub-context'] as const,
};

export const subscribe = defineCommand({
  ...meta,
  name: 'subscribe',
  arity: -2,
  syntax: 'SUBSCRIBE channel [channel ...]',
  summary:
    'Listens for messages published to channels; the connection then only accepts (P)(UN)SUBSCRIBE, PING, QUIT.',
  run: (c, argv) => subscribeGeneric(c, argv, 'subscribe'),
});

export const psubscribe = defineCommand({
  ...meta,
  name: 'psubscribe',
  arity: -2,
  syntax: 'PSUBSCRIBE pattern [pattern ...]',
  summary: 'Listens for messages on every channel matching glob patterns.',
  run: (c, argv) => subscribeGeneric(c, argv, 'psubscribe'),
});

export const unsubscribe = defineCommand({
  ...meta,
  name: 'unsubscribe',
  arity: -1,
  syntax: 'UNSUBSCRIBE [channel [channel ...]]',
  summary: 'Stops listening to channels (all of them without arguments).',
  run: (c, argv) => unsubscribeGeneric(c, argv, 'unsubscribe'),
});

export const punsubscribe = defineCommand({
  ...meta,
  name: 'punsubscribe',
  arity: -1,
  syntax: 'PUNSUBSCRIBE [pattern [pattern ...]]',
  summary: 'Stops listening to patterns (all of them without arguments).',
  run: (c, argv) => unsubscribeGeneric(c, argv, 'punsubscribe'),
});

export const publish = defineCommand({
  name: 'publish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast', 'may-replicate'],
  keys: NO_KEYS,
  group: 'pubsub',
  syntax: 'PUBLISH channel message',
  summary: 'Sends a message to a channel; returns how many subscribers received it.',
  run: (c, argv) => {
    c.engine.stats.pubsubMessages++;
    // In cluster mode every node delivers to its own subscribers; the reply counts ours.
    c.engine.cluster?.publish(argv[1]!, argv[2]!);
    c.forcePropagation(); // replicas deliver it to their own subscribers (pubsub.c)
    return reply.int(c.engine.pubsub.publish(argv[1]!, argv[2]!));
  },
});
