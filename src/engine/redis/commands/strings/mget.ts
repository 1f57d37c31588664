import { defineCommand } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import type { Reply } from '../../reply';

export const mget = defineCommand({
  name: 'mget',
  arity: -2,
  flags: ['readonly', 'fast'],
  keys: { first: 1, last: -1, step: 1 },
  group: 'string',
  syntax: 'MGET key [key ...]',
  summary: 'Returns the strings at several keys (nil for missing or non-string keys).',
  run: (c, argv) => {
    const out: Reply[] = [];
    for (let i = 1; i < argv.length; i++) {
      const e = c.db.lookupRead(argv[i]!);
      out.push(e !== undefined && e.type === 'string' ? reply.bulk(e.value) : reply.nil());
    }
    return reply.array(out);
  },
});

function msetGeneric(name: 'mset' | 'msetnx', nx: boolean) {
  return defineCommand({
    name,
    arity: -3,
    flags: nx ? ['write', 'denyoom'] : ['write', 'denyoom'],
    keys: { first: 1, last: -1, step: 2 },
    group: 'string',
    syntax: `${name.toUpperCase()} key value [key value ...]`,
    summary: nx
      ? 'Sets several keys only if none of them exists; 1 if all were set, 0 if none.'
      : 'Sets several keys to several strings at once (clearing their TTLs).',
    run: (c, argv) => {
      if (argv.length % 2 === 0)
        return reply.error(`ERR wrong number of arguments for '${name}' command`);
      if (nx) {
        for (let j = 1; j < argv.length; j += 2)
          if (c.db.lookupWrite(argv[j]!) !== undefined) return reply.int(0);
      }
      for (let j = 1; j < argv.length; j += 2) {
        c.db.setString(argv[j]!, argv[j + 1]!);
        c.db.notify(NC.STRING, 'set', argv[j]!);
      }
      return nx ? reply.int(1) : reply.ok();
    },
  });
}

export const mset = msetGeneric('mset', false);
export const msetnx = msetGeneric('msetnx', true);
