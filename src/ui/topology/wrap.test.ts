import { describe, expect, it } from 'vitest';
import { wrapPhrases } from './wrap';

describe('wrapPhrases', () => {
  it('breaks between phrases, never inside one', () => {
    expect(wrapPhrases('lazy loading, TTL 300 s, via Redis', 25, 2)).toEqual([
      'lazy loading, TTL 300 s',
      'via Redis',
    ]);
  });

  it('counts what does not fit instead of cutting it', () => {
    expect(
      wrapPhrases('12 sessions in memory · 5 users pinned · 120 requests · stateless', 25, 2),
    ).toEqual(['12 sessions in memory', '5 users pinned · +2 more']);
    expect(wrapPhrases('a very long first phrase here, another long one', 10, 1)).toEqual([
      '+2 more',
    ]);
  });

  it('keeps a short line as it is', () => {
    expect(wrapPhrases('round robin', 25, 2)).toEqual(['round robin']);
    expect(wrapPhrases('', 25, 2)).toEqual([]);
  });
});
