import { describe, expect, it } from 'vitest';
import {
  decodeShareLink,
  encodeShareLink,
  MAX_LINK_CHARS,
  ShareLinkError,
  shareParamFromHash,
  type SharedState,
} from './share-link';
import { crc32Hex } from './checksum';

const state: SharedState = {
  scenario: 'db-cache',
  seed: 42,
  untilUs: 9_000_000,
  step: 3,
  log: [
    { atUs: 1_000_000, action: { type: 'strategy.set', params: { strategy: 'write-through' } } },
    { atUs: 2_500_000, action: { type: 'ttl.set', params: { seconds: 30 } } },
    {
      atUs: 2_500_000,
      action: { type: 'console', params: { target: 'redis', line: 'GET product:1' } },
    },
  ],
};

async function problemOf(link: string, scenario = 'db-cache'): Promise<string> {
  try {
    await decodeShareLink(link, scenario);
  } catch (err) {
    expect(err).toBeInstanceOf(ShareLinkError);
    expect((err as Error).message).toMatch(/Nothing from it was loaded/);
    return (err as ShareLinkError).problem;
  }
  throw new Error('the link was accepted');
}

/** Packs arbitrary JSON as a correctly checksummed link (to test the contents' validation). */
async function craft(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  const packed = new Uint8Array(
    await new Response(
      new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
  const b64 = btoa(String.fromCharCode(...packed))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `1.${crc32Hex(bytes)}.${b64}`;
}

describe('share links', () => {
  it('round-trips seed, time, step and the action log', async () => {
    const link = await encodeShareLink(state);
    expect(link).toMatch(/^1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(await decodeShareLink(link, 'db-cache')).toEqual(state);
  });

  it('is compact: a 200-action log fits in a few kB', async () => {
    const log = Array.from({ length: 200 }, (_, i) => ({
      atUs: i * 1000,
      action: { type: 'ttl.set', params: { seconds: i % 60 } },
    }));
    const link = await encodeShareLink({ ...state, untilUs: 300_000, log });
    expect(link.length).toBeLessThan(4000);
  });

  it('rejects a tampered payload by its checksum', async () => {
    const link = await encodeShareLink(state);
    const [v, , body] = link.split('.');
    expect(await problemOf(`${v}.00000000.${body}`)).toBe('checksum');
  });

  it('rejects damaged compressed data', async () => {
    const link = await encodeShareLink(state);
    const cut = link.slice(0, link.length - 12);
    expect(['corrupt', 'checksum']).toContain(await problemOf(cut));
  });

  it('rejects garbage, wrong versions and oversized links with the right problem', async () => {
    expect(await problemOf('hello world')).toBe('format');
    expect(await problemOf('')).toBe('format');
    expect(await problemOf('2.12345678.abc')).toBe('version');
    expect(await problemOf('1.' + 'a'.repeat(MAX_LINK_CHARS))).toBe('too-large');
  });

  it('refuses a small link that inflates hugely', async () => {
    const bomb = await craft(JSON.stringify({ v: 1, pad: ' '.repeat(2_000_000) }));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await problemOf(bomb)).toBe('too-large');
  });

  it('refuses well-checksummed contents of the wrong shape', async () => {
    const base = {
      v: 1,
      scenario: 'db-cache',
      seed: 1,
      untilUs: 10,
      step: 0,
      log: [] as unknown[],
    };
    expect(await problemOf(await craft('[1,2,3]'))).toBe('invalid');
    expect(await problemOf(await craft(JSON.stringify({ ...base, seed: -1 })))).toBe('invalid');
    expect(await problemOf(await craft(JSON.stringify({ ...base, seed: '42' })))).toBe('invalid');
    expect(await problemOf(await craft(JSON.stringify({ ...base, log: 'x' })))).toBe('invalid');
    expect(
      await problemOf(
        await craft(JSON.stringify({ ...base, log: [{ atUs: 5, action: { type: '<script>' } }] })),
      ),
    ).toBe('invalid');
    expect(
      await problemOf(
        await craft(JSON.stringify({ ...base, log: [{ atUs: 50, action: { type: 'ttl.set' } }] })),
      ),
    ).toBe('invalid');
    expect(
      await problemOf(
        await craft(
          JSON.stringify({
            ...base,
            log: [{ atUs: 5, action: { type: 'a', params: { x: { y: 1 } } } }],
          }),
        ),
      ),
    ).toBe('invalid');
    expect(
      await problemOf(
        await craft(
          JSON.stringify({
            ...base,
            log: [{ atUs: 5, action: { type: 'a', params: { x: 'y'.repeat(5000) } } }],
          }),
        ),
      ),
    ).toBe('invalid');
    const many = Array.from({ length: 2001 }, () => ({ atUs: 1, action: { type: 'a' } }));
    expect(await problemOf(await craft(JSON.stringify({ ...base, log: many })))).toBe('invalid');
  });

  it('refuses a link made for another scenario, naming it', async () => {
    const link = await encodeShareLink(state);
    await expect(decodeShareLink(link, 'session-store')).rejects.toThrow(
      /belongs to the scenario “db-cache”/,
    );
  });

  it('finds the share parameter in a hash route', () => {
    expect(shareParamFromHash('#/learn/db-cache?seed=4&share=1.abc.def')).toBe('1.abc.def');
    expect(shareParamFromHash('#/learn/db-cache?seed=4')).toBeNull();
    expect(shareParamFromHash('#/learn/db-cache')).toBeNull();
  });
});
