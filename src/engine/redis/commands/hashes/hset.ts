import { defineCommand, ONE_KEY, type Argv } from '../../command';
import type { Client } from '../../client';
import { reply, type Reply } from '../../reply';
import { NC } from '../../server/notify';
import { writeOrCreate, isErrorReply } from '../../structures/access';
import { RedisHash } from '../../structures/hash-value';

/** hsetCommand: the field/value count is checked before the key is looked up. */
function hsetGeneric(c: Client, argv: Argv, isHset: boolean): Reply {
  if (argv.length % 2 === 1)
    return reply.error(`ERR wrong number of arguments for '${isHset ? 'hset' : 'hmset'}' command`);
  const w = writeOrCreate(c, argv[1]!, 'hash', () => new RedisHash(c.engine.config));
  if (isErrorReply(w)) return w;
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) w.value.ensureFits(argv[i]!, argv[i + 1]!);
  for (let i = 2; i < argv.length; i += 2) if (w.value.set(argv[i]!, argv[i + 1]!)) created++;
  c.db.afterWrite(w.entry, NC.HASH, 'hset');
  return isHset ? reply.int(created) : reply.ok();
}

export const hset = defineCommand({
  name: 'hset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HSET key field value [field value ...]',
  summary: 'Sets fields of a hash; replies with how many fields were new.',
  run: (c, argv) => hsetGeneric(c, argv, true),
});

export const hmset = defineCommand({
  name: 'hmset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HMSET key field value [field value ...]',
  summary: 'Sets fields of a hash (deprecated form of HSET that replies OK).',
  run: (c, argv) => hsetGeneric(c, argv, false),
});

export const hsetnx = defineCommand({
  name: 'hsetnx',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  keys: ONE_KEY,
  group: 'hash',
  syntax: 'HSETNX key field value',
  summary: 'Sets a hash field only if it does not exist yet.',
  run: (c, argv) => {
    const w = writeOrCreate(c, argv[1]!, 'hash', () => new RedisHash(c.engine.config));
    if (isErrorReply(w)) return w;
    if (w.value.has(argv[2]!)) return reply.int(0);
    w.value.set(argv[2]!, argv[3]!);
    c.db.afterWrite(w.entry, NC.HASH, 'hset');
    return reply.int(1);
  },
});
