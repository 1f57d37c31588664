import { defineCommand, ONE_KEY } from '../../command';
import { eqi } from '../../bytes';
import { reply, type Reply } from '../../reply';
import { readAs, isErrorReply } from '../../structures/access';
import { parseLong, parsePositiveLong } from './list-args';

export const lpos = defineCommand({
  name: 'lpos',
  arity: -3,
  flags: ['readonly'],
  keys: ONE_KEY,
  group: 'list',
  syntax: 'LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]',
  summary:
    'Returns the index of matching elements (RANK picks the nth match, negative from the tail).',
  run: (c, argv) => {
    let rank = 1;
    let count = -1;
    let maxlen = 0;
    for (let j = 3; j < argv.length; j++) {
      const opt = argv[j]!;
      const more = argv.length - 1 - j;
      if (eqi(opt, 'rank') && more > 0) {
        const r = parseLong(argv[++j]!);
        if (isErrorReply(r)) return r;
        if (r === 0)
          return reply.error(
            "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list",
          );
        rank = r;
      } else if (eqi(opt, 'count') && more > 0) {
        const n = parsePositiveLong(argv[++j]!, "ERR COUNT can't be negative");
        if (isErrorReply(n)) return n;
        count = n;
      } else if (eqi(opt, 'maxlen') && more > 0) {
        const n = parsePositiveLong(argv[++j]!, "ERR MAXLEN can't be negative");
        if (isErrorReply(n)) return n;
        maxlen = n;
      } else {
        return reply.syntax();
      }
    }
    const fromTail = rank < 0;
    if (fromTail) rank = -rank;
    const l = readAs(c, argv[1]!, 'list');
    if (l === null) return count !== -1 ? reply.emptyArray() : reply.nil();
    if (isErrorReply(l)) return l;
    const ele = argv[2]!;
    const llen = l.length;
    const out: Reply[] = [];
    let matches = 0;
    for (let index = 0; index < llen && (maxlen === 0 || index < maxlen); index++) {
      const pos = fromTail ? llen - index - 1 : index;
      if (l.at(pos) !== ele) continue;
      matches++;
      if (matches < rank) continue;
      if (count === -1) return reply.int(pos);
      out.push(reply.int(pos));
      if (count !== 0 && matches - rank + 1 >= count) break;
    }
    return count === -1 ? reply.nil() : reply.array(out);
  },
});
