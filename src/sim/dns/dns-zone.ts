import type { SimContext } from '../model';

/**
 * How long resolvers may cache an endpoint's answer. AWS does not publish the TTL of
 * ElastiCache endpoint records and tells clients to resolve often; this is a simulator figure,
 * a parameter of every zone (docs/endpoints.md).
 */
export const DEFAULT_ENDPOINT_TTL_S = 15;

export interface DnsAnswer {
  /** Node ids, in the order the answer lists them: a client tries the first one first. */
  addresses: readonly string[];
  ttlS: number;
}

interface DnsRecord {
  addresses: string[];
  /** Round robin: each query starts one further along (reader, configuration endpoints). */
  rotate: boolean;
  next: number;
}

/**
 * The authoritative records for the caches' endpoint names. A primary or node endpoint names
 * one node; a reader endpoint rotates over the replicas and a configuration endpoint over the
 * nodes, one step per query — so they spread *connections* (each lookup) and never requests.
 */
export class DnsZone {
  private records = new Map<string, DnsRecord>();

  constructor(
    private readonly ctx: SimContext,
    readonly ttlS = DEFAULT_ENDPOINT_TTL_S,
  ) {}

  /** Creates or changes a record; a change to an existing record is a trace event. */
  set(name: string, addresses: readonly string[], rotate = false): void {
    const old = this.records.get(name);
    if (old && old.rotate === rotate && sameList(old.addresses, addresses)) return;
    this.records.set(name, { addresses: [...addresses], rotate, next: old?.next ?? 0 });
    if (old) this.ctx.emit('dns.updated', '', '', { name, addresses: [...addresses] });
  }

  has(name: string): boolean {
    return this.records.has(name);
  }

  /** The record as it stands (for views and tests), without advancing a rotation. */
  peek(name: string): readonly string[] | undefined {
    return this.records.get(name)?.addresses;
  }

  /** What the resolver answers now; null for a name that does not exist (NXDOMAIN). */
  query(name: string): DnsAnswer | null {
    const r = this.records.get(name);
    if (!r) return null;
    if (!r.rotate || r.addresses.length < 2) return { addresses: r.addresses, ttlS: this.ttlS };
    const start = r.next % r.addresses.length;
    r.next = start + 1;
    return {
      addresses: [...r.addresses.slice(start), ...r.addresses.slice(0, start)],
      ttlS: this.ttlS,
    };
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
