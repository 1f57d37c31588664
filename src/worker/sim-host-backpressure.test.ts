import { describe, expect, it } from 'vitest';
import { SimHost } from './sim-host';
import type { TraceBatch } from './protocol';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function host(): SimHost {
  return new SimHost({
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  });
}

describe('SimHost batches and a slow page', { timeout: 60_000 }, () => {
  it('sends the next batch only after the page has taken the last one, and ends on the latest state', async () => {
    const h = host();
    await h.load({ scenario: 'sandbox-replication-group', seed: 4 });
    await h.setSpeed(0.01);
    const taken: TraceBatch[] = [];
    const busy: (() => void)[] = [];
    // A page still drawing: the batch's handler has not returned until `busy` is released.
    await h.subscribe((b) => {
      taken.push(b);
      return new Promise<void>((done) => busy.push(done));
    });
    await h.play();
    await sleep(300); // about 18 ticks
    expect(taken).toHaveLength(1);
    const eventsBefore = (await h.snapshot()).eventsProcessed;
    expect(eventsBefore).toBeGreaterThan(taken[0]!.snapshot.eventsProcessed); // it kept running
    await h.pause();
    busy.shift()!();
    await sleep(0);
    // What was asked meanwhile arrives as one batch: the paused, latest state and the run's events.
    expect(taken).toHaveLength(2);
    const last = taken[1]!;
    expect(last.snapshot.playing).toBe(false);
    expect(last.snapshot.eventsProcessed).toBe((await h.snapshot()).eventsProcessed);
    expect(last.events.length + last.dropped).toBeGreaterThan(0);
    busy.shift()!();
  });

  it('a page that keeps up gets about one batch per tick', async () => {
    const h = host();
    await h.load({ scenario: 'sandbox-replication-group', seed: 4 });
    await h.setSpeed(0.01);
    const taken: TraceBatch[] = [];
    await h.subscribe((b) => void taken.push(b));
    await h.play();
    await sleep(300);
    await h.pause();
    await sleep(0);
    expect(taken.length).toBeGreaterThan(5);
    expect(taken.at(-1)!.snapshot.playing).toBe(false);
  });
});
