import { describe, expect, it } from 'vitest';
import { loadConsoleHelp, loadMemcachedExptimeNote, redisHelpFromTable } from './console-help';

describe('console help tables', () => {
  it('lists every Redis command with syntax and summary, subcommands by full name', async () => {
    const help = await loadConsoleHelp('redis');
    expect(help.length).toBeGreaterThan(50);
    for (const h of help) {
      expect(h.syntax.toLowerCase().startsWith(h.name), h.name).toBe(true);
      expect(h.summary.length, h.name).toBeGreaterThan(0);
    }
    expect(help.find((h) => h.name === 'set')?.syntax).toMatch(/^SET key value/);
    expect(help.find((h) => h.name === 'config get')?.group).toBe('server');
    expect(help.find((h) => h.name === 'config get')?.restrictedOnElastiCache).toBe(true);
    expect(help.find((h) => h.name === 'get')?.restrictedOnElastiCache).toBeUndefined();
    const names = help.map((h) => h.name);
    expect(names).toEqual([...names].sort());
  });

  it('marks the Memcached commands that take a data block', async () => {
    const help = await loadConsoleHelp('memcached');
    expect(
      help
        .filter((h) => h.takesData)
        .map((h) => h.name)
        .sort(),
    ).toEqual(['add', 'append', 'cas', 'ms', 'prepend', 'replace', 'set']);
    expect(await loadMemcachedExptimeNote()).toMatch(/2592000/);
  });

  it('flattens containers', () => {
    const flat = redisHelpFromTable([
      {
        name: 'object',
        syntax: 'OBJECT <ENCODING> ...',
        summary: 's',
        group: 'generic',
        subcommands: [
          { name: 'encoding', syntax: 'OBJECT ENCODING key', summary: 'e', group: 'generic' },
        ],
      },
    ]);
    expect(flat.map((h) => h.name)).toEqual(['object', 'object encoding']);
  });
});
