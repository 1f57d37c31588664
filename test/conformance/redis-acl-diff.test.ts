// Differential test of ACLs: seeded streams of ACL SETUSER rules (a fifth or more malformed),
// AUTH / HELLO AUTH, commands under restricted users (NOPERM for commands, keys, channels,
// inside MULTI too), DRYRUN, GETUSER, LIST, LOG, CAT and DELUSER go to the engine and to a real
// redis-server over several connections; every reply must match. Also COMMAND INFO (flags,
// key range, ACL categories, tips, key specs) of every command the engine has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisEngine } from '../../src/engine/redis/index';
import type { Client, RedisEngine, Reply } from '../../src/engine/redis/index';
import { describeCommandRules } from '../../src/engine/redis/acl/describe';
import { engineRng, manualClock } from '../../src/engine/index';
import { RawRedisConnection, startRealRedis } from './redis-real-server';
import type { RealRedis } from './redis-real-server';
import { nextSteps } from './redis-acl-gen';

const SEEDS = [1, 2, 3, 4, 5];
const STEPS_PER_SEED = 800;
const CONNS = 4;

let real: RealRedis;
beforeAll(async () => {
  real = await startRealRedis();
});
afterAll(async () => {
  await real.stop();
});

/**
 * A rule description in a canonical form: replayed (with `reset` first) into a scratch user
 * of a scratch engine and described again. Redis's text depends on its whole command table
 * (the best-fitting categories are chosen by how many commands each has, and single commands
 * come in the dict's random hash order), and redis-server has commands the engine does not
 * (TOUCH, EVAL, XADD…): those are dropped from the replay. Two descriptions are the same here
 * when they give the same flags, passwords, key and channel patterns, selectors and the same
 * permission for every command the engine has.
 */
function canonicalRules(text: string, scratch: RedisEngine): string {
  const user = /^user (\S+) (.*)$/.exec(text);
  const body = user ? user[2]! : text;
  const known = (t: string): boolean => {
    const single = (t[0] === '+' || t[0] === '-') && t[1] !== '@';
    if (!single) return true;
    const name = t.slice(1).replace(/\)$/, '').split('|');
    const cmd = scratch.table.get(name[0]!);
    if (cmd === undefined) return false;
    return (
      name.length === 1 || cmd.subtable === undefined || cmd.subtable.has(name[1]!.toLowerCase())
    );
  };
  const tokens = body.split(' ').filter((t) => t !== '' && known(t));
  const r = scratch.exec(['ACL', 'SETUSER', 'cmp', 'reset', ...tokens]);
  if (r?.kind !== 'simple') return `unparsable: ${text}`;
  if (user) {
    const list = scratch.exec(['ACL', 'LIST']);
    const line =
      list?.kind === 'array'
        ? list.items.find((x) => x.kind === 'bulk' && x.value.startsWith('user cmp '))
        : undefined;
    return `user ${user[1]!} ${line?.kind === 'bulk' ? line.value.slice(9) : '?'}`;
  }
  const u = scratch.acl.user('cmp')!;
  return describeCommandRules(scratch.acl.ctx, u.root);
}

function canon(r: Reply, scratch: RedisEngine): unknown {
  switch (r.kind) {
    case 'array': {
      const items = r.items.map((x) => canon(x, scratch));
      // ACL LOG entries: age-seconds is wall time, client-info a different field set;
      // HELLO's id: the real server's connections are numbered across seeds.
      for (let i = 0; i + 1 < items.length; i += 2) {
        const k = (items[i] as { bulk?: string }).bulk;
        if (k === 'age-seconds' || k === 'client-info' || k === 'id') items[i + 1] = '*';
      }
      return items;
    }
    case 'bulk':
      return { bulk: /[+-]@all/.test(r.value) ? canonicalRules(r.value, scratch) : r.value };
    case 'int':
      return { int: String(r.value) };
    case 'simple':
      return { simple: r.value };
    case 'error':
      return { error: r.message };
    default:
      return r.kind;
  }
}

describe('ACL against redis-server 7.0', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: the same replies for ${STEPS_PER_SEED} ACL steps`, async () => {
      const admin = await RawRedisConnection.connect(real.port);
      for (const cmd of [['ACL', 'LOG', 'RESET'], ['FLUSHALL']]) await admin.send(cmd);
      const users = await admin.send(['ACL', 'USERS']);
      if (users.kind === 'array')
        for (const u of users.items)
          if (u.kind === 'bulk' && u.value !== 'default')
            await admin.send(['ACL', 'DELUSER', u.value]);
      const engine = createRedisEngine({
        clock: manualClock(1_700_000_000_000),
        rng: engineRng(seed),
      });
      const scratch = createRedisEngine({ clock: manualClock(0), rng: engineRng(0) });
      const known = (name: string): boolean => {
        const [base, sub] = name.split('|');
        const cmd = engine.table.get(base!);
        return (
          cmd !== undefined &&
          (sub === undefined || cmd.subtable === undefined || cmd.subtable.has(sub.toLowerCase()))
        );
      };
      const reals: RawRedisConnection[] = [admin];
      const ours: Client[] = [engine.connect()];
      for (let i = 1; i < CONNS; i++) {
        reals.push(await RawRedisConnection.connect(real.port));
        ours.push(engine.connect());
      }
      const userOf: string[] = new Array<string>(CONNS).fill('default');
      const rng = engineRng(seed * 7919);
      const mismatches: string[] = [];
      let errors = 0;
      const noperm = new Set<string>();
      let steps = 0;
      while (steps < STEPS_PER_SEED && mismatches.length < 5) {
        for (const step of nextSteps(rng, CONNS)) {
          steps++;
          const a = await reals[step.conn]!.send(step.argv);
          const b = ours[step.conn]!.exec(step.argv) ?? { kind: 'null' };
          if (a.kind === 'error') errors++;
          if (a.kind === 'error' && a.message.startsWith('NOPERM')) noperm.add(a.message);
          let ca = canon(a, scratch);
          let cb = canon(b, scratch);
          if (step.unordered && Array.isArray(ca) && Array.isArray(cb)) {
            ca = (ca as unknown[])
              .map((x) => JSON.stringify(x))
              .filter((x) => known(JSON.parse(x).bulk))
              .sort();
            cb = (cb as unknown[]).map((x) => JSON.stringify(x)).sort();
          }
          if (JSON.stringify(ca) !== JSON.stringify(cb))
            mismatches.push(
              `${step.conn}: ${step.argv.join(' ')}\n  real: ${JSON.stringify(ca)}\n  ours: ${JSON.stringify(cb)}`,
            );
          const [name, u] = step.argv;
          if (a.kind === 'simple' && a.value === 'OK' && /^auth$/i.test(name!))
            userOf[step.conn] = step.argv.length === 3 ? u! : 'default';
          if (a.kind === 'array' && /^hello$/i.test(name!)) userOf[step.conn] = step.argv[3]!;
          // DELUSER closes the connections of the users it deletes: open new ones on both sides.
          if (/^acl$/i.test(name!) && /^deluser$/i.test(u!) && a.kind === 'int') {
            for (let i = 1; i < CONNS; i++) {
              if (!step.argv.slice(2).includes(userOf[i]!)) continue;
              reals[i]!.close();
              reals[i] = await RawRedisConnection.connect(real.port);
              ours[i] = engine.connect();
              userOf[i] = 'default';
            }
          }
        }
      }
      for (const r of reals) r.close();
      expect(mismatches).toEqual([]);
      // At least a fifth of the stream is refused (malformed rules, NOPERM, wrong passwords).
      expect(errors / steps).toBeGreaterThanOrEqual(0.2);
      // …and the stream reached NOPERM for commands and for keys.
      expect([...noperm].some((m) => m.includes('to run the'))).toBe(true);
      expect([...noperm].some((m) => m.includes('of the keys'))).toBe(true);
    });
  }

  it('COMMAND INFO: flags, key range, ACL categories, tips and key specs of every command', async () => {
    const conn = await RawRedisConnection.connect(real.port);
    const engine = createRedisEngine({ clock: manualClock(0), rng: engineRng(1) });
    const names = engine.table.all.flatMap((c) => [
      c.fullName,
      ...[...(c.subtable?.values() ?? [])].map((s) => s.fullName),
    ]);
    const mismatches: string[] = [];
    for (const n of names) {
      const a = await conn.send(['COMMAND', 'INFO', n]);
      const b = engine.exec(['COMMAND', 'INFO', n])!;
      // A container's subcommands come in dict order and redis-server has more of them
      // (CLIENT KILL…): each subcommand is compared on its own, as it is in `names`.
      const head = (r: Reply): unknown => {
        const entry = r.kind === 'array' ? r.items[0] : undefined;
        return entry?.kind === 'array'
          ? canon({ kind: 'array', items: entry.items.slice(0, 9) }, engine)
          : canon(r, engine);
      };
      if (JSON.stringify(head(a)) !== JSON.stringify(head(b))) mismatches.push(n);
    }
    // COMMAND LIST FILTERBY ACLCAT: the same commands per category (those the engine has).
    for (const cat of ['read', 'write', 'keyspace', 'dangerous', 'fast', 'pubsub', 'nosuch']) {
      const a = await conn.send(['COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', cat]);
      const b = engine.exec(['COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', cat])!;
      const set = (r: Reply): string[] =>
        r.kind === 'array'
          ? r.items
              .map((x) => (x.kind === 'bulk' ? x.value : '?'))
              .filter((x) => names.includes(x))
              .sort()
          : [];
      if (JSON.stringify(set(a)) !== JSON.stringify(set(b)))
        mismatches.push(`FILTERBY ACLCAT ${cat}`);
    }
    conn.close();
    expect(mismatches).toEqual([]);
    expect(names.length).toBeGreaterThan(250);
  });
});
