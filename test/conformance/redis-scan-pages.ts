// SCAN / HSCAN / SSCAN / ZSCAN run from cursor 0 until the cursor comes back to 0, on each side,
// compared by the union of the pages. Cursor values and the order and size of pages differ
// legitimately: redis-server walks its hash table's buckets in reverse-binary order and a
// bucket's position comes from SipHash keyed with a random seed chosen at every server start
// (dictSetHashFunctionSeed in server.c), so two real servers page differently too. What SCAN
// promises (the SCAN documentation's guarantees) is what is compared: every element present
// for the whole iteration is returned, nothing else is, and the iteration ends. A compact
// encoding (listpack, intset) answers in one page with cursor 0 on both sides.
import type { Client, Reply } from '../../src/engine/redis/index';
import type { RawRedisConnection } from './redis-real-server';
import { same } from './redis-compare';

export interface PagedRun {
  readonly want: Reply;
  readonly got: Reply;
  readonly problems: string[];
  /** Pages each side needed. */
  readonly pages: readonly [number, number];
}

const MAX_PAGES = 5000;

async function walk(
  send: (argv: string[]) => Promise<Reply>,
  argv: readonly string[],
  at: number,
  pairs: boolean,
): Promise<{ first: Reply; union: Set<string>; pages: number; error?: string }> {
  const union = new Set<string>();
  let cursor = '0';
  let first: Reply | undefined;
  for (let pages = 1; pages <= MAX_PAGES; pages++) {
    const page = [...argv];
    page[at] = cursor;
    const r = await send(page);
    first ??= r;
    if (r.kind !== 'array' || r.items.length !== 2) return { first, union, pages };
    const [c, items] = r.items as [Reply, Reply];
    if (c.kind !== 'bulk' || items.kind !== 'array')
      return { first, union, pages, error: 'malformed page' };
    const text = items.items.map((x) => (x.kind === 'bulk' ? x.value : `<${x.kind}>`));
    for (let i = 0; i < text.length; i += pairs ? 2 : 1)
      union.add(pairs ? `${text[i]}\u0000${text[i + 1]}` : text[i]!);
    cursor = c.value;
    if (cursor === '0') return { first, union, pages };
  }
  return { first: first!, union, pages: MAX_PAGES, error: 'the iteration did not end' };
}

export async function runPages(
  conn: RawRedisConnection,
  client: Client,
  argv: readonly string[],
): Promise<PagedRun> {
  const name = argv[0]!.toUpperCase();
  const at = name === 'SCAN' ? 1 : 2;
  const pairs = name === 'HSCAN' || name === 'ZSCAN';
  const real = await walk((a) => conn.send(a), argv, at, pairs);
  const ours = await walk(
    (a) => Promise.resolve(client.exec(a) ?? { kind: 'null-array' }),
    argv,
    at,
    pairs,
  );
  const out = { want: real.first, got: ours.first, pages: [real.pages, ours.pages] as const };
  if (real.first.kind === 'error' || ours.first.kind === 'error')
    return { ...out, problems: same(ours.first, real.first, 'exact') ? [] : ['replies differ'] };
  const problems: string[] = [];
  if (ours.error !== undefined) problems.push(`engine: ${ours.error}`);
  const enc = name === 'SCAN' ? undefined : client.exec(['OBJECT', 'ENCODING', argv[1]!]);
  const compact = enc?.kind === 'bulk' && (enc.value === 'listpack' || enc.value === 'intset');
  if (compact && !same(ours.first, real.first, 'scan'))
    problems.push('redis-server answered in one page (compact encoding); the engine did not');
  const missing = [...real.union].filter((x) => !ours.union.has(x));
  const extra = [...ours.union].filter((x) => !real.union.has(x));
  if (compact && real.pages !== 1) problems.push('redis-server paged a compact encoding');
  if (missing.length > 0) problems.push(`engine misses ${JSON.stringify(missing.slice(0, 3))}`);
  if (extra.length > 0) problems.push(`engine adds ${JSON.stringify(extra.slice(0, 3))}`);
  return { ...out, problems };
}
