import { describe, expect, it } from 'vitest';
import { saveProgress, emptyProgress, type ProgressStorage } from './progress-store';
import { encodeShareLink } from './share-link';
import { resolveStartup } from './startup';

function storage(): ProgressStorage {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}
const log = [{ atUs: 10, action: { type: 'ttl.set', params: { seconds: 5 } } }];

describe('lesson startup', () => {
  it('starts fresh with the route seed when nothing is saved', async () => {
    const s = await resolveStartup({
      scenario: 'db-cache',
      routeSeed: 7,
      seedInUrl: true,
      shareParam: null,
      storage: storage(),
    });
    expect(s).toMatchObject({ seed: 7, restore: null, problems: [] });
  });

  it('restores the saved simulation when the URL seed matches (or names none)', async () => {
    const st = storage();
    saveProgress(st, 'db-cache', {
      ...emptyProgress(),
      step: 2,
      sim: { seed: 9, untilUs: 50, log },
    });
    expect(
      await resolveStartup({
        scenario: 'db-cache',
        routeSeed: 9,
        seedInUrl: true,
        shareParam: null,
        storage: st,
      }),
    ).toMatchObject({ seed: 9, restore: { log, untilUs: 50 } });
    expect(
      await resolveStartup({
        scenario: 'db-cache',
        routeSeed: 42,
        seedInUrl: false,
        shareParam: null,
        storage: st,
      }),
    ).toMatchObject({ seed: 9 });
    const other = await resolveStartup({
      scenario: 'db-cache',
      routeSeed: 1,
      seedInUrl: true,
      shareParam: null,
      storage: st,
    });
    expect(other).toMatchObject({ seed: 1, restore: null });
    expect(other.progress.step).toBe(2);
  });

  it('prefers a valid share link and reports a bad one, keeping own progress', async () => {
    const st = storage();
    saveProgress(st, 'db-cache', { ...emptyProgress(), sim: { seed: 9, untilUs: 50, log: [] } });
    const link = await encodeShareLink({
      scenario: 'db-cache',
      seed: 3,
      untilUs: 99,
      step: 4,
      log,
    });
    expect(
      await resolveStartup({
        scenario: 'db-cache',
        routeSeed: 3,
        seedInUrl: true,
        shareParam: link,
        storage: st,
      }),
    ).toMatchObject({ seed: 3, shareStep: 4, restore: { untilUs: 99 } });
    const bad = await resolveStartup({
      scenario: 'db-cache',
      routeSeed: 42,
      seedInUrl: false,
      shareParam: link.slice(0, -5) + 'AAAAA',
      storage: st,
    });
    expect(bad.seed).toBe(9);
    expect(bad.problems[0]).toMatch(/cannot be opened.*Nothing from it was loaded/);
  });
});
