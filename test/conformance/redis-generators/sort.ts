// SORT / SORT_RO: numeric and ALPHA sorts of lists, intsets, hashtable sets and sorted sets,
// BY weight keys and hash fields (`*`, `->field`, constant patterns = no sort), GET (incl. `#`),
// LIMIT, ASC/DESC and STORE — with non-numeric scores, bad LIMITs, unknown options and wrong
// types mixed in. Orders Redis leaves unspecified (a hashtable set that is not sorted, ties
// between equal BY values of a hashtable set or sorted set) are compared as multisets or kinds.
import type { CommandGenerator, CompareMode, GenContext, GeneratedCommand } from './types';

const ELEMS = ['1', '2', '3', '10', '-5', '0', '2.5', '-0.5', '7', '100', '3.25', '42', '8', '-12'];
const WORDS = ['apple', 'Banana', 'cherry', 'date', 'elder', 'fig', 'grape', 'kiwi', 'a b', 'Zed'];
const BAD = ['abc', ' 7', '7 ', 'nan', '1,5', '0x1G'];
const SORT_KEYS = ['sort:l', 'sort:w', 'sort:i', 'sort:h', 'sort:z'];

/** Elements for each sort key: numbers (sometimes not), words, intset members, words, members. */
function elem(ctx: GenContext, key: string): string {
  if (key === 'sort:w' || key === 'sort:h') return ctx.pick(WORDS);
  if (key === 'sort:i') return ctx.pick(['1', '2', '3', '10', '-5', '0', '7', '100', '42', '8']);
  return ctx.chance(0.06) ? ctx.pick(BAD) : ctx.pick(ELEMS);
}

function fill(ctx: GenContext): string[] {
  const key = ctx.pick(SORT_KEYS);
  const n = 1 + ctx.int(4);
  const items = Array.from({ length: n }, () => elem(ctx, key));
  if (key === 'sort:l' || key === 'sort:w') return [ctx.pick(['RPUSH', 'LPUSH']), key, ...items];
  if (key === 'sort:z') return ['ZADD', key, ...items.flatMap((m) => [String(ctx.int(20) - 5), m])];
  return ['SADD', key, ...items];
}

/** Weight strings w_<elem> and hashes h_<elem> with fields f (numbers) and g (words). */
function weights(ctx: GenContext): string[] {
  const e = ctx.chance(0.5) ? ctx.pick(ELEMS) : ctx.pick(WORDS);
  if (ctx.chance(0.5)) return ['SET', `w_${e}`, ctx.chance(0.9) ? ctx.pick(ELEMS) : ctx.pick(BAD)];
  return [
    'HSET',
    `h_${e}`,
    'f',
    ctx.chance(0.9) ? ctx.pick(ELEMS) : ctx.pick(BAD),
    'g',
    ctx.pick(WORDS),
  ];
}

function sort(ctx: GenContext): GeneratedCommand {
  const readonly = ctx.chance(0.25);
  const key = ctx.chance(0.9) ? ctx.pick(SORT_KEYS) : ctx.key();
  const argv = [readonly ? 'SORT_RO' : 'SORT', key];
  const opts: string[][] = [];
  let by: 'none' | 'const' | 'pattern' = 'none';
  let alpha = false;
  let limit = false;
  let store = false;
  if (ctx.chance(0.45)) {
    const pattern = ctx.pick([
      'w_*',
      'h_*->f',
      'h_*->g',
      'nosort',
      'w_*->',
      'missing_*',
      'h_*->nofield',
    ]);
    by = pattern.includes('*') ? 'pattern' : 'const';
    opts.push(['BY', pattern]);
  }
  if (ctx.chance(0.35)) {
    alpha = true;
    opts.push([ctx.pick(['ALPHA', 'alpha'])]);
  }
  if (ctx.chance(0.35)) opts.push([ctx.pick(['ASC', 'DESC', 'desc'])]);
  if (ctx.chance(0.3)) {
    limit = true;
    const n = () => (ctx.chance(0.15) ? ctx.badInt() : String(ctx.int(8) - 2));
    opts.push(['LIMIT', n(), n()]);
  }
  for (let i = 0, g = ctx.chance(0.35) ? 1 + ctx.int(3) : 0; i < g; i++) {
    opts.push(['GET', ctx.pick(['#', 'w_*', 'h_*->g', 'h_*->f', 'nokey', 'missing_*'])]);
  }
  // Equal ALPHA BY values keep the input order, which is dict order for these two: such a
  // sort is compared by kind and never stored (LRANGE would show the order).
  const ties = (key === 'sort:h' || key === 'sort:z') && by === 'pattern' && alpha;
  if (!ties && ctx.chance(0.2)) {
    store = true;
    opts.push(['STORE', ctx.chance(0.8) ? 'sort:dst' : ctx.key()]);
  }
  if (ctx.chance(0.1)) opts.push([ctx.pick(['LIMIT', 'BY', 'GET', 'STORE', 'FOO', 'NOSORT'])]);
  for (const o of opts.sort(() => ctx.random() - 0.5)) argv.push(...o);
  let compare: CompareMode = ties ? 'kind' : 'exact';
  // A hashtable set left unsorted (constant BY, no STORE) comes out in dict order.
  if (key === 'sort:h' && by === 'const' && !store) compare = limit ? 'kind' : 'unordered';
  return { argv, compare };
}

const commands: Array<(ctx: GenContext) => GeneratedCommand | string[]> = [
  fill,
  fill,
  weights,
  weights,
  sort,
  sort,
  sort,
  sort,
  sort,
  () => ['LRANGE', 'sort:dst', '0', '-1'],
  (ctx) => ['OBJECT', 'ENCODING', ctx.pick(['sort:z', 'sort:dst'])],
  (ctx) => ['DEL', ctx.pick(SORT_KEYS)],
  (ctx) => ctx.pick([['SORT'], ['SORT_RO'], ['SORT_RO', 'sort:l', 'STORE', 'x']]),
];

export const generators: CommandGenerator[] = [
  {
    family: 'sort',
    weight: 2,
    next(ctx) {
      const r = ctx.pick(commands)(ctx);
      return Array.isArray(r) ? { argv: r } : r;
    },
  },
];
