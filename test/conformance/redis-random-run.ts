// Runs one random-reply command on both sides the way the comparator needs it: the key's
// contents are read on each side first (the same read on both, so hit/miss counters stay
// equal), each reply is checked against its own side's contents, and after SPOP both sides are
// brought to the members redis-server kept so later commands see the same set.
import type { Client, Reply } from '../../src/engine/redis/index';
import type { RawRedisConnection } from './redis-real-server';
import {
  checkRandom,
  contentsCommand,
  contentsOf,
  randomElements,
  randomSpec,
  same,
} from './redis-compare';

export interface RandomRun {
  readonly want: Reply;
  readonly got: Reply;
  /** Empty when both replies are valid draws from the same contents. */
  readonly problems: string[];
}

const sorted = (m: ReadonlyMap<string, string> | undefined): string =>
  JSON.stringify(m === undefined ? null : [...m].sort());

/** Undefined when `argv` is not a well-formed random-reply command (compare it exactly then). */
export async function runRandom(
  conn: RawRedisConnection,
  client: Client,
  argv: string[],
): Promise<RandomRun | undefined> {
  const spec = randomSpec(argv);
  if (spec === undefined) return undefined;
  const read = contentsCommand(spec);
  const realContents = contentsOf(spec, await conn.send(read));
  const ourContents = contentsOf(spec, client.exec(read) ?? { kind: 'null-array' });
  const want = await conn.send(argv);
  const got = client.exec(argv) ?? { kind: 'null-array' };
  if (realContents === undefined || ourContents === undefined || want.kind === 'error')
    return { want, got, problems: same(got, want, 'exact') ? [] : ['replies differ'] };
  const problems: string[] = [];
  if (sorted(realContents) !== sorted(ourContents))
    problems.push('the key differs before the draw');
  if (got.kind !== want.kind) problems.push(`kind ${got.kind}, redis ${want.kind}`);
  const ours = checkRandom(spec, got, ourContents);
  if (ours !== undefined) problems.push(`engine: ${ours}`);
  const theirs = checkRandom(spec, want, realContents);
  if (theirs !== undefined) problems.push(`redis-server (the checker is wrong): ${theirs}`);
  if (spec.pop && problems.length === 0) {
    const real = randomElements(spec, want);
    const mine = randomElements(spec, got);
    if (JSON.stringify([...real].sort()) !== JSON.stringify([...mine].sort())) {
      // The same steps on both sides, so their hash tables see the same history: each puts
      // back what it popped (the set is whole again, and never empty, so its TTL stays), then
      // both remove what redis-server popped.
      await conn.send(['SADD', spec.key!, ...real]);
      client.exec(['SADD', spec.key!, ...mine]);
      await conn.send(['SREM', spec.key!, ...real]);
      client.exec(['SREM', spec.key!, ...real]);
    }
  }
  return { want, got, problems };
}
