// Seeded ACL steps for redis-acl-diff.test.ts: SETUSER rules (valid and malformed), AUTH and
// HELLO AUTH (right and wrong passwords), commands under restricted users (NOPERM for
// commands, keys and channels), MULTI/EXEC, DRYRUN, GETUSER/LIST/USERS/CAT/LOG, DELUSER.
import type { EngineRng } from '../../src/engine/index';

export const USERS = ['alice', 'bob', 'carol'] as const;
// The third is UTF-8 bytes (passwords are binary-safe; they are hashed as bytes).
export const PASSWORDS = ['pw1', 'pw2', 's\xc3\xabcret'] as const;

/** One step: argv on connection `conn` (0 = the default-user admin connection). */
export interface AclStep {
  readonly conn: number;
  readonly argv: string[];
  /** The reply's order is Redis's dict order (ACL CAT <category>, COMMAND LIST FILTERBY). */
  readonly unordered?: boolean;
}

const CATEGORIES = [
  'keyspace',
  'read',
  'write',
  'set',
  'sortedset',
  'list',
  'hash',
  'string',
  'bitmap',
  'hyperloglog',
  'geo',
  'pubsub',
  'fast',
  'slow',
  'blocking',
  'connection',
  'transaction',
  'admin',
  'dangerous',
];
const COMMANDS = [
  'get',
  'set',
  'del',
  'hget',
  'hset',
  'lpush',
  'lrange',
  'sadd',
  'smembers',
  'zadd',
  'incr',
  'publish',
  'ping',
  'echo',
  'select',
  'config',
  'config|get',
  'config|set',
  'client|id',
  'object|encoding',
  'acl|whoami',
  'multi',
  'exec',
  'mget',
  'mset',
  'rename',
  'lmove',
  'sort',
];
const KEY_PATTERNS = ['k*', 'a*', 'k1', 'h?', '*', 'l[ab]'];
const KEYS = ['k1', 'k2', 'a1', 'h1', 'la', 'lb', 'zz'];
const CHANNELS = ['ch1', 'news', 'ch*'];

function pick<T>(rng: EngineRng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)]!;
}

/** One rule; about a third are malformed (bad input). */
function rule(rng: EngineRng): string {
  const r = rng.int(30);
  switch (r) {
    case 0:
      return pick(rng, ['on', 'off', 'ON']);
    case 1:
      return `>${pick(rng, PASSWORDS)}`;
    case 2:
      return `<${pick(rng, PASSWORDS)}`;
    case 3:
      return pick(rng, [
        'nopass',
        'resetpass',
        'reset',
        'resetkeys',
        'resetchannels',
        'clearselectors',
      ]);
    case 4:
    case 5:
      return `~${pick(rng, KEY_PATTERNS)}`;
    case 6:
      return `%${pick(rng, ['R', 'W', 'RW', 'WR', 'r'])}~${pick(rng, KEY_PATTERNS)}`;
    case 7:
      return `&${pick(rng, CHANNELS)}`;
    case 8:
      return pick(rng, ['allkeys', 'allchannels', 'allcommands', 'nocommands']);
    case 9:
    case 10:
    case 11:
      return `${pick(rng, ['+', '-'])}@${pick(rng, CATEGORIES)}`;
    case 12:
    case 13:
    case 14:
      return `${pick(rng, ['+', '-'])}${pick(rng, COMMANDS)}`;
    case 15:
      return pick(rng, ['+select|0', '+select|1', '+config|get', '-config|set']);
    case 16:
      return `(${pick(rng, ['+get ~k*', '+@hash ~h*', '%R~a* +@read', '+publish &news', '-@all'])})`;
    // Malformed: unknown categories and commands, bad patterns, hashes, selectors, syntax.
    case 17:
      return pick(rng, ['+@nosuch', '-@', '+@', '+@ALL2']);
    case 18:
      return pick(rng, [
        '+nosuchcmd',
        '-nosuch',
        '+get|',
        '+config|get|x',
        '+config|nosuch',
        '+client|id|x',
      ]);
    case 19:
      return pick(rng, ['#abc', '!xyz', `#${'a'.repeat(64)}`, `#${'G'.repeat(64)}`]);
    case 20:
      return pick(rng, ['%X~k*', '%~k', '%R', '~a b', 'bogus', 'pass']);
    case 21:
      return pick(rng, ['(+get', '+get)', '(', '()', '(~k* +nosuch)']);
    case 22:
      return `<${pick(rng, ['never-set', 'pw9'])}`;
    case 23:
      return pick(rng, ['~*', '&*']);
    case 24:
      return `~${pick(rng, KEY_PATTERNS)}`;
    default:
      return `+@${pick(rng, CATEGORIES)}`;
  }
}

/** A command a restricted user might run, with keys and channels from small pools. */
function userCommand(rng: EngineRng): string[] {
  const k = (): string => pick(rng, KEYS);
  switch (rng.int(16)) {
    case 0:
      return ['GET', k()];
    case 1:
      return ['SET', k(), 'v'];
    case 2:
      return ['SET', k(), 'v', 'GET'];
    case 3:
      return ['DEL', k(), k()];
    case 4:
      return ['HSET', pick(rng, ['h1', 'h2']), 'f', '1'];
    case 5:
      return ['HGET', pick(rng, ['h1', 'h2']), 'f'];
    case 6:
      return ['LPUSH', pick(rng, ['la', 'lb']), 'x'];
    case 7:
      return ['LMOVE', pick(rng, ['la', 'lb']), pick(rng, ['la', 'lb', 'k1']), 'LEFT', 'RIGHT'];
    case 8:
      return ['PUBLISH', pick(rng, ['ch1', 'news', 'other']), 'hi'];
    case 9:
      return ['MGET', k(), k()];
    case 10:
      return ['MSET', k(), '1', k(), '2'];
    case 11:
      return ['CONFIG', 'GET', 'maxmemory'];
    case 12:
      return ['SELECT', pick(rng, ['0', '1'])];
    case 13:
      return ['OBJECT', 'ENCODING', k()];
    case 14:
      return ['ACL', 'WHOAMI'];
    default:
      return ['SORT', pick(rng, ['la', 'lb']), 'ALPHA', ...(rng.int(2) ? ['STORE', k()] : [])];
  }
}

export function nextSteps(rng: EngineRng, conns: number): AclStep[] {
  const user = (): string => pick(rng, USERS);
  const c = 1 + rng.int(conns - 1);
  const r = rng.int(100);
  if (r < 22) {
    // Often enabled with a known password, so AUTH succeeds and NOPERM follows.
    const rules: string[] = rng.int(5) < 2 ? ['on', '>pw1'] : [];
    for (let n = 1 + rng.int(5); n > 0; n--) rules.push(rule(rng));
    return [{ conn: 0, argv: ['ACL', 'SETUSER', user(), ...rules] }];
  }
  if (r < 30) {
    const pass = rng.int(4) === 0 ? 'wrong' : rng.int(2) === 0 ? 'pw1' : pick(rng, PASSWORDS);
    const who = rng.int(8) === 0 ? 'nobody' : user();
    if (rng.int(4) === 0) return [{ conn: c, argv: ['HELLO', '2', 'AUTH', who, pass] }];
    return [{ conn: c, argv: ['AUTH', who, pass] }];
  }
  if (r < 62) return [{ conn: c, argv: userCommand(rng) }];
  if (r < 66) {
    return [
      { conn: c, argv: ['MULTI'] },
      { conn: c, argv: userCommand(rng) },
      { conn: 0, argv: ['ACL', 'SETUSER', user(), rule(rng)] },
      { conn: c, argv: userCommand(rng) },
      { conn: c, argv: ['EXEC'] },
    ];
  }
  if (r < 72)
    return [
      {
        conn: 0,
        argv: ['ACL', 'DRYRUN', rng.int(6) === 0 ? 'nobody' : user(), ...userCommand(rng)],
      },
    ];
  if (r < 80) return [{ conn: 0, argv: ['ACL', 'GETUSER', rng.int(6) === 0 ? 'nobody' : user()] }];
  if (r < 84) return [{ conn: 0, argv: ['ACL', 'LIST'] }];
  if (r < 86) return [{ conn: 0, argv: ['ACL', 'USERS'] }];
  if (r < 90) return [{ conn: 0, argv: ['ACL', 'LOG', String(rng.int(6))] }];
  if (r < 93) {
    const cat = rng.int(5) === 0 ? 'nosuch' : pick(rng, CATEGORIES);
    return [{ conn: 0, argv: ['ACL', 'CAT', cat], unordered: true }];
  }
  if (r < 95)
    return [
      { conn: 0, argv: ['ACL', 'DELUSER', user(), ...(rng.int(3) === 0 ? ['default'] : [])] },
    ];
  if (r < 97)
    return [
      {
        conn: 0,
        argv: [
          'ACL',
          pick(rng, ['LOAD', 'SAVE', 'GENPASS x', 'GENPASS 5000', 'NOSUCH', 'LOG RESET']).split(
            ' ',
          ),
        ].flat(),
      },
    ];
  return [{ conn: c, argv: rng.int(3) === 0 ? ['AUTH', pick(rng, PASSWORDS)] : userCommand(rng) }];
}
