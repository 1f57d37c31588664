// The meta protocol (mg, ms, md, ma, mn, me) as memcached 1.6.18 answers it; the differential
// test (test/conformance/memcached-meta-diff.test.ts) compares random streams with the daemon.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { base64Decode, base64Encode } from './base64';
import { createMemcachedEngine } from './index';

const T0 = 1_800_000_000_000;
const setup = () => {
  const clock = manualClock(T0);
  const e = createMemcachedEngine({ clock });
  const conn = e.connect();
  const run = (s: string): string =>
    String.fromCharCode(...conn.feed(Uint8Array.from(s, (c) => c.charCodeAt(0))));
  return { clock, e, run };
};

describe('base64 as memcached decodes it', () => {
  it('round-trips bytes and rejects what memcached rejects', () => {
    expect(base64Encode('bin\x00key')).toBe('YmluAGtleQ==');
    expect(base64Decode('YmluAGtleQ==')).toBe('bin\x00key');
    expect(base64Decode('YmluAGtleQ')).toBeNull(); // not a multiple of 4
    expect(base64Decode('!!!!')).toBeNull(); // nothing in the alphabet
    expect(base64Decode('====')).toBeNull(); // bad padding
    expect(base64Decode('Y m l u')).toBe('bin'); // characters outside the alphabet are skipped
  });
});

describe('mg / ms / md / ma / mn / me', () => {
  it('stores and fetches with return flags, opaque and key', () => {
    const { run } = setup();
    expect(run('ms foo 3 T100 F5 c k O123\r\nbar\r\n')).toBe('HD c1 kfoo O123\r\n');
    expect(run('mg foo v s t f c k O9 h l\r\n')).toBe(
      'VA 3 s3 t100 f5 c1 kfoo O9 h0 l0\r\nbar\r\n',
    );
    expect(run('mg foo h\r\n')).toBe('HD h1\r\n');
    expect(run('mg nope v O1 k\r\n')).toBe('EN O1 knope\r\n');
  });

  it('quiet mode hides nominal replies only; mn marks the end', () => {
    const { run } = setup();
    expect(run('ms a 1 q\r\nx\r\nmg b v q\r\nmg a v q\r\nmd b q\r\nmn\r\n')).toBe(
      'VA 1\r\nx\r\nNF\r\nMN\r\n',
    );
  });

  it('a binary key travels base64-encoded', () => {
    const { run, e } = setup();
    expect(run('ms YmluAGtleQ== 2 b k\r\nhi\r\n')).toBe('HD kYmluAGtleQ== b\r\n');
    expect(e.store.map.has('bin\x00key')).toBe(true);
    expect(run('me YmluAGtleQ== b\r\n')).toMatch(/^ME YmluAGtleQ== exp=-1 la=0 cas=1 fetch=no /);
  });

  it('autovivifies on miss and hands out one recache token (W, then Z)', () => {
    const { run } = setup();
    expect(run('mg k N30 v c t\r\n')).toBe('VA 0 c1 t30 W\r\n\r\n');
    expect(run('mg k N30 v c t\r\n')).toBe('VA 0 c1 t30 Z\r\n\r\n');
  });

  it('md I marks the item stale: the next fetch wins the token (X W), later ones see Z', () => {
    const { run } = setup();
    run('ms k 1\r\nv\r\n');
    expect(run('md k I T30\r\n')).toBe('HD\r\n');
    expect(run('mg k c\r\n')).toBe('HD c2 X W\r\n');
    expect(run('mg k c\r\n')).toBe('HD c2 Z X\r\n');
    // A write with an older CAS still lands while stale (I), keeping the stale mark.
    expect(run('ms k 1 C1 I\r\nw\r\n')).toBe('HD\r\n');
    expect(run('mg k v\r\n')).toBe('VA 1 Z X\r\nw\r\n');
  });

  it('ma counts, creates with N/J, and checks CAS', () => {
    const { run, e } = setup();
    expect(run('ma n\r\n')).toBe('NF\r\n');
    expect(run('ma n N0 J10 v\r\n')).toBe('VA 2\r\n10\r\n');
    // VA counts the digits of the result; the stored value keeps its padding ("6 ").
    expect(run('ma n MD D4 v c\r\n')).toBe('VA 1 c2\r\n6\r\n');
    expect(run('ma n C99\r\n')).toBe('EX\r\n');
    expect(run('ma n MX\r\n')).toBe('CLIENT_ERROR invalid mode for ma M token\r\n');
    expect(e.stats().incr_misses).toBe('1');
  });

  it('errors: duplicate and unknown flags, bad tokens, long opaque, too many flags', () => {
    const { run } = setup();
    expect(run('mg k v v\r\n')).toBe('CLIENT_ERROR duplicate flag\r\n');
    expect(run('mg k z\r\n')).toBe('CLIENT_ERROR invalid flag\r\n');
    expect(run('mg k Tx\r\n')).toBe('CLIENT_ERROR bad token in command line format\r\n');
    expect(run('md k q q\r\n')).toBe('CLIENT_ERROR invalid or duplicate flag\r\n');
    expect(run(`mg k O${'1'.repeat(40)}\r\n`)).toBe('CLIENT_ERROR opaque token too long\r\n');
    const many = Array.from({ length: 20 }, (_, i) => `O${i}`).join(' ');
    expect(run(`mg k ${many}\r\n`)).toBe('CLIENT_ERROR options flags are too long\r\n');
    // A bad mode is known only after the length: the data block is swallowed.
    expect(run('ms k 2 MX\r\nzz\r\nmn\r\n')).toBe(
      'CLIENT_ERROR invalid mode for ms M token\r\nMN\r\n',
    );
    // A bad length is not: the data line is read as a command.
    expect(run('ms k x\r\nzz\r\n')).toBe('CLIENT_ERROR bad command line format\r\nERROR\r\n');
    expect(run('mg\r\n')).toBe('ERROR\r\n');
  });

  it('me describes an item, counted as cmd_meta', () => {
    const { clock, run, e } = setup();
    run('ms k 1 T100\r\nv\r\n');
    clock.advance(5000);
    expect(run('me k\r\n')).toBe('ME k exp=-95 la=5 cas=1 fetch=no cls=1 size=61\r\n');
    expect(run('me none\r\n')).toBe('EN\r\n');
    expect(e.stats().cmd_meta).toBe('2');
  });
});
