import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import type { RedisEngine } from '../../engine';
import { reply } from '../../reply';
import type { RedisStream } from '../../structures';
import { nodeListpack } from './stream';
import { streamPayload } from '../../../../../test/support/stream-payload';
import { bytesToBin } from '../../bytes';

const fresh = (): RedisEngine =>
  createRedisEngine({ clock: manualClock(1_700_000_000_000), rng: engineRng(3) });
const dumpOf = (e: RedisEngine, key: string): string => {
  const r = e.exec(['DUMP', key]);
  if (r?.kind !== 'bulk') throw new Error(`DUMP gave ${JSON.stringify(r)}`);
  return r.value;
};
const streamOf = (e: RedisEngine, key: string): RedisStream => {
  const entry = e.dbs[0]!.peek(key);
  if (entry?.type !== 'stream') throw new Error('not a stream');
  return entry.value as RedisStream;
};
const full = (e: RedisEngine, key: string) =>
  e.exec(['XINFO', 'STREAM', key, 'FULL', 'COUNT', '0']);

describe('stream RDB encoding', () => {
  it('round-trips random streams with groups through DUMP and RESTORE; node listpacks have the modelled size', () => {
    const op = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({
          k: fc.constant('add' as const),
          gap: fc.nat(3),
          fields: fc.integer({ min: 1, max: 3 }),
          big: fc.boolean(),
        }),
      },
      { weight: 2, arbitrary: fc.record({ k: fc.constant('del' as const), at: fc.nat(300) }) },
      {
        weight: 1,
        arbitrary: fc.record({
          k: fc.constant('trim' as const),
          n: fc.nat(80),
          approx: fc.boolean(),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          k: fc.constant('read' as const),
          count: fc.integer({ min: 1, max: 20 }),
          who: fc.constantFrom('a', 'b', '7'),
        }),
      },
      { weight: 1, arbitrary: fc.record({ k: fc.constant('ack' as const), at: fc.nat(300) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.constantFrom('100', '7'), (ops, perNode) => {
        const e = fresh();
        e.exec(['CONFIG', 'SET', 'stream-node-max-entries', perNode]);
        e.exec(['XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM']);
        let ms = 1;
        for (const o of ops) {
          if (o.k === 'add') {
            ms += o.gap;
            const fv = ['a', 'b', '-12']
              .slice(0, o.fields)
              .flatMap((f) => [f, o.big ? f.repeat(300) : String(ms * 1000003)]);
            e.exec(['XADD', 's', `${ms}-*`, ...fv]);
          } else if (o.k === 'del') e.exec(['XDEL', 's', `${1 + (o.at % ms)}-0`]);
          else if (o.k === 'trim')
            e.exec(['XTRIM', 's', 'MAXLEN', ...(o.approx ? ['~'] : []), String(o.n)]);
          else if (o.k === 'read')
            e.exec([
              'XREADGROUP',
              'GROUP',
              'g',
              o.who,
              'COUNT',
              String(o.count),
              'STREAMS',
              's',
              '>',
            ]);
          else e.exec(['XACK', 's', 'g', `${1 + (o.at % ms)}-0`]);
        }
        for (const n of streamOf(e, 's').nodes) expect(nodeListpack(n).length).toBe(n.bytes);
        const copy = fresh();
        copy.exec(['CONFIG', 'SET', 'stream-node-max-entries', perNode]);
        expect(copy.exec(['RESTORE', 's', '0', dumpOf(e, 's')])).toEqual(reply.ok());
        expect(full(copy, 's')).toEqual(full(e, 's'));
        expect(copy.exec(['XINFO', 'GROUPS', 's'])).toEqual(e.exec(['XINFO', 'GROUPS', 's']));
        // The copy keeps working like the original (same node boundaries, same IDs).
        for (const x of [e, copy]) x.exec(['XADD', 's', `${ms + 1}-0`, 'a', 'b']);
        expect(full(copy, 's')).toEqual(full(e, 's'));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps IDs at the top of the 64-bit range and the unknown read counter', () => {
    const e = fresh();
    e.exec(['XADD', 's', '1-18446744073709551614', 'f', 'v']);
    e.exec(['XADD', 's', '18446744073709551614-*', 'f', 'w']);
    e.exec(['XGROUP', 'CREATE', 's', 'g', '0', 'ENTRIESREAD', '-1']);
    e.exec([
      'XSETID',
      's',
      '18446744073709551615-18446744073709551615',
      'ENTRIESADDED',
      '9223372036854775807',
    ]);
    const copy = fresh();
    expect(copy.exec(['RESTORE', 's', '0', dumpOf(e, 's')])).toEqual(reply.ok());
    expect(full(copy, 's')).toEqual(full(e, 's'));
    expect(copy.exec(['XADD', 's', '*', 'f', 'v'])).toEqual(
      reply.error('ERR The stream has exhausted the last possible ID, unable to add more items'),
    );
  });

  const restore = (p: Uint8Array) => fresh().exec(['RESTORE', 'k', '0', bytesToBin(p)]);

  it('loads the 5.x-6.x layout (RDB_TYPE_STREAM_LISTPACKS), deriving the 7.0 counters', () => {
    const e = fresh();
    expect(e.exec(['RESTORE', 'k', '0', bytesToBin(streamPayload({ v2: false }))])).toEqual(
      reply.ok(),
    );
    const info = e.exec(['XINFO', 'GROUPS', 'k']);
    expect(info).toEqual(
      reply.array([
        reply.array([
          ...['name', 'g', 'consumers'].map(reply.bulk),
          reply.int(1),
          reply.bulk('pending'),
          reply.int(1),
          ...['last-delivered-id', '1-1', 'entries-read'].map(reply.bulk),
          reply.int(1),
          reply.bulk('lag'),
          reply.int(0),
        ]),
      ]),
    );
    expect(e.exec(['XPENDING', 'k', 'g', '-', '+', '1'])).toEqual(
      reply.array([
        reply.array([reply.bulk('1-1'), reply.bulk('alice'), reply.int(0), reply.int(3)]),
      ]),
    );
  });

  // As redis-server with sanitize-dump-payload yes (redis-streams-long.test.ts checks the same
  // bytes there); without it Redis loads such payloads as they are.
  it('refuses damaged payloads with the errors of RESTORE in redis-server', () => {
    expect(restore(streamPayload())).toEqual(reply.ok());
    const good = streamPayload();
    expect(restore(good.slice(0, good.length - 1))).toEqual(
      reply.error('ERR DUMP payload version or checksum are wrong'),
    );
    expect(restore(streamPayload({ lpCount: 5 }))).toEqual(reply.error('ERR Bad data format'));
    expect(restore(streamPayload({ owner: false }))).toEqual(reply.error('ERR Bad data format'));
  });
});
