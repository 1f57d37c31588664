/**
 * Observations: one compact record per executed command, for the simulator's animation and
 * metrics. Built only when a listener is attached, so an unobserved engine pays one branch.
 */
import type { BinStr } from '../bytes';
import type { Reply } from '../reply';

export interface CommandObservation {
  /** Engine-clock ms when the command ran. */
  readonly at: number;
  readonly clientId: number;
  readonly db: number;
  /** Lower-case command name (`get`), or the name as sent when unknown. */
  readonly command: string;
  readonly keys: readonly BinStr[];
  /** Read lookups that found / did not find their key (keyspace_hits/misses deltas). */
  readonly hits: number;
  readonly misses: number;
  /** Keys deleted because their TTL had passed (lazily) while running this command. */
  readonly expired: number;
  /** Keys evicted for maxmemory before this command ran. */
  readonly evicted: number;
  /** Request size as RESP (what a client sends) and reply size as RESP2. */
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** Reply kind, and the error code (`WRONGTYPE`, `OOM`…) when it is an error. */
  readonly reply: Reply['kind'] | 'blocked';
  readonly error?: string;
  /** used_memory after the command. */
  readonly usedMemory: number;
}

export type ObservationListener = (o: CommandObservation) => void;

/** Bytes of `argv` as a RESP multibulk request. */
export function requestBytes(argv: readonly BinStr[]): number {
  let n = 1 + digits(argv.length) + 2;
  for (const a of argv) n += 1 + digits(a.length) + 2 + a.length + 2;
  return n;
}

/** Bytes of `r` encoded as RESP2 (RESP3 types as they downgrade). */
export function replyBytes(r: Reply): number {
  switch (r.kind) {
    case 'simple':
      return 1 + r.value.length + 2;
    case 'error':
      return 1 + r.message.length + 2;
    case 'int':
      return 1 + String(r.value).length + 2;
    case 'bulk':
      return 1 + digits(r.value.length) + 2 + r.value.length + 2;
    case 'null':
    case 'null-array':
      return 5;
    case 'array':
    case 'set':
    case 'push':
    case 'map': {
      let n = 1 + digits(r.items.length) + 2;
      for (const it of r.items) n += replyBytes(it);
      return n;
    }
    case 'double':
      return 1 + digits(r.text.length) + 2 + r.text.length + 2;
    case 'bool':
      return 4;
    case 'verbatim':
    case 'bignum':
      return 1 + digits(r.value.length) + 2 + r.value.length + 2;
  }
}

function digits(n: number): number {
  return n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : String(n).length;
}
