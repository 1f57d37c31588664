import { defineCommand } from '../../command';
import type { Argv } from '../../command';
import type { BinStr } from '../../bytes';
import { eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import type { Client } from '../../client';
import { RedisList, compareBinary } from '../../structures';
import { reply } from '../../reply';
import { NC } from '../../server/notify';
import type { Reply } from '../../reply';
import { listpackInt, lookupByPattern } from './sort-lookup';
import { pqsort } from './pqsort';
import { sortScore } from './strtod';

interface SortOptions {
  desc: boolean;
  alpha: boolean;
  limitStart: number;
  limitCount: number;
  by: BinStr | undefined;
  gets: BinStr[];
  store: BinStr | undefined;
  dontSort: boolean;
}

interface Item {
  readonly obj: BinStr;
  /** An integer object in Redis (a list's integer entries): its score needs no strtod. */
  readonly int: boolean;
  score: number;
  /** The BY value for ALPHA sorting (undefined: missing, sorts first). */
  cmp: BinStr | undefined;
}

/** Parses SORT's SQL-like options; SORT_RO knows no STORE. */
function parseOptions(argv: Argv, readonly: boolean, cluster: boolean): SortOptions | Reply {
  const o: SortOptions = {
    desc: false,
    alpha: false,
    limitStart: 0,
    limitCount: -1,
    by: undefined,
    gets: [],
    store: undefined,
    dontSort: false,
  };
  for (let j = 2; j < argv.length; j++) {
    const a = argv[j]!;
    const left = argv.length - j - 1;
    if (eqi(a, 'asc')) o.desc = false;
    else if (eqi(a, 'desc')) o.desc = true;
    else if (eqi(a, 'alpha')) o.alpha = true;
    else if (eqi(a, 'limit') && left >= 2) {
      const start = parseInt64(argv[j + 1]!);
      const count = parseInt64(argv[j + 2]!);
      if (start === null || count === null) return reply.notInteger();
      o.limitStart = start;
      o.limitCount = count;
      j += 2;
    } else if (!readonly && eqi(a, 'store') && left >= 1) {
      o.store = argv[++j]!;
    } else if (eqi(a, 'by') && left >= 1) {
      o.by = argv[++j]!;
      // A BY pattern without '*' (as a C string) means: do not sort at all — for good, even if
      // a later BY has a '*' (Redis never resets the flag).
      if (!cstrHasStar(o.by)) o.dontSort = true;
      else if (cluster) return reply.error('ERR BY option of SORT denied in Cluster mode.');
    } else if (eqi(a, 'get') && left >= 1) {
      if (cluster) return reply.error('ERR GET option of SORT denied in Cluster mode.');
      o.gets.push(argv[++j]!);
    } else return reply.syntax();
  }
  return o;
}

function cstrHasStar(s: BinStr): boolean {
  const star = s.indexOf('*');
  const nul = s.indexOf('\0');
  return star !== -1 && (nul === -1 || star < nul);
}

/** strcoll in the C / C.UTF-8 locale: byte order up to the first NUL. */
function collate(a: BinStr, b: BinStr): number {
  const na = a.indexOf('\0');
  const nb = b.indexOf('\0');
  return compareBinary(na === -1 ? a : a.slice(0, na), nb === -1 ? b : b.slice(0, nb));
}

function sortGeneric(c: Client, argv: Argv, readonly: boolean): Reply {
  const parsed = parseOptions(argv, readonly, c.engine.cluster !== null);
  if ('kind' in parsed) return parsed;
  const o = parsed;
  const db = c.db;
  const e = db.lookupRead(argv[1]!);
  if (e !== undefined && e.type !== 'list' && e.type !== 'set' && e.type !== 'zset')
    return reply.wrongType();
  let { alpha, dontSort, by } = o;
  // An unsorted set would store (or replicate) in an arbitrary order: Redis sorts it by value.
  if (dontSort && e?.type === 'set' && o.store !== undefined) {
    dontSort = false;
    alpha = true;
    by = undefined;
  }
  if (e?.type === 'zset') {
    e.value.toSkiplist();
    db.remeasure(e);
  }
  const size = e === undefined ? 0 : e.type === 'list' ? e.value.length : e.value.size();
  let start = Math.min(Math.max(o.limitStart, 0), size);
  const count = Math.min(Math.max(o.limitCount, -1), size);
  let end = count < 0 ? size - 1 : start + count - 1;
  if (start >= size) {
    start = size - 1;
    end = size - 2;
  }
  if (end >= size) end = size - 1;

  // Load the elements: lists and sorted sets that need no sorting load only the range.
  let elems: BinStr[];
  if (e === undefined) elems = [];
  else if (dontSort && e.type !== 'set') {
    const all = e.type === 'list' ? e.value.toArray() : e.value.entries().map((x) => x.member);
    if (o.desc) all.reverse();
    elems = end >= start ? all.slice(start, end + 1) : [];
    end -= start;
    start = 0;
  } else if (e.type === 'list') elems = e.value.toArray();
  else if (e.type === 'set') elems = e.value.members();
  else elems = [...e.value.dict.keys()];
  // Lists hand out integer entries as integer objects; sets and sorted sets give strings.
  const ints = e?.type === 'list';
  const items: Item[] = elems.map((obj) => ({
    obj,
    int: ints && listpackInt(obj),
    score: 0,
    cmp: undefined,
  }));

  let badScore = false;
  if (!dontSort) {
    for (const it of items) {
      const val =
        by !== undefined ? lookupByPattern(db, by, it.obj, it.int) : { value: it.obj, int: it.int };
      if (val === undefined) continue;
      if (alpha) {
        if (by !== undefined) it.cmp = val.value;
      } else if (val.int) {
        it.score = Number(val.value);
      } else {
        const s = sortScore(val.value);
        if (s === null) badScore = true;
        else it.score = s;
      }
    }
    const store = o.store !== undefined;
    const cmp = (a: Item, b: Item): number => {
      let r: number;
      if (!alpha) r = a.score > b.score ? 1 : a.score < b.score ? -1 : compareBinary(a.obj, b.obj);
      else if (by !== undefined) {
        if (a.cmp === undefined || b.cmp === undefined)
          r = a.cmp === b.cmp ? 0 : a.cmp === undefined ? -1 : 1;
        else r = store ? compareBinary(a.cmp, b.cmp) : collate(a.cmp, b.cmp);
      } else r = store ? compareBinary(a.obj, b.obj) : collate(a.obj, b.obj);
      return o.desc ? -r : r;
    };
    // qsort (glibc's is a stable merge sort), or the partial quicksort for BY with LIMIT.
    if (by !== undefined && (start !== 0 || end !== items.length - 1))
      pqsort(items, cmp, start, end);
    else items.sort(cmp);
  }
  if (badScore) return reply.error("ERR One or more scores can't be converted into double");

  const picked = end >= start ? items.slice(start, end + 1) : [];
  if (o.store === undefined) {
    const out: Reply[] = [];
    for (const it of picked) {
      if (o.gets.length === 0) out.push(reply.bulk(it.obj));
      for (const g of o.gets)
        out.push(reply.bulkOrNil(lookupByPattern(db, g, it.obj, it.int)?.value));
    }
    return reply.array(out);
  }
  const list = new RedisList(c.engine.config);
  for (const it of picked) {
    if (o.gets.length === 0) list.pushTail(it.obj);
    for (const g of o.gets) list.pushTail(lookupByPattern(db, g, it.obj, it.int)?.value ?? '');
  }
  if (list.length > 0) {
    // setKey: touches the old value (lookupKeyWrite), replaces any type, drops the TTL.
    db.lookupWrite(o.store);
    db.replace(o.store, 'list', list);
    db.notify(NC.LIST, 'sortstore', o.store);
  } else if (db.delete(o.store)) db.notify(NC.GENERIC, 'del', o.store);
  return reply.int(list.length);
}

const SORT_KEYS = { first: 1, last: 1, step: 1 };

/**
 * sortGetKeys: the sorted key, and the argument after the last STORE, found the way db.c
 * scans (LIMIT, GET and BY skip their arguments; STORE's own argument is scanned as an option).
 */
function sortGetKeys(argv: Argv): number[] {
  if (argv.length < 2) return [];
  let store = -1;
  const skip: Array<[string, number]> = [
    ['limit', 2],
    ['get', 1],
    ['by', 1],
  ];
  for (let i = 2; i < argv.length; i++) {
    for (const [name, n] of skip) {
      if (eqi(argv[i]!, name)) {
        i += n;
        break;
      } else if (eqi(argv[i]!, 'store') && i + 1 < argv.length) {
        store = i + 1;
        break;
      }
    }
  }
  return store === -1 ? [1] : [1, store];
}

export const sort = defineCommand({
  name: 'sort',
  arity: -2,
  flags: ['write', 'denyoom'],
  keys: SORT_KEYS,
  group: 'generic',
  syntax:
    'SORT key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA] [STORE destination]',
  summary:
    'Sorts a list, set or sorted set (numerically, or ALPHA), optionally by other keys, and returns or stores the result.',
  getKeys: sortGetKeys,
  run: (c, argv) => sortGeneric(c, argv, false),
});

export const sortRo = defineCommand({
  name: 'sort_ro',
  arity: -2,
  flags: ['readonly'],
  keys: SORT_KEYS,
  group: 'generic',
  syntax:
    'SORT_RO key [BY pattern] [LIMIT offset count] [GET pattern [GET pattern ...]] [ASC | DESC] [ALPHA]',
  summary: 'SORT without STORE, for read-only connections and replicas.',
  run: (c, argv) => sortGeneric(c, argv, true),
});
