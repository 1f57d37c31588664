import { describe, expect, it } from 'vitest';
import { encodeReply } from './encode';
import { RespReader } from './reader';
import { reply } from '../reply';
import type { Reply } from '../reply';
import { formatReply } from '../console/format';

const map: Reply = {
  kind: 'map',
  items: [reply.bulk('a'), { kind: 'double', text: '1.5' }, reply.bulk('b'), reply.nil()],
};
const set: Reply = { kind: 'set', items: [reply.bulk('x'), reply.int(2)] };
const push: Reply = {
  kind: 'push',
  items: [reply.bulk('message'), reply.bulk('ch'), reply.bulk('hi')],
};
const verbatim: Reply = { kind: 'verbatim', format: 'txt', value: 'line\n' };

describe('RESP3 encoding and the RESP2 downgrade', () => {
  it('writes each RESP3 type', () => {
    expect(encodeReply(map, 3)).toBe('%2\r\n$1\r\na\r\n,1.5\r\n$1\r\nb\r\n_\r\n');
    expect(encodeReply(set, 3)).toBe('~2\r\n$1\r\nx\r\n:2\r\n');
    expect(encodeReply(push, 3)).toBe('>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n');
    expect(encodeReply(verbatim, 3)).toBe('=9\r\ntxt:line\n\r\n');
    expect(encodeReply({ kind: 'bool', value: true }, 3)).toBe('#t\r\n');
    expect(encodeReply({ kind: 'bignum', value: '123' }, 3)).toBe('(123\r\n');
    expect(encodeReply(reply.nilArray(), 3)).toBe('_\r\n');
  });

  it('downgrades as redis-server does for RESP2 clients', () => {
    expect(encodeReply(map)).toBe('*4\r\n$1\r\na\r\n$3\r\n1.5\r\n$1\r\nb\r\n$-1\r\n');
    expect(encodeReply(set)).toBe('*2\r\n$1\r\nx\r\n:2\r\n');
    expect(encodeReply(push)).toBe('*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n');
    expect(encodeReply(verbatim)).toBe('$5\r\nline\n\r\n');
    expect(encodeReply({ kind: 'bool', value: false })).toBe(':0\r\n');
    expect(encodeReply(reply.nilArray())).toBe('*-1\r\n');
  });

  it('reads back what it writes (RespReader speaks RESP3)', () => {
    for (const r of [map, set, push, verbatim, { kind: 'bool', value: true } as Reply]) {
      const reader = new RespReader();
      reader.feed(encodeReply(r, 3));
      expect(reader.next()).toEqual(r);
    }
  });

  it('formats RESP3 replies as redis-cli 7.0 does on a terminal', () => {
    expect(formatReply(map)).toBe('1# "a" => (double) 1.5\n2# "b" => (nil)');
    expect(formatReply(set)).toBe('1~ "x"\n2~ (integer) 2');
    expect(formatReply({ kind: 'map', items: [] })).toBe('(empty hash)');
    expect(formatReply({ kind: 'set', items: [] })).toBe('(empty set)');
    expect(formatReply({ kind: 'bool', value: true })).toBe('(true)');
    expect(formatReply(verbatim)).toBe('line\n');
    const nested: Reply = {
      kind: 'map',
      items: [reply.bulk('k'), reply.array([reply.bulk('a'), reply.bulk('b')])],
    };
    expect(formatReply(nested)).toBe('1# "k" => \n   1) "a"\n   2) "b"');
  });
});
