import { defineCommand } from '../../command';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { mapReply } from '../../resp3';
import { reply } from '../../reply';
import type { Reply } from '../../reply';

/** proto-max-bulk-len: Redis refuses an LCS table larger than this many bytes. */
const MAX_TABLE_BYTES = 512 * 1024 * 1024;

export const lcs = defineCommand({
  name: 'lcs',
  arity: -3,
  flags: ['readonly'],
  keys: { first: 1, last: 2, step: 1 },
  group: 'string',
  syntax: 'LCS key1 key2 [LEN] [IDX] [MINMATCHLEN min-match-len] [WITHMATCHLEN]',
  summary:
    'The longest common subsequence of two strings, its length, or the matching index ranges.',
  run: (c, argv) => {
    const ea = c.db.lookupRead(argv[1]!);
    const eb = c.db.lookupRead(argv[2]!);
    if ((ea !== undefined && ea.type !== 'string') || (eb !== undefined && eb.type !== 'string')) {
      return reply.error('ERR The specified keys must contain string values');
    }
    const a = ea === undefined ? '' : (ea.value as string);
    const b = eb === undefined ? '' : (eb.value as string);
    let getLen = false;
    let getIdx = false;
    let withLen = false;
    let minLen = 0;
    for (let j = 3; j < argv.length; j++) {
      const opt = argv[j]!;
      if (eqi(opt, 'idx')) getIdx = true;
      else if (eqi(opt, 'len')) getLen = true;
      else if (eqi(opt, 'withmatchlen')) withLen = true;
      else if (eqi(opt, 'minmatchlen') && j + 1 < argv.length) {
        const n = parseInt64(argv[++j]!);
        if (n === null) return reply.notInteger();
        minLen = Math.max(0, n);
      } else return reply.syntax();
    }
    if (getLen && getIdx)
      return reply.error('ERR If you want both the length and indexes, please just use IDX.');
    const cells = (a.length + 1) * (b.length + 1);
    if (cells * 4 > MAX_TABLE_BYTES) {
      return reply.error(
        'ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len',
      );
    }
    let table: Uint32Array;
    try {
      table = new Uint32Array(cells);
    } catch {
      return reply.error('ERR Insufficient memory, failed allocating transient memory for LCS');
    }
    const w = b.length + 1;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        table[i * w + j] =
          a.charCodeAt(i - 1) === b.charCodeAt(j - 1)
            ? table[(i - 1) * w + j - 1]! + 1
            : Math.max(table[(i - 1) * w + j]!, table[i * w + j - 1]!);
      }
    }
    const total = table[a.length * w + b.length]!;
    if (getLen && !getIdx) return reply.int(total);
    // Walk back from the end as Redis does, collecting the string and the matching ranges.
    const out: string[] = [];
    const ranges: Reply[] = [];
    let aStart = -1;
    let aEnd = 0;
    let bStart = 0;
    let bEnd = 0;
    let i = a.length;
    let j = b.length;
    while (i > 0 && j > 0) {
      let emit = false;
      if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
        out.push(a[i - 1]!);
        if (aStart === -1) {
          aStart = aEnd = i - 1;
          bStart = bEnd = j - 1;
        } else if (aStart === i && bStart === j) {
          aStart--;
          bStart--;
        } else emit = true;
        if (aStart === 0 || bStart === 0) emit = true;
        i--;
        j--;
      } else {
        if (table[(i - 1) * w + j]! > table[i * w + j - 1]!) i--;
        else j--;
        if (aStart !== -1) emit = true;
      }
      if (emit) {
        const len = aEnd - aStart + 1;
        if (getIdx && (minLen === 0 || len >= minLen)) {
          const item = [
            reply.array([reply.int(aStart), reply.int(aEnd)]),
            reply.array([reply.int(bStart), reply.int(bEnd)]),
          ];
          if (withLen) item.push(reply.int(len));
          ranges.push(reply.array(item));
        }
        aStart = -1;
      }
    }
    if (!getIdx) return reply.bulk(out.reverse().join(''));
    // RESP2 renders the map as a flat array.
    return mapReply(c, [
      reply.bulk('matches'),
      reply.array(ranges),
      reply.bulk('len'),
      reply.int(total),
    ]);
  },
});
