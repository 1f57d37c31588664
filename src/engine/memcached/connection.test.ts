import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { manualClock } from '../clock';
import { createMemcachedEngine } from './index';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const dec = (b: Uint8Array): string => String.fromCharCode(...b);
const engine = () => createMemcachedEngine({ clock: manualClock(1_800_000_000_000) });

const command = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('set', 'add', 'append'),
      fc.constantFrom('a', 'b'),
      fc.string({ maxLength: 12 }),
    )
    .map(([c, k, v]) => `${c} ${k} 0 0 ${v.length}\r\n${v}\r\n`),
  fc.constantFrom(
    'get a b\r\n',
    'gets a\r\n',
    'incr a 1\r\n',
    'delete b\r\n',
    'version\r\n',
    'bogus\r\n',
    'set a 0 0 1\r\nxyz\r\n',
    'set a x 0 1\r\n',
  ),
);

describe('text protocol framing', () => {
  it('gives the same replies however the bytes are split into reads (pipelining, partial reads)', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 15 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (cmds, cuts) => {
          const stream = enc(cmds.join(''));
          const whole = dec(engine().connect().feed(stream));
          const conn = engine().connect();
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort(
            (x, y) => x - y,
          );
          let out = '';
          let prev = 0;
          for (const p of [...points, stream.length]) {
            out += dec(conn.feed(stream.subarray(prev, p)));
            prev = p;
          }
          expect(out).toBe(whole);
        },
      ),
    );
  });

  it('answers like memcached 1.6.18 to malformed input', () => {
    const conn = engine().connect();
    const ask = (s: string): string => dec(conn.feed(enc(s)));
    expect(ask('set a 0 0 1\r\nabc\r\n')).toBe('CLIENT_ERROR bad data chunk\r\nERROR\r\n');
    expect(ask(`set ${'k'.repeat(251)} 0 0 1\r\nx\r\n`)).toBe(
      'CLIENT_ERROR bad command line format\r\nERROR\r\n',
    );
    expect(ask('set k 0 0 -1\r\n')).toBe('CLIENT_ERROR bad command line format\r\n');
    expect(ask('incr k -1\r\n')).toBe('CLIENT_ERROR invalid numeric delta argument\r\n');
    expect(ask('delete k 1\r\n')).toBe(
      'CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]\r\n',
    );
    expect(ask('set k 0 0 1 noreply\r\nxy\r\n')).toBe('ERROR\r\n');
    expect(ask('get\r\n')).toBe('ERROR\r\n');
    expect(ask('gat 10\r\n')).toBe('END\r\n');
    expect(ask('version\r\n')).toBe('VERSION 1.6.18\r\n');
  });

  it('swallows the data block of a too-large value', () => {
    const conn = engine().connect();
    const big = 'z'.repeat(1024 * 1024 + 1);
    expect(dec(conn.feed(enc(`set a 0 0 ${big.length}\r\n${big}\r\nversion\r\n`)))).toBe(
      'SERVER_ERROR object too large for cache\r\nVERSION 1.6.18\r\n',
    );
  });

  it('closes the connection on a 2 KB line without a newline, but waits for a long get', () => {
    const e = engine();
    const c1 = e.connect();
    expect(dec(c1.feed(enc('set ' + 'y'.repeat(3000))))).toBe('');
    expect(c1.closed).toBe(true);
    const c2 = e.connect();
    c2.feed(enc('get ' + 'y '.repeat(1500)));
    expect(c2.closed).toBe(false);
    expect(dec(c2.feed(enc('\r\n')))).toBe('END\r\n');
  });
});
