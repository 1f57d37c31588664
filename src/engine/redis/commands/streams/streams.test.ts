import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { keysOf } from '../../command';
import { reply, type Reply } from '../../reply';

const T0 = 1_700_000_000_000;
const fresh = () => {
  const clock = manualClock(T0);
  return { clock, engine: createRedisEngine({ clock, rng: engineRng(1) }) };
};
const b = reply.bulk;
const arr = (...items: Reply[]) => reply.array(items);
const entry = (id: string, ...fv: string[]) => arr(b(id), reply.bulks(fv));
const err = (m: string) => reply.error(m);
/** Field → reply of a flat XINFO-style field/value array. */
const info = (r: Reply | undefined): Record<string, Reply> => {
  const out: Record<string, Reply> = {};
  if (r?.kind === 'array')
    for (let i = 0; i < r.items.length; i += 2)
      out[(r.items[i] as { value: string }).value] = r.items[i + 1]!;
  return out;
};

describe('XADD and reading back', () => {
  it('accepts every ID form and refuses IDs that do not grow', () => {
    const { engine, clock } = fresh();
    expect(engine.exec(['XADD', 's', '5-1', 'f', 'v'])).toEqual(b('5-1'));
    expect(engine.exec(['XADD', 's', '5-*', 'f', 'v'])).toEqual(b('5-2'));
    expect(engine.exec(['XADD', 's', '6', 'f', 'v'])).toEqual(b('6-0'));
    expect(engine.exec(['XADD', 's', '*', 'f', 'v'])).toEqual(b(`${T0}-0`));
    expect(engine.exec(['XADD', 's', '*', 'f', 'v'])).toEqual(b(`${T0}-1`));
    clock.advance(-10); // a clock going backwards never makes IDs go backwards
    expect(engine.exec(['XADD', 's', '*', 'f', 'v'])).toEqual(b(`${T0}-2`));
    expect(engine.exec(['XADD', 's', '5-9', 'f', 'v'])).toEqual(
      err('ERR The ID specified in XADD is equal or smaller than the target stream top item'),
    );
    expect(engine.exec(['XADD', 't', '0-0', 'f', 'v'])).toEqual(
      err('ERR The ID specified in XADD must be greater than 0-0'),
    );
    expect(engine.exec(['XADD', 't', '0-*', 'f', 'v'])).toEqual(b('0-1'));
    expect(engine.exec(['XADD', 's', 'NOMKSTREAM', '9', 'f', 'v'])).toEqual(
      err('ERR The ID specified in XADD is equal or smaller than the target stream top item'),
    );
    expect(engine.exec(['XADD', 'nope', 'NOMKSTREAM', '*', 'f', 'v'])).toEqual(reply.nil());
    expect(engine.exec(['XADD', 's', '*', 'f'])).toEqual(
      err("ERR wrong number of arguments for 'xadd' command"),
    );
    expect(
      engine.exec(['XADD', 'u', '18446744073709551615-18446744073709551615', 'f', 'v']),
    ).toEqual(b('18446744073709551615-18446744073709551615'));
    expect(engine.exec(['XADD', 'u', '*', 'f', 'v'])).toEqual(
      err('ERR The stream has exhausted the last possible ID, unable to add more items'),
    );
    expect(engine.exec(['EXISTS', 'nope'])).toEqual(reply.int(0));
  });

  it('ranges forwards, backwards, exclusively and with COUNT', () => {
    const { engine } = fresh();
    for (const id of ['1-0', '2-0', '2-1', '3-0']) engine.exec(['XADD', 's', id, 'f', id]);
    expect(engine.exec(['XRANGE', 's', '2', '2'])).toEqual(
      arr(entry('2-0', 'f', '2-0'), entry('2-1', 'f', '2-1')),
    );
    expect(engine.exec(['XRANGE', 's', '(2-0', '+', 'COUNT', '1'])).toEqual(
      arr(entry('2-1', 'f', '2-1')),
    );
    expect(engine.exec(['XREVRANGE', 's', '+', '-', 'COUNT', '2'])).toEqual(
      arr(entry('3-0', 'f', '3-0'), entry('2-1', 'f', '2-1')),
    );
    expect(engine.exec(['XRANGE', 's', '-', '+', 'COUNT', '0'])).toEqual(reply.nilArray());
    expect(engine.exec(['XRANGE', 'nope', '-', '+', 'COUNT', '0'])).toEqual(reply.emptyArray());
    expect(engine.exec(['XRANGE', 's', '(18446744073709551615-18446744073709551615', '+'])).toEqual(
      err('ERR invalid start ID for the interval'),
    );
    expect(engine.exec(['XRANGE', 's', '-', '(0-0'])).toEqual(
      err('ERR invalid end ID for the interval'),
    );
    expect(engine.exec(['XRANGE', 's', '(-', '+'])).toEqual(
      err('ERR Invalid stream ID specified as stream command argument'),
    );
  });

  it('keeps an emptied stream as a key, with its last ID and tombstone record', () => {
    const { engine } = fresh();
    engine.exec(['XADD', 's', '1-0', 'f', 'v']);
    engine.exec(['XADD', 's', '2-0', 'f', 'v']);
    expect(engine.exec(['XDEL', 's', '1-0', '2-0', '9-9'])).toEqual(reply.int(2));
    expect(engine.exec(['XLEN', 's'])).toEqual(reply.int(0));
    expect(engine.exec(['EXISTS', 's'])).toEqual(reply.int(1));
    expect(engine.exec(['TYPE', 's'])).toEqual(reply.simple('stream'));
    expect(engine.exec(['OBJECT', 'ENCODING', 's'])).toEqual(b('stream'));
    const i = info(engine.exec(['XINFO', 'STREAM', 's']));
    expect(i['last-generated-id']).toEqual(b('2-0'));
    expect(i['max-deleted-entry-id']).toEqual(b('2-0'));
    expect(i['recorded-first-entry-id']).toEqual(b('0-0'));
    expect(i['first-entry']).toEqual(reply.nil());
    expect(engine.exec(['XADD', 's', '2-0', 'f', 'v'])).toEqual(
      err('ERR The ID specified in XADD is equal or smaller than the target stream top item'),
    );
  });

  it('trims approximately by whole nodes of 100 entries', () => {
    const { engine } = fresh();
    for (let i = 1; i <= 350; i++) engine.exec(['XADD', 's', `${i}-0`, 'f', 'v']);
    expect(engine.exec(['XTRIM', 's', 'MAXLEN', '~', '120'])).toEqual(reply.int(200));
    expect(engine.exec(['XADD', 's', 'MAXLEN', '~', '10', '351-0', 'f', 'v'])).toEqual(b('351-0'));
    expect(engine.exec(['XLEN', 's'])).toEqual(reply.int(51));
    expect(engine.exec(['XTRIM', 's', 'MINID', '340'])).toEqual(reply.int(39));
    expect(engine.exec(['XTRIM', 's', 'MAXLEN', '~', '0', 'LIMIT', '5'])).toEqual(reply.int(0));
    expect(engine.exec(['XTRIM', 's', 'MAXLEN', '1', 'LIMIT', '5'])).toEqual(
      err('ERR syntax error, LIMIT cannot be used without the special ~ option'),
    );
    const i = info(engine.exec(['XINFO', 'STREAM', 's']));
    expect(i['radix-tree-keys']).toEqual(reply.int(1));
    expect(i['length']).toEqual(reply.int(12));
  });

  it('follows the stream-node-max-entries setting', () => {
    const { engine } = fresh();
    expect(engine.exec(['CONFIG', 'SET', 'stream-node-max-entries', '10'])).toEqual(reply.ok());
    for (let i = 1; i <= 35; i++) engine.exec(['XADD', 's', `${i}-0`, 'f', 'v']);
    expect(info(engine.exec(['XINFO', 'STREAM', 's']))['radix-tree-keys']).toEqual(reply.int(4));
    expect(engine.exec(['XTRIM', 's', 'MAXLEN', '~', '12'])).toEqual(reply.int(20));
  });
});

describe('consumer groups', () => {
  it('delivers, tracks pending entries with idle times, acknowledges', () => {
    const { engine, clock } = fresh();
    engine.exec(['XADD', 's', '1-0', 'f', 'a']);
    engine.exec(['XADD', 's', '2-0', 'f', 'b']);
    expect(engine.exec(['XGROUP', 'CREATE', 's', 'g', '0'])).toEqual(reply.ok());
    expect(engine.exec(['XGROUP', 'CREATE', 's', 'g', '0'])).toEqual(
      err('BUSYGROUP Consumer Group name already exists'),
    );
    expect(
      engine.exec(['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '1', 'STREAMS', 's', '>']),
    ).toEqual(arr(arr(b('s'), arr(entry('1-0', 'f', 'a')))));
    clock.advance(500);
    expect(engine.exec(['XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '>'])).toEqual(
      arr(arr(b('s'), arr(entry('2-0', 'f', 'b')))),
    );
    expect(engine.exec(['XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '>'])).toEqual(
      reply.nilArray(),
    );
    clock.advance(250);
    expect(engine.exec(['XPENDING', 's', 'g'])).toEqual(
      arr(reply.int(2), b('1-0'), b('2-0'), arr(arr(b('alice'), b('1')), arr(b('bob'), b('1')))),
    );
    expect(engine.exec(['XPENDING', 's', 'g', 'IDLE', '600', '-', '+', '10'])).toEqual(
      arr(arr(b('1-0'), b('alice'), reply.int(750), reply.int(1))),
    );
    // bob's history: his pending entry, delivered again.
    expect(engine.exec(['XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '0'])).toEqual(
      arr(arr(b('s'), arr(entry('2-0', 'f', 'b')))),
    );
    expect(engine.exec(['XPENDING', 's', 'g', '-', '+', '10', 'bob'])).toEqual(
      arr(arr(b('2-0'), b('bob'), reply.int(0), reply.int(2))),
    );
    expect(engine.exec(['XACK', 's', 'g', '1-0', '1-0', '7-7'])).toEqual(reply.int(1));
    const groups = engine.exec(['XINFO', 'GROUPS', 's']);
    expect(groups).toEqual(
      arr(
        arr(
          b('name'),
          b('g'),
          b('consumers'),
          reply.int(2),
          b('pending'),
          reply.int(1),
          b('last-delivered-id'),
          b('2-0'),
          b('entries-read'),
          reply.int(2),
          b('lag'),
          reply.int(0),
        ),
      ),
    );
  });

  it('claims by idle time, FORCE and RETRYCOUNT; XAUTOCLAIM reports deleted entries', () => {
    const { engine, clock } = fresh();
    for (const id of ['1-0', '2-0', '3-0']) engine.exec(['XADD', 's', id, 'f', id]);
    engine.exec(['XGROUP', 'CREATE', 's', 'g', '0']);
    engine.exec(['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '2', 'STREAMS', 's', '>']);
    clock.advance(1000);
    expect(engine.exec(['XCLAIM', 's', 'g', 'bob', '5000', '1-0'])).toEqual(reply.emptyArray());
    expect(engine.exec(['XCLAIM', 's', 'g', 'bob', '1000', '1-0', 'JUSTID'])).toEqual(
      arr(b('1-0')),
    );
    expect(
      engine.exec(['XCLAIM', 's', 'g', 'bob', '0', '3-0', 'FORCE', 'RETRYCOUNT', '5']),
    ).toEqual(arr(entry('3-0', 'f', '3-0')));
    expect(engine.exec(['XCLAIM', 's', 'g', 'bob', '0', '1-0', 'BOGUS'])).toEqual(
      err("ERR Unrecognized XCLAIM option 'BOGUS'"),
    );
    engine.exec(['XDEL', 's', '2-0']);
    clock.advance(100);
    expect(engine.exec(['XAUTOCLAIM', 's', 'g', 'carol', '50', '0', 'COUNT', '10'])).toEqual(
      arr(b('0-0'), arr(entry('1-0', 'f', '1-0'), entry('3-0', 'f', '3-0')), arr(b('2-0'))),
    );
    expect(engine.exec(['XPENDING', 's', 'g', '-', '+', '10'])).toEqual(
      arr(
        arr(b('1-0'), b('carol'), reply.int(0), reply.int(2)),
        arr(b('3-0'), b('carol'), reply.int(0), reply.int(6)),
      ),
    );
    expect(engine.exec(['XGROUP', 'DELCONSUMER', 's', 'g', 'carol'])).toEqual(reply.int(2));
    expect(engine.exec(['XPENDING', 's', 'g'])).toEqual(
      arr(reply.int(0), reply.nil(), reply.nil(), reply.nilArray()),
    );
  });

  it('reports lag and entries-read as Redis 7.0 estimates them', () => {
    const { engine } = fresh();
    for (let i = 1; i <= 5; i++) engine.exec(['XADD', 's', `${i}-0`, 'f', 'v']);
    engine.exec(['XGROUP', 'CREATE', 's', 'g', '0']);
    engine.exec(['XGROUP', 'CREATE', 's', 'h', '3-0']);
    const lagOf = (g: string) => {
      const groups = engine.exec(['XINFO', 'GROUPS', 's']) as { items: readonly Reply[] };
      const found = groups.items
        .map(info)
        .find((x) => (x['name'] as { value: string }).value === g)!;
      return [found['entries-read'], found['lag']];
    };
    expect(lagOf('g')).toEqual([reply.nil(), reply.int(5)]);
    expect(lagOf('h')).toEqual([reply.nil(), reply.nil()]);
    engine.exec(['XREADGROUP', 'GROUP', 'g', 'c', 'COUNT', '2', 'STREAMS', 's', '>']);
    expect(lagOf('g')).toEqual([reply.int(2), reply.int(3)]);
    engine.exec(['XDEL', 's', '4-0']); // a tombstone ahead of the group: the lag is unknown
    expect(lagOf('g')).toEqual([reply.int(2), reply.nil()]);
  });

  it('answers NOGROUP and the key errors with the names, as Redis prints them', () => {
    const { engine } = fresh();
    engine.exec(['XADD', 's', '1-0', 'f', 'v']);
    expect(engine.exec(['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'])).toEqual(
      err("NOGROUP No such key 's' or consumer group 'g' in XREADGROUP with GROUP option"),
    );
    expect(engine.exec(['XGROUP', 'SETID', 's', 'g', '0'])).toEqual(
      err("NOGROUP No such consumer group 'g' for key name 's'"),
    );
    expect(engine.exec(['XGROUP', 'CREATE', 'nope', 'g', '0'])).toEqual(
      err(
        'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.',
      ),
    );
    expect(engine.exec(['XPENDING', 'a\nb', 'g'])).toEqual(
      err("NOGROUP No such key 'a b' or consumer group 'g'"),
    );
    expect(engine.exec(['XINFO', 'STREAM', 'nope'])).toEqual(err('ERR no such key'));
    expect(engine.exec(['XGROUP', 'FOO'])).toEqual(
      err("ERR unknown subcommand 'FOO'. Try XGROUP HELP."),
    );
    expect(engine.exec(['XINFO', 'STREAM', 's', 'FULL', 'X', '1'])).toEqual(
      err("ERR unknown subcommand or wrong number of arguments for 'STREAM'. Try XINFO HELP."),
    );
  });
});

describe('blocking reads on the engine clock', () => {
  it('serves a blocked XREAD when another client adds, and times out otherwise', () => {
    const { engine, clock } = fresh();
    const pushed: Reply[] = [];
    const reader = engine.connect({ onPush: (r) => pushed.push(r) });
    const writer = engine.connect();
    expect(reader.exec(['XREAD', 'BLOCK', '0', 'STREAMS', 's', '$'])).toBeUndefined();
    writer.exec(['XADD', 's', '1-0', 'f', 'v']);
    expect(pushed).toEqual([arr(arr(b('s'), arr(entry('1-0', 'f', 'v'))))]);
    expect(reader.exec(['XREAD', 'BLOCK', '1000', 'STREAMS', 's', '$'])).toBeUndefined();
    clock.advance(999);
    engine.tick();
    expect(pushed.length).toBe(1);
    clock.advance(1);
    engine.tick();
    expect(pushed[1]).toEqual(reply.nilArray());
    expect(engine.blockedCount).toBe(0);
  });

  it('unblocks group readers with UNBLOCKED when their stream expires', () => {
    const { engine, clock } = fresh();
    const pushed: Reply[] = [];
    const reader = engine.connect({ onPush: (r) => pushed.push(r) });
    engine.exec(['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM']);
    engine.exec(['PEXPIRE', 's', '100']);
    expect(
      reader.exec(['XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 's', '>']),
    ).toBeUndefined();
    clock.advance(200);
    for (let i = 0; i < 10 && pushed.length === 0; i++) engine.tick();
    expect(pushed).toEqual([err('UNBLOCKED the stream key no longer exists')]);
  });
});

describe('stream writes and the keyspace', () => {
  it('invalidates WATCH only for the writes Redis signals', () => {
    const { engine } = fresh();
    const c = engine.connect();
    engine.exec(['XADD', 's', '1-0', 'f', 'v']);
    const watched = (write: string[]): Reply | undefined => {
      c.exec(['WATCH', 's']);
      engine.exec(write);
      c.exec(['MULTI']);
      c.exec(['PING']);
      return c.exec(['EXEC']);
    };
    expect(watched(['XGROUP', 'CREATE', 's', 'g', '0'])).toEqual(arr(reply.pong()));
    expect(watched(['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>'])).toEqual(
      arr(reply.pong()),
    );
    expect(watched(['XSETID', 's', '5-0'])).toEqual(arr(reply.pong()));
    expect(watched(['XDEL', 's', '9-9'])).toEqual(arr(reply.pong()));
    expect(watched(['XDEL', 's', '1-0'])).toEqual(reply.nilArray());
    expect(watched(['XADD', 's', '6-0', 'f', 'v'])).toEqual(reply.nilArray());
  });

  it('names the keys of XREAD and XREADGROUP after STREAMS', () => {
    const { engine } = fresh();
    const keys = (argv: string[]) => keysOf(engine.table.get(argv[0]!)!, argv);
    expect(keys(['XREAD', 'COUNT', '1', 'STREAMS', 'a', 'b', '0', '0'])).toEqual(['a', 'b']);
    expect(keys(['XREADGROUP', 'GROUP', 'streams', 'c', 'STREAMS', 'k', '>'])).toEqual(['k']);
    // The key spec finds the first STREAMS; when its range does not fit, xreadGetKeys decides.
    expect(keys(['XREAD', 'COUNT', 'streams', 'STREAMS', 'k', '0'])).toEqual(['STREAMS']);
    expect(keys(['XREAD', 'STREAMS', 'k'])).toEqual([]);
  });

  it('accounts memory as the stream grows and gives it back when deleted', () => {
    const { engine } = fresh();
    const base = engine.usedMemory();
    for (let i = 1; i <= 1000; i++) engine.exec(['XADD', 's', `${i}-0`, 'field', `value-${i}`]);
    engine.exec(['XGROUP', 'CREATE', 's', 'g', '0']);
    engine.exec(['XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 's', '>']);
    const grown = engine.usedMemory() - base;
    expect(grown).toBeGreaterThan(1000 * 15);
    expect(grown).toBeLessThan(1000 * 200);
    engine.exec(['DEL', 's']);
    expect(engine.usedMemory()).toBe(base);
  });
});
