// Differential test of RESP3: after HELLO 3 on both sides, the seeded command streams of every
// family (the generators of redis-diff.test.ts) must give the same RESP3 replies as a real
// redis-server — compared as the bytes encodeReply(…, 3) writes (types, map/set/double/push…),
// with each generator's ordering rules. Also pub/sub: messages arrive as pushes and a RESP3
// connection may run ordinary commands while subscribed.
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisEngine, encodeCommand, encodeReply } from '../../src/engine/redis/index';
import type { Client, Reply } from '../../src/engine/redis/index';
import { engineRng } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { genContext } from './redis-gen-context';
import type { CommandGenerator, CompareMode, GeneratedCommand } from './redis-generators/types';
import { TransactionModes } from './redis-transaction-modes';

const modules = import.meta.glob<{ generators?: CommandGenerator[] }>('./redis-generators/*.ts', {
  eager: true,
});
const generators: CommandGenerator[] = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([, m]) => m.generators ?? []);

const SEEDS = [11, 12, 13];
const COMMANDS_PER_SEED = 1500;

const bytes = (r: Reply): string => encodeReply(r, 3);

function normalise(r: Reply, mode: CompareMode): string {
  if (r.kind === 'error' || mode === 'exact' || typeof mode === 'object') return bytes(r);
  if (mode === 'kind' || mode === 'random') return r.kind;
  const items = 'items' in r ? r.items : undefined;
  if (items === undefined) return bytes(r);
  if (mode === 'unordered') return `${r.kind}:${items.map(bytes).sort().join('')}`;
  if (mode === 'unordered-pairs') {
    const pairs: string[] = [];
    // RESP3 gives the pairs of HGETALL-like replies as a map, of WITHSCORES as nested arrays.
    if (r.kind === 'map')
      for (let i = 0; i < items.length; i += 2) pairs.push(bytes(items[i]!) + bytes(items[i + 1]!));
    else for (const it of items) pairs.push(bytes(it));
    return `${r.kind}:${pairs.sort().join('')}`;
  }
  if (mode === 'scan' && items.length === 2 && items[1]!.kind === 'array') {
    return bytes(items[0]!) + items[1]!.items.map(bytes).sort().join('');
  }
  return bytes(r);
}

function same(a: Reply, b: Reply, mode: CompareMode): boolean {
  if (typeof mode === 'object' && a.kind === 'int' && b.kind === 'int') {
    // −1 / −2 (no TTL, no key) are states, not measurements: exact.
    const [x, y] = [Number(a.value), Number(b.value)];
    return x < 0 || y < 0 ? x === y : Math.abs(x - y) <= mode.approx;
  }
  if (
    typeof mode === 'object' &&
    a.kind === 'array' &&
    b.kind === 'array' &&
    a.items.length === b.items.length
  ) {
    return a.items.every((x, i) => same(x, b.items[i]!, mode));
  }
  return normalise(a, mode) === normalise(b, mode);
}

function pickGenerator(r: () => number): CommandGenerator {
  const total = generators.reduce((s, g) => s + (g.weight ?? 1), 0);
  let x = r() * total;
  for (const g of generators) {
    x -= g.weight ?? 1;
    if (x < 0) return g;
  }
  return generators[generators.length - 1]!;
}

describe('RESP3 (HELLO 3) against redis-server 7.0', () => {
  let real: RealRedis | undefined;
  afterEach(async () => {
    await real?.stop();
    real = undefined;
  });

  for (const seed of SEEDS) {
    it(`seed ${seed}: the same RESP3 replies for every family`, async () => {
      real = await startRealRedis();
      const conn = await RawRedisConnection.connect(real.port);
      const engine = createRedisEngine({
        clock: { nowMs: () => Date.now() },
        rng: engineRng(seed),
      });
      const client: Client = engine.connect();
      const hello = ['HELLO', '3'];
      const helloReal = await conn.send(hello);
      const helloOurs = client.exec(hello)!;
      expect(helloOurs.kind).toBe('map');
      expect(normalise(helloOurs, 'kind')).toBe(normalise(helloReal, 'kind'));
      const ctx = genContext(seed);
      const mismatches: string[] = [];
      const transaction = new TransactionModes(same);
      for (let i = 0; i < COMMANDS_PER_SEED && mismatches.length < 8; i++) {
        const g = pickGenerator(ctx.random);
        const cmd: GeneratedCommand = g.next(ctx);
        // HELLO 2 would leave RESP3 (the stream must stay in RESP3).
        if (cmd.argv[0]!.toUpperCase() === 'HELLO') continue;
        let mode: CompareMode = cmd.compare ?? 'exact';
        const want = await conn.send(cmd.argv);
        const got = client.exec(cmd.argv) ?? { kind: 'null' };
        const followed = transaction.follow(cmd.argv[0]!.toUpperCase(), want, got, mode);
        if (followed === 'matched') continue;
        mode = followed;
        if (!same(got, want, mode)) {
          mismatches.push(
            `#${i} [${g.family}] ${cmd.argv.join(' ')}\n  redis:  ${JSON.stringify(bytes(want))}\n  engine: ${JSON.stringify(bytes(got))}`,
          );
        }
      }
      conn.close();
      expect(mismatches).toEqual([]);
    });
  }

  it('pub/sub: confirmations and messages are pushes; a subscribed RESP3 connection runs commands', async () => {
    real = await startRealRedis();
    const sub = await RawRedisConnection.connect(real.port);
    const pub = await RawRedisConnection.connect(real.port);
    const engine = createRedisEngine({ clock: { nowMs: () => Date.now() }, rng: engineRng(1) });
    const pushes: Reply[] = [];
    const esub = engine.connect({ onPush: (r) => pushes.push(r) });
    const epub = engine.connect();
    // Each step: who sends what, and how many replies (pushes included) the subscriber gets.
    const steps: Array<[who: 'sub' | 'pub', argv: string[], subReplies: number]> = [
      ['sub', ['HELLO', '3'], 1],
      ['sub', ['SUBSCRIBE', 'news', 'sport'], 2],
      ['sub', ['PSUBSCRIBE', 'n*'], 1],
      ['pub', ['PUBLISH', 'news', 'hello'], 2],
      ['sub', ['SET', 'k', 'v'], 1],
      ['sub', ['GET', 'k'], 1],
      ['sub', ['PING'], 1],
      ['pub', ['PUBLISH', 'sport', 'goal'], 1],
      // Named: a bare UNSUBSCRIBE goes through the channels in redis's dict (hash) order.
      ['sub', ['UNSUBSCRIBE', 'sport', 'news'], 2],
      ['sub', ['PUNSUBSCRIBE'], 1],
      ['sub', ['UNSUBSCRIBE'], 1],
      ['sub', ['HELLO', '2'], 1],
      ['sub', ['SUBSCRIBE', 'x'], 1],
      ['sub', ['GET', 'k'], 1],
    ];
    const mismatches: string[] = [];
    for (const [who, argv, n] of steps) {
      const want: Reply[] = [];
      const got: Reply[] = [];
      if (who === 'pub') {
        want.push(await pub.send(argv));
        got.push(epub.exec(argv)!);
      } else {
        sub.write(encodeCommand(argv));
        const r = esub.exec(argv);
        got.push(...pushes.splice(0));
        if (r !== undefined) got.push(r);
      }
      for (let i = 0; i < n; i++) want.push(await sub.next());
      got.push(...pushes.splice(0));
      const proto = (r: Reply): 2 | 3 => (r.kind === 'push' || r.kind === 'map' ? 3 : 2);
      const a = want.map((r) => encodeReply(r, proto(r))).join('');
      const b = got
        .map((r) => encodeReply(r, esub.resp === 3 || r.kind === 'push' ? 3 : 2))
        .join('');
      if (a.replace(/:\d+\r\n\$4\r\nmode/, '') !== b.replace(/:\d+\r\n\$4\r\nmode/, ''))
        mismatches.push(
          `${argv.join(' ')}\n  redis:  ${JSON.stringify(a)}\n  engine: ${JSON.stringify(b)}`,
        );
    }
    sub.close();
    pub.close();
    expect(mismatches).toEqual([]);
  });

  it('COMMAND INFO (sets and maps) and ACL GETUSER / LOG (maps, a double) in RESP3', async () => {
    real = await startRealRedis();
    const conn = await RawRedisConnection.connect(real.port);
    const engine = createRedisEngine({ clock: { nowMs: () => Date.now() }, rng: engineRng(1) });
    const c = engine.connect();
    await conn.send(['HELLO', '3']);
    c.exec(['HELLO', '3']);
    const names = engine.table.all.flatMap((x) => [
      x.fullName,
      ...[...(x.subtable?.values() ?? [])].map((s) => s.fullName),
    ]);
    // The first nine fields (a container's subcommands differ: redis-server has more of them).
    const head = (r: Reply): string => {
      const entry = r.kind === 'array' ? r.items[0] : undefined;
      return entry?.kind === 'array'
        ? encodeReply({ kind: 'array', items: entry.items.slice(0, 9) }, 3)
        : encodeReply(r, 3);
    };
    const mismatches: string[] = [];
    for (const n of names) {
      if (head(await conn.send(['COMMAND', 'INFO', n])) !== head(c.exec(['COMMAND', 'INFO', n])!))
        mismatches.push(n);
    }
    // age-seconds is wall time and client-info has other fields: both left out.
    const norm = (s: string): string =>
      s.replace(/age-seconds\r\n,[^\r]*\r\n/, '').replace(/client-info\r\n\$\d+\r\n[^\r]*\r\n/, '');
    for (const argv of [
      ['ACL', 'SETUSER', 'u', 'on', '>p', '~k*', '+get', '(+set ~x)'],
      ['ACL', 'GETUSER', 'u'],
      ['AUTH', 'u', 'bad'],
      ['ACL', 'LOG', '1'],
    ]) {
      const a = norm(encodeReply(await conn.send(argv), 3));
      const b = norm(encodeReply(c.exec(argv)!, 3));
      if (a !== b)
        mismatches.push(
          `${argv.join(' ')}\n  redis:  ${JSON.stringify(a)}\n  engine: ${JSON.stringify(b)}`,
        );
    }
    conn.close();
    expect(mismatches).toEqual([]);
  });
});
