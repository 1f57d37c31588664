// CONFIG GET and CONFIG SET against a real redis-server 7.0: the same parameter names with the
// same defaults, and for every parameter a corpus of good and bad values giving the same reply
// and the same value afterwards (validation, units, aliases, canonical forms, error texts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisEngine, encodeReply } from '../../src/engine/redis/index';
import type { Client, Reply } from '../../src/engine/redis/index';
import { manualClock } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';

// Parameters whose change acts on the real process beyond its configuration (sockets, files,
// process limits, a watchdog signal): only values that fail validation are sent for these.
// bind is left out: redis re-binds its sockets (the engine stores the addresses).
const SKIP = new Set(['bind']);
const SIDE_EFFECTS = new Set([
  'port',
  'dir',
  'maxclients',
  'oom-score-adj',
  'oom-score-adj-values',
  'watchdog-period',
  'appendonly',
  'requirepass',
  'masterauth',
  'masteruser',
]);
// Values every side-effect parameter still gets: none of them passes its parser.
const INVALID_ONLY = ['abc', '-1', '1.5', '', 'yes no', '99999999999999999999'];

const NUMBERS = [
  '0',
  '1',
  '-1',
  '7',
  '01',
  '+1',
  ' 1',
  '',
  '1k',
  '2KB',
  '3mb',
  '1g',
  '1gb',
  '1.5',
  '10%',
  '101%',
  '-5%',
  '0777',
  '8',
  '99',
  '100',
  '1000',
  '65535',
  '65536',
  '2147483647',
  '2147483648',
  '-2147483648',
  '-2147483649',
  '4294967295',
  '4294967296',
  '9223372036854775807',
  '9223372036854775808',
  '18446744073709551615',
  '99999999999999999999',
];
const BOOLS = ['yes', 'no', 'YES', 'No', 'y', '1', '', 'yes\x00x'];
const STRINGS = [
  'x',
  '',
  'a/b',
  'a\\b',
  'host-1.example',
  'bad_host',
  '{title} {port}',
  '{nope}',
  '{',
  '{{x',
  ' ',
  'name\x00tail',
];
const ENUMS = [
  'no',
  'yes',
  'relative',
  'ABSOLUTE',
  'allkeys-lru',
  'VOLATILE-TTL',
  'bogus',
  '',
  'save now',
  'save nosave',
  'default',
  'force',
  'now force',
  'local',
  'warning',
  'ip',
  'hostname',
  'panic',
  'clients',
  'on-empty-db',
  'allchannels',
  'optional',
  'x y',
];
const SPECIALS: Record<string, string[]> = {
  save: ['', '3600 1', '3600 1 300 100', '0 1', '1 -1', '10', '10 x', ' 10 1', '10 1 '],
  'client-output-buffer-limit': [
    '',
    'normal 1mb 2mb 3',
    'replica 10 20 30 pubsub 1 2 3',
    'master 1 2 3',
    'bogus 1 2 3',
    'normal 1 2',
    'normal x 1 1',
    'normal 1 1 -1',
    'normal 1 1 ',
    'SLAVE 1kb 1k 0',
  ],
  'notify-keyspace-events': ['', 'KEA', 'AKEmn', 'gE$mn', 'xK', 'Kq', 'K\x00zq', 'tdn'],
  'latency-tracking-info-percentiles': [
    '',
    '50',
    '50 99 99.9',
    '0 100',
    '100.5',
    '-1',
    'x',
    '1e2',
    ' 1',
    '99.999999',
    '12.3456789',
  ],
  replicaof: ['no one', 'localhost 6379'],
};
const CORPUS: Record<string, string[]> = {
  bool: BOOLS,
  num: NUMBERS,
  string: STRINGS,
  enum: ENUMS,
};

const text = (r: Reply) => JSON.stringify(encodeReply(r));

describe('CONFIG GET / CONFIG SET vs real redis-server', () => {
  let real: RealRedis;
  let conn: RawRedisConnection;
  let client: Client;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redis-config-diff-'));
    real = await startRealRedis(['--dir', dir]);
    conn = await RawRedisConnection.connect(real.port);
    const engine = createRedisEngine({
      clock: manualClock(0),
      parameters: { port: String(real.port), bind: '127.0.0.1', save: '', appendonly: 'no', dir },
    });
    client = engine.connect();
  });
  afterAll(async () => {
    conn?.close();
    await real?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const pairs = (r: Reply): Map<string, string> => {
    const m = new Map<string, string>();
    if (r.kind === 'array')
      for (let i = 0; i < r.items.length; i += 2)
        m.set((r.items[i] as { value: string }).value, (r.items[i + 1] as { value: string }).value);
    return m;
  };

  it('knows the same parameters with the same defaults (CONFIG GET *)', async () => {
    const want = pairs(await conn.send(['CONFIG', 'GET', '*']));
    const got = pairs(client.exec(['CONFIG', 'GET', '*'])!);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    const differ = [...want]
      .filter(([k, v]) => got.get(k) !== v)
      .map(([k, v]) => `${k}: redis ${JSON.stringify(v)} engine ${JSON.stringify(got.get(k))}`);
    expect(differ).toEqual([]);
  });

  it('matches patterns, exact names in any case, aliases and hidden parameters alike', async () => {
    const queries = [
      ['max*'],
      ['*MAX*'],
      ['hash-max-*', 'zset-*'],
      ['MAXMEMORY'],
      ['maxmemory', 'MaxMemory', 'max*'],
      ['watchdog-period'],
      ['*watchdog*'],
      ['hash-max-ziplist-entries'],
      ['slaveof', 'replicaof'],
      ['nosuch'],
      ['[hz]z'],
      ['?z'],
      ['maxmemory\x00junk'],
    ];
    for (const q of queries) {
      const want = pairs(await conn.send(['CONFIG', 'GET', ...q]));
      const got = pairs(client.exec(['CONFIG', 'GET', ...q])!);
      expect({ q, got: [...got].sort() }).toEqual({ q, got: [...want].sort() });
    }
  });

  it('gives the same reply and resulting value for every parameter and value', async () => {
    const all = pairs(await conn.send(['CONFIG', 'GET', '*']));
    const mismatches: string[] = [];
    let sent = 0;
    for (const name of [...all.keys()].sort().filter((n) => !SKIP.has(n))) {
      const kind = kindOf(client, name);
      const values = SIDE_EFFECTS.has(name)
        ? INVALID_ONLY
        : (SPECIALS[name] ?? CORPUS[kind] ?? STRINGS);
      for (const v of values) {
        if (name.startsWith('oom-score-adj') && !INVALID_ONLY.includes(v)) continue;
        const want = await conn.send(['CONFIG', 'SET', name, v]);
        const got = client.exec(['CONFIG', 'SET', name, v])!;
        const wantV = await conn.send(['CONFIG', 'GET', name]);
        const gotV = client.exec(['CONFIG', 'GET', name])!;
        sent++;
        if (text(want) !== text(got) || text(wantV) !== text(gotV)) {
          mismatches.push(
            `CONFIG SET ${name} ${JSON.stringify(v)}: redis ${text(want)} ${text(wantV)} engine ${text(got)} ${text(gotV)}`,
          );
        }
      }
      // Back to the start value, so one parameter's test does not change the next ones' (or writes).
      await conn.send(['CONFIG', 'SET', name, all.get(name)!]);
      client.exec(['CONFIG', 'SET', name, all.get(name)!]);
    }
    expect(mismatches.slice(0, 8)).toEqual([]);
    expect(sent).toBeGreaterThan(2000);
  });

  it('honours proto-max-bulk-len in string building and bit offsets', async () => {
    const steps = [
      ['CONFIG', 'SET', 'proto-max-bulk-len', '1mb'],
      ['SETRANGE', 'pk', '1048575', 'x'],
      ['SETRANGE', 'pk', '1048576', 'x'],
      ['APPEND', 'pk', 'y'],
      ['SETBIT', 'pb', String(8 * 1048576 - 1), '1'],
      ['SETBIT', 'pb', String(8 * 1048576), '1'],
      ['BITFIELD', 'pb', 'SET', 'u8', String(8 * 1048576), '1'],
      ['CONFIG', 'SET', 'proto-max-bulk-len', '512mb'],
      ['DEL', 'pk', 'pb'],
    ];
    for (const c of steps) {
      const want = await conn.send(c);
      const got = client.exec(c)!;
      expect({ c, reply: text(got) }).toEqual({ c, reply: text(want) });
    }
  });

  it('checks several pairs all or nothing, in redis order of errors', async () => {
    const cases: string[][] = [
      ['maxmemory-samples', '7', 'maxmemory-samples', '8'],
      ['hash-max-listpack-entries', '9', 'hash-max-ziplist-entries', '10'],
      ['maxmemory-samples', '9', 'hz', 'x'],
      ['nosuch', '1', 'daemonize', 'yes'],
      ['daemonize', 'yes', 'nosuch', '1'],
      ['dbfilename', 'x', 'maxmemory', '1'],
      ['MAXMEMORY-SAMPLES', '11', 'lfu-log-factor', '-1'],
      ['hz', '1000'],
      ['hz', '0'],
      ['tls-cert-file', 'x.crt', 'tls-port', '7000'],
      ['tls-replication', 'yes'],
      ['a'],
      ['a', 'b', 'c'],
    ];
    for (const c of cases) {
      const want = await conn.send(['CONFIG', 'SET', ...c]);
      const got = client.exec(['CONFIG', 'SET', ...c])!;
      const names = c.filter((_, i) => i % 2 === 0);
      const wantV = await conn.send(['CONFIG', 'GET', ...names]);
      const gotV = client.exec(['CONFIG', 'GET', ...names])!;
      expect({ c, reply: text(got), after: [...pairs(gotV)].sort() }).toEqual({
        c,
        reply: text(want),
        after: [...pairs(wantV)].sort(),
      });
    }
  });
});

/** The corpus a parameter gets, from its current value's look (yes/no, a number, a word). */
function kindOf(client: Client, name: string): string {
  const r = client.exec(['CONFIG', 'GET', name])!;
  const v = r.kind === 'array' && r.items[1]?.kind === 'bulk' ? r.items[1].value : '';
  if (v === 'yes' || v === 'no') return 'bool';
  if (/^-?\d+%?$/.test(v)) return 'num';
  const enums = [
    'supervised',
    'syslog-facility',
    'repl-diskless-load',
    'loglevel',
    'maxmemory-policy',
    'appendfsync',
    'acl-pubsub-default',
    'sanitize-dump-payload',
    'enable-protected-configs',
    'enable-debug-command',
    'enable-module-command',
    'cluster-preferred-endpoint-type',
    'propagation-error-behavior',
    'shutdown-on-sigint',
    'shutdown-on-sigterm',
    'tls-auth-clients',
  ];
  return enums.includes(name) ? 'enum' : 'string';
}
