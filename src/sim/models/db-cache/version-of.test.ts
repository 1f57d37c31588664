import { describe, expect, it } from 'vitest';
import { versionOf } from './cache-ops';

describe('versionOf', () => {
  it("reads a cached value's version as Number() of the text before the first |", () => {
    const values = [
      'v1|{"id":1}',
      'v0|',
      'v007|x',
      'v123456789012345|x', // 15 digits: the longest read digit by digit
      'v1234567890123456|x', // 16: Number() itself
      'v|x',
      '',
      'v',
      'v12',
      'hello',
      'v 12|x',
      'v1e3|x',
      'v12abc|x',
      'v-3|x',
      'v1|2|3',
    ];
    for (const v of values)
      expect([v, versionOf(v)]).toEqual([v, Number(v.slice(1, v.indexOf('|')))]);
  });
});
