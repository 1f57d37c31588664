import { defineCommand, ONE_KEY } from '../../command';
import { LOOKUP_NOTOUCH } from '../../keyspace/db';
import { reply } from '../../reply';

function ttlCommand(name: string, ms: boolean, absolute: boolean, syntax: string, summary: string) {
  return defineCommand({
    name,
    arity: 2,
    flags: ['readonly', 'fast'],
    keys: ONE_KEY,
    group: 'generic',
    syntax,
    summary,
    run: (c, argv) => {
      const e = c.db.lookupRead(argv[1]!, LOOKUP_NOTOUCH);
      if (e === undefined) return reply.int(-2);
      if (e.expireAt === -1) return reply.int(-1);
      let ttl = absolute ? e.expireAt : e.expireAt - c.engine.clock.nowMs();
      if (ttl < 0) ttl = 0;
      // Redis rounds to the nearest second ((ttl + 500) / 1000 in integer math).
      return reply.int(ms ? Math.floor(ttl) : Math.floor((Math.floor(ttl) + 500) / 1000));
    },
  });
}

export const ttl = ttlCommand(
  'ttl',
  false,
  false,
  'TTL key',
  'Seconds left to live: -1 without TTL, -2 if the key does not exist.',
);
export const pttl = ttlCommand(
  'pttl',
  true,
  false,
  'PTTL key',
  'Milliseconds left to live: -1 without TTL, -2 if missing.',
);
export const expiretime = ttlCommand(
  'expiretime',
  false,
  true,
  'EXPIRETIME key',
  'The absolute Unix time (seconds) at which the key expires; -1 / -2 as TTL.',
);
export const pexpiretime = ttlCommand(
  'pexpiretime',
  true,
  true,
  'PEXPIRETIME key',
  'The absolute Unix time in milliseconds at which the key expires.',
);
