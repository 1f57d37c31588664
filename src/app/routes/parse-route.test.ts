import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, parseRoute } from './parse-route';

describe('parseRoute', () => {
  it('maps the empty hash and #/ to the catalog', () => {
    expect(parseRoute('')).toEqual({ name: 'catalog' });
    expect(parseRoute('#/')).toEqual({ name: 'catalog' });
  });

  it('reads the sandbox with a seed', () => {
    expect(parseRoute('#/sandbox?seed=7')).toEqual({
      name: 'sandbox',
      query: { seed: 7, autoplay: true, seedError: null },
    });
    expect(parseRoute('#/sandbox?seed=7&play=0')).toMatchObject({
      query: { seed: 7, autoplay: false },
    });
    expect(parseRoute('#/sandbox?seed=7&system=cluster')).toEqual({
      name: 'sandbox',
      query: { seed: 7, autoplay: true, seedError: null, system: 'cluster' },
    });
  });

  it('reads the three scenario modes', () => {
    for (const mode of ['learn', 'present', 'embed'] as const) {
      expect(parseRoute(`#/${mode}/db-cache`)).toMatchObject({
        name: 'scenario',
        mode,
        id: 'db-cache',
      });
    }
  });

  it('falls back to the default seed with a message for a malformed seed', () => {
    for (const bad of ['abc', '-1', '1.5', '99999999999', '', '4294967296']) {
      const r = parseRoute(`#/sandbox?seed=${encodeURIComponent(bad)}`);
      expect(r).toMatchObject({ name: 'sandbox', query: { seed: DEFAULT_SEED } });
      if (r.name === 'sandbox') expect(r.query.seedError).toContain('default seed');
    }
  });

  it('accepts the largest 32-bit seed', () => {
    expect(parseRoute('#/sandbox?seed=4294967295')).toMatchObject({
      query: { seed: 4294967295, seedError: null },
    });
  });

  it('sends unknown paths to not-found without throwing on bad escapes', () => {
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found', path: '/nope' });
    expect(parseRoute('#/learn')).toEqual({ name: 'not-found', path: '/learn' });
    expect(parseRoute('#/learn/a/b')).toEqual({ name: 'not-found', path: '/learn/a/b' });
    expect(parseRoute('#/sandbox/x')).toEqual({ name: 'not-found', path: '/sandbox/x' });
    expect(parseRoute('#/learn/%E0%A4%A')).toMatchObject({ name: 'scenario', id: '%E0%A4%A' });
  });
});
