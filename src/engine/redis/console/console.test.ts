import { describe, expect, it } from 'vitest';
import {
  commandHelp,
  commandHelpList,
  completeCommand,
  formatCommandReply,
  parseConsoleLine,
} from './index';
import { reply } from '../reply';

describe('console helpers', () => {
  it('has syntax and a summary for every command and subcommand', () => {
    const list = commandHelpList();
    expect(list.length).toBeGreaterThan(60);
    for (const h of list) {
      expect(h.syntax.length, h.name).toBeGreaterThan(3);
      expect(h.summary.length, h.name).toBeGreaterThan(10);
    }
    expect(commandHelp('config get maxmemory')?.syntax).toBe(
      'CONFIG GET parameter [parameter ...]',
    );
    expect(commandHelp('set k v')?.name).toBe('SET');
  });

  it('completes names and hides ElastiCache-restricted commands under that profile', () => {
    expect(completeCommand('inc')).toEqual(['INCR', 'INCRBY', 'INCRBYFLOAT']);
    expect(completeCommand('conf')).toContain('CONFIG GET');
    expect(completeCommand('conf', 'elasticache')).toEqual([]);
  });

  it('parses lines like redis-cli and prints INFO raw', () => {
    expect(parseConsoleLine('set "a b" \'c\' "\\x41é"')).toEqual(['set', 'a b', 'c', 'A\xc3\xa9']);
    expect(parseConsoleLine('get "oops')).toBeNull();
    expect(formatCommandReply(['info'], reply.bulk('# Server\r\nredis_version:7.0.15\r\n'))).toBe(
      '# Server\r\nredis_version:7.0.15\r\n',
    );
    expect(formatCommandReply(['get', 'k'], reply.bulk('v'))).toBe('"v"');
  });
});
