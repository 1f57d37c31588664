import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../clock';
import { engineRng } from '../../../rng';
import { createRedisEngine } from '../../engine';
import { reply } from '../../reply';
import { loadRdb } from '../../rdb/load';

const T0 = 1_700_000_000_000;

function withSink(clock = manualClock(T0)) {
  const e = createRedisEngine({ clock, rng: engineRng(1) });
  const files: Uint8Array[] = [];
  e.persistence.sink = { write: (b) => files.push(b) };
  return { e, files, clock };
}

describe('SAVE, BGSAVE, LASTSAVE', () => {
  it('SAVE hands a loadable snapshot to the sink and moves LASTSAVE', () => {
    const { e, files, clock } = withSink();
    expect(e.exec(['LASTSAVE'])).toEqual(reply.int(T0 / 1000));
    e.exec(['SET', 'k', 'v']);
    clock.advance(5000);
    expect(e.exec(['SAVE'])).toEqual(reply.ok());
    expect(files.length).toBe(1);
    expect(e.exec(['LASTSAVE'])).toEqual(reply.int(T0 / 1000 + 5));
    const copy = createRedisEngine({ clock, rng: engineRng(2) });
    expect(loadRdb(copy, files[0]!).ok).toBe(true);
    expect(copy.exec(['GET', 'k'])).toEqual(reply.bulk('v'));
  });

  it('SAVE answers a bare ERR when there is nowhere to write, and LASTSAVE stays', () => {
    const e = createRedisEngine({ clock: manualClock(T0) });
    expect(e.exec(['SAVE'])).toEqual(reply.error('ERR'));
    const failing = withSink();
    failing.e.persistence.sink = {
      write: () => {
        throw new Error('disk full');
      },
    };
    failing.clock.advance(3000);
    expect(failing.e.exec(['SAVE'])).toEqual(reply.error('ERR'));
    expect(failing.e.exec(['LASTSAVE'])).toEqual(reply.int(T0 / 1000));
  });

  it('BGSAVE starts (and here finishes) a save; a failure shows in rdb_last_bgsave_status', () => {
    const { e, files } = withSink();
    expect(e.exec(['BGSAVE'])).toEqual(reply.simple('Background saving started'));
    expect(e.exec(['BGSAVE', 'SCHEDULE'])).toEqual(reply.simple('Background saving started'));
    expect(files.length).toBe(2);
    expect(e.exec(['BGSAVE', 'now'])).toEqual(reply.syntax());
    e.persistence.sink = undefined;
    expect(e.exec(['BGSAVE'])).toEqual(reply.simple('Background saving started'));
    const info = e.exec(['INFO', 'persistence']);
    expect(info?.kind === 'bulk' && info.value).toMatch(
      /rdb_last_bgsave_status:err\r\nrdb_saves:3\r\n/,
    );
  });

  it('inside MULTI: SAVE is refused and aborts the transaction; BGSAVE is scheduled for the next tick', () => {
    const { e, files } = withSink();
    const c = e.connect();
    c.exec(['MULTI']);
    expect(c.exec(['SAVE'])).toEqual(reply.error('ERR Command not allowed inside a transaction'));
    c.exec(['SET', 'a', '1']);
    expect(c.exec(['EXEC'])).toEqual(
      reply.error('EXECABORT Transaction discarded because of previous errors.'),
    );
    c.exec(['MULTI']);
    c.exec(['BGSAVE']);
    c.exec(['SET', 'b', '2']);
    expect(c.exec(['EXEC'])).toEqual(
      reply.array([reply.simple('Background saving scheduled'), reply.ok()]),
    );
    expect(files.length).toBe(0);
    e.tick();
    expect(files.length).toBe(1);
    const copy = createRedisEngine({ clock: manualClock(T0) });
    loadRdb(copy, files[0]!);
    expect(copy.exec(['GET', 'b'])).toEqual(reply.bulk('2'));
  });

  it('the elasticache profile refuses SAVE and BGSAVE as unknown commands but answers LASTSAVE', () => {
    const e = createRedisEngine({ clock: manualClock(T0), profile: 'elasticache' });
    expect(e.exec(['SAVE'])).toEqual(
      reply.error("ERR unknown command 'SAVE', with args beginning with: "),
    );
    expect(e.exec(['BGSAVE'])).toEqual(
      reply.error("ERR unknown command 'BGSAVE', with args beginning with: "),
    );
    expect(e.exec(['LASTSAVE'])).toEqual(reply.int(T0 / 1000));
  });
});
