import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

const fresh = () => createRedisEngine({ clock: manualClock(0), rng: engineRng(6) });
const num = (r: Reply | undefined): number => (r?.kind === 'int' ? Number(r.value) : NaN);

describe('MEMORY', () => {
  it('USAGE counts the value as objectComputeSize does, plus the key and its dict entry', () => {
    // Figures from redis-server 7.0.15 for the same commands.
    const e = fresh();
    e.exec(['set', 'i', '42']);
    e.exec(['set', 's', 'hello']);
    e.exec(['set', 'str100', 'x'.repeat(100)]);
    e.exec(['rpush', 'l', 'a']);
    e.exec(['rpush', 'l2', ...'abcdefghij'.split('')]);
    e.exec(['sadd', 'st2', '1', '2', '3']);
    e.exec(['hset', 'h', 'a', '1']);
    e.exec(['sadd', 'st', 'a']);
    e.exec(['set', 'k'.repeat(42), 'v']);
    const usage = (k: string) => num(e.exec(['memory', 'usage', k]));
    expect([
      usage('i'),
      usage('s'),
      usage('str100'),
      usage('l'),
      usage('l2'),
      usage('st2'),
      usage('h'),
      usage('st'),
    ]).toEqual([48, 64, 160, 144, 176, 64, 64, 168]);
    expect(usage('k'.repeat(42))).toBe(104);
    expect(e.exec(['memory', 'usage', 'missing'])).toEqual(reply.nil());
  });

  it('follows a string grown by SETBIT and APPEND (sdsMakeRoomFor doubling)', () => {
    const e = fresh();
    e.exec(['setbit', 'b', '7', '1']);
    e.exec(['setbit', 'b', '100', '1']);
    expect(num(e.exec(['memory', 'usage', 'b']))).toBe(80);
    e.exec(['set', 'emb', 'hello']);
    e.exec(['append', 'emb', 'x']);
    expect(num(e.exec(['memory', 'usage', 'emb']))).toBe(64);
    e.exec(['append', 'emb', '123456789012345678901234567890']);
    expect(num(e.exec(['memory', 'usage', 'emb']))).toBe(128);
  });

  it('parses SAMPLES as Redis does', () => {
    const e = fresh();
    e.exec(['set', 's', 'v']);
    expect(num(e.exec(['memory', 'usage', 's', 'samples', '0']))).toBe(64);
    expect(e.exec(['memory', 'usage', 's', 'samples', '-1'])).toEqual(reply.syntax());
    expect(e.exec(['memory', 'usage', 's', 'samples', 'x'])).toEqual(reply.notInteger());
    expect(e.exec(['memory', 'usage', 's', 'samples'])).toEqual(reply.syntax());
    expect(e.exec(['memory', 'usage'])).toEqual(
      reply.error("ERR wrong number of arguments for 'memory|usage' command"),
    );
    expect(e.exec(['memory', 'nope'])).toEqual(
      reply.error("ERR unknown subcommand 'nope'. Try MEMORY HELP."),
    );
  });

  it('STATS reports redis-server 7.0’s fields from the memory model', () => {
    const e = fresh();
    e.exec(['set', 'a', '1']);
    e.exec(['select', '2']);
    const r = e.exec(['memory', 'stats']);
    if (r?.kind !== 'array') throw new Error('MEMORY STATS must be an array');
    const names = r.items
      .filter((_, i) => i % 2 === 0)
      .map((x) => (x.kind === 'bulk' ? x.value : '?'));
    expect(names).toEqual([
      'peak.allocated',
      'total.allocated',
      'startup.allocated',
      'replication.backlog',
      'clients.slaves',
      'clients.normal',
      'cluster.links',
      'aof.buffer',
      'lua.caches',
      'functions.caches',
      'db.0',
      'overhead.total',
      'keys.count',
      'keys.bytes-per-key',
      'dataset.bytes',
      'dataset.percentage',
      'peak.percentage',
      'allocator.allocated',
      'allocator.active',
      'allocator.resident',
      'allocator-fragmentation.ratio',
      'allocator-fragmentation.bytes',
      'allocator-rss.ratio',
      'allocator-rss.bytes',
      'rss-overhead.ratio',
      'rss-overhead.bytes',
      'fragmentation',
      'fragmentation.bytes',
    ]);
    expect(r.items[3]).toEqual(reply.int(e.usedMemory()));
    expect(r.items[25]).toEqual(reply.int(1));
  });

  it('DOCTOR, MALLOC-STATS, PURGE and HELP answer', () => {
    const e = fresh();
    const doctor = e.exec(['memory', 'doctor']);
    expect(
      doctor?.kind === 'bulk' && doctor.value.startsWith('Hi Sam, this instance is empty'),
    ).toBe(true);
    expect(e.exec(['memory', 'purge'])).toEqual(reply.ok());
    expect(e.exec(['memory', 'malloc-stats'])?.kind).toBe('bulk');
    const help = e.exec(['memory', 'help']);
    expect(help?.kind === 'array' && help.items[0]).toEqual(
      reply.simple('MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:'),
    );
  });
});
