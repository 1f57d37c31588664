import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RespParser } from './parser';
import { RespReader } from './reader';
import { encodeCommand, encodeReply } from './encode';
import { splitArgs } from './split-args';
import { reply } from '../reply';
import type { Reply } from '../reply';

const bytes = fc.uint8Array({ maxLength: 40 }).map((b) => String.fromCharCode(...b));

describe('RESP', () => {
  it('parses any pipelined multibulk stream however it is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(bytes, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        fc.array(fc.nat(50)),
        (cmds, cuts) => {
          const wire = cmds.map(encodeCommand).join('');
          const p = new RespParser();
          const out: string[][] = [];
          let pos = 0;
          for (const cut of [...cuts, wire.length]) {
            const end = Math.min(wire.length, pos + cut + 1);
            p.feed(wire.slice(pos, end));
            pos = end;
            for (let it = p.next(); it !== undefined; it = p.next())
              if ('argv' in it) out.push(it.argv);
            if (pos >= wire.length) break;
          }
          expect(out).toEqual(cmds);
        },
      ),
    );
  });

  it('round-trips replies through the encoder and the reader', () => {
    const leaf: fc.Arbitrary<Reply> = fc.oneof(
      bytes.map((b) => reply.bulk(b)),
      fc.integer().map((n) => reply.int(n)),
      fc.constant(reply.nil()),
      fc.constant(reply.ok()),
      fc.constant(reply.error('ERR x')),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node') as fc.Arbitrary<Reply>, { maxLength: 4 }).map((xs) => reply.array(xs)),
      ),
    })).node as fc.Arbitrary<Reply>;
    fc.assert(
      fc.property(tree, (r) => {
        const reader = new RespReader();
        reader.feed(encodeReply(r));
        expect(reader.next()).toEqual(r);
      }),
    );
  });

  it('splits inline commands like sdssplitargs', () => {
    expect(splitArgs('set k "a b\\x41\\n"')).toEqual(['set', 'k', 'a bA\n']);
    expect(splitArgs("set k 'it\\'s'")).toEqual(['set', 'k', "it's"]);
    expect(splitArgs('  get   k  ')).toEqual(['get', 'k']);
    expect(splitArgs('set k "abc')).toBeNull();
    expect(splitArgs('set k "a"b')).toBeNull();
    expect(splitArgs('')).toEqual([]);
  });

  it('reports protocol errors with Redis wording', () => {
    const cases: Array<[string, string]> = [
      ['*x\r\n', 'ERR Protocol error: invalid multibulk length'],
      ['*1\r\n:1\r\n', "ERR Protocol error: expected '$', got ':'"],
      ['*1\r\n$-2\r\n', 'ERR Protocol error: invalid bulk length'],
      ['GET "a\r\n', 'ERR Protocol error: unbalanced quotes in request'],
    ];
    for (const [wire, error] of cases) {
      const p = new RespParser();
      p.feed(wire);
      expect(p.next()).toEqual({ error });
    }
  });
});
