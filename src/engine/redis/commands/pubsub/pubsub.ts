import { defineCommand, NO_KEYS } from '../../command';
import { globMatch } from '../../glob';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

const meta = {
  keys: NO_KEYS,
  group: 'pubsub' as const,
  flags: ['pubsub', 'loading', 'stale'] as const,
};

const channels = defineCommand({
  ...meta,
  name: 'channels',
  arity: -2,
  syntax: 'PUBSUB CHANNELS [pattern]',
  summary: 'Channels with at least one subscriber (optionally matching a pattern).',
  run: (c, argv) => {
    const out: Reply[] = [];
    for (const ch of c.engine.pubsub.channels.keys())
      if (argv.length < 3 || globMatch(argv[2]!, ch)) out.push(reply.bulk(ch));
    return reply.array(out);
  },
});

const numsub = defineCommand({
  ...meta,
  name: 'numsub',
  arity: -2,
  syntax: 'PUBSUB NUMSUB [channel [channel ...]]',
  summary: 'Subscriber counts of channels, as channel/count pairs.',
  run: (c, argv) => {
    const out: Reply[] = [];
    for (let i = 2; i < argv.length; i++) {
      out.push(reply.bulk(argv[i]!), reply.int(c.engine.pubsub.channels.get(argv[i]!)?.size ?? 0));
    }
    return reply.array(out);
  },
});

const numpat = defineCommand({
  ...meta,
  name: 'numpat',
  arity: 2,
  syntax: 'PUBSUB NUMPAT',
  summary: 'Number of distinct patterns subscribed to.',
  run: (c) => reply.int(c.engine.pubsub.patterns.size),
});

export const pubsub = defineCommand({
  ...meta,
  name: 'pubsub',
  arity: -2,
  flags: [],
  syntax: 'PUBSUB <CHANNELS | NUMSUB | NUMPAT> ...',
  summary: 'Inspects the pub/sub system.',
  subcommands: [channels, numsub, numpat],
});
