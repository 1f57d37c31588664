// `node --import tsx scripts/fuzz-redis.ts [count] [seed]`: throws random commands (real names
// with random arguments, bad arity, unknown names, binary junk) at the engine on several
// connections, with a moving virtual clock and a small maxmemory at times. Every input must
// become a reply; an exception is a bug. Also used by scripts/bench/redis.bench.ts.
import { engineRng, manualClock } from '../src/engine/index';
import { createRedisEngine } from '../src/engine/redis/index';
import type { Client } from '../src/engine/redis/index';

const KEYS = ['a', 'b', 'c', 'k1', 'k2', 'h', 'l', 's', 'z', 'g', '', 'bin\x00\xff'];
const WORDS = [
  'nx',
  'xx',
  'gt',
  'lt',
  'ch',
  'incr',
  'ex',
  'px',
  'exat',
  'pxat',
  'keepttl',
  'get',
  'persist',
  'withscores',
  'byscore',
  'bylex',
  'rev',
  'limit',
  'count',
  'match',
  'type',
  'left',
  'right',
  'before',
  'after',
  'withdist',
  'withcoord',
  'withhash',
  'asc',
  'desc',
  'byradius',
  'bybox',
  'frommember',
  'fromlonlat',
  'm',
  'km',
  'ft',
  'mi',
  'store',
  'storedist',
  'any',
  'weights',
  'aggregate',
  'sum',
  'min',
  'max',
  'sync',
  'async',
  'withscore',
  'maxmemory',
  'maxmemory-policy',
  'allkeys-lru',
  'volatile-ttl',
  'noeviction',
  '*',
  'h*',
  '[a-z]',
  '(1',
  '[a',
  '-',
  '+',
];
const NUMS = [
  '0',
  '1',
  '2',
  '3',
  '-1',
  '-2',
  '10',
  '100',
  '-100',
  '1.5',
  '-0.5',
  'inf',
  '-inf',
  '+inf',
  'nan',
  '1e3',
  'abc',
  '',
  ' 1',
  '01',
  '9223372036854775807',
  '-9223372036854775808',
  '9223372036854775808',
  '13.361389',
  '38.115556',
  '-180',
  '85.06',
];

export interface FuzzResult {
  commands: number;
  errors: number;
  thrown: number;
  firstThrown: string;
  seconds: number;
}

export function runFuzz(count: number, seed: number): FuzzResult {
  const rng = engineRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const clock = manualClock(1_700_000_000_000);
  const engine = createRedisEngine({ clock, rng: engineRng(seed + 1) });
  const names: Array<{ words: string[]; arity: number }> = [];
  for (const c of engine.table.all) {
    // PFSELFTEST is redis's HyperLogLog self-test: ~0.5 s a call here, longer than a whole run.
    if (c.name === 'pfselftest') continue;
    names.push({ words: [c.name], arity: c.arity });
    if (c.subtable)
      for (const [s, sub] of c.subtable) names.push({ words: [c.name, s], arity: sub.arity });
  }
  const clients: Client[] = [0, 1, 2].map(() => engine.connect({ onPush: () => undefined }));
  const arg = (): string => {
    const r = rng.next();
    if (r < 0.35) return pick(KEYS);
    if (r < 0.65) return pick(NUMS);
    if (r < 0.85) return pick(WORDS);
    let s = '';
    for (let i = 0, n = rng.int(12); i < n; i++) s += String.fromCharCode(rng.int(256));
    return s;
  };
  let errors = 0;
  const tally = new Map<string, number>();
  let thrown = 0;
  let firstThrown = '';
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 0) {
      clock.advance(rng.int(5000));
      engine.activeExpireCycle();
      // A random REPLICAOF makes the engine a read-only replica: back to primary now and then,
      // so writes keep running deep rather than answering READONLY.
      if (engine.repl.isReplica) engine.exec(['replicaof', 'no', 'one']);
      // Now and then squeeze memory so eviction and OOM paths run too.
      if (i % 50_000 === 0) {
        engine.configure({
          maxmemory: rng.next() < 0.5 ? 0 : engine.usedMemory() + rng.int(20_000),
          'maxmemory-policy': pick([
            'noeviction',
            'allkeys-lru',
            'allkeys-lfu',
            'volatile-ttl',
            'allkeys-random',
            'volatile-lru',
          ]),
        });
      }
      if (i % 100_000 === 0) engine.exec(['flushall']);
    }
    const ready = clients.filter((x) => x.blocked === null);
    const c = ready.length > 0 ? pick(ready) : engine.connect({ onPush: () => undefined });
    if (ready.length === 0) {
      const slot = rng.int(clients.length);
      clients[slot]!.close();
      clients[slot] = c;
    }
    const r = rng.next();
    const spec = pick(names);
    const argv = r < 0.03 ? [`nosuch${rng.int(5)}`] : [...spec.words];
    // Mostly the right number of arguments (so handlers run deep), sometimes any number.
    const want = Math.abs(spec.arity) - argv.length;
    const n = rng.next() < 0.8 ? Math.max(0, want) + (spec.arity < 0 ? rng.int(5) : 0) : rng.int(7);
    for (let j = 0; j < n; j++)
      argv.push(argv.length === spec.words.length && rng.next() < 0.8 ? pick(KEYS) : arg());
    try {
      const out = c.exec(argv);
      if (out?.kind === 'error') {
        errors++;
        if (process.env.FUZZ_ERRORS)
          tally.set(out.message.slice(0, 40), (tally.get(out.message.slice(0, 40)) ?? 0) + 1);
      }
      // A blocked connection waits; often hang it up (as a client timing out would).
      if (c.blocked !== null && rng.next() < 0.7) {
        c.close();
        clients[clients.indexOf(c)] = engine.connect({ onPush: () => undefined });
      }
      // Leave subscribed mode again soon, or the connection could only run pub/sub commands.
      if (c.subscriptionCount !== 0 && rng.next() < 0.3) {
        c.exec(['unsubscribe']);
        c.exec(['punsubscribe']);
      }
    } catch (err) {
      thrown++;
      if (thrown === 1)
        firstThrown = `${JSON.stringify(argv)}: ${(err as Error).stack ?? String(err)}`;
    }
  }
  if (process.env.FUZZ_ERRORS) console.log([...tally].sort((a, b) => b[1] - a[1]).slice(0, 12));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { commands: count, errors, thrown, firstThrown, seconds };
}

if (process.argv[1]?.endsWith('fuzz-redis.ts')) {
  const count = Number(process.argv[2] ?? '1000000');
  const seed = Number(process.argv[3] ?? '1');
  const r = runFuzz(count, seed);
  console.log(
    `fuzz: ${r.commands} commands in ${r.seconds.toFixed(1)} s, ${r.errors} error replies, ${r.thrown} thrown`,
  );
  if (r.thrown > 0) {
    console.log(r.firstThrown);
    process.exitCode = 1;
  }
}
