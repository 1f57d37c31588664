import type { Actor } from 'xstate';
import type { SimContext } from '../model';
import type { Micros } from '../trace';
import { startOnKernel } from '../machines/kernel-clock';
import { resolverEntryMachine, type ResolverEntryState } from '../machines/resolver-entry.machine';
import type { DnsZone } from './dns-zone';

/**
 * A lookup that misses the cache asks the VPC's resolver: a simulator figure for that round
 * trip (AWS publishes none; docs/endpoints.md).
 */
export const DNS_LOOKUP_US: Micros = 1_000;

interface Entry {
  actor: Actor<typeof resolverEntryMachine>;
  waiting: ((addresses: readonly string[] | null) => void)[];
}

/**
 * One app instance's DNS cache (as the OS or language runtime keeps one): one
 * resolver-entry machine per name, answers kept for the record's TTL. Connections never ask
 * again while open — only a new connection looks the name up.
 */
export class Resolver {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly ctx: SimContext,
    private readonly zone: DnsZone,
    /** The app instance (topology node id) whose cache this is. */
    readonly host: string,
    private readonly lookupUs: Micros = DNS_LOOKUP_US,
  ) {}

  /**
   * Calls `then` with the addresses for `name` (node ids, first to try first), or null when
   * the name does not exist: at once from a fresh cached answer, else after a lookup.
   */
  resolve(name: string, then: (addresses: readonly string[] | null) => void): void {
    const e = this.entry(name);
    const snap = e.actor.getSnapshot();
    if (snap.value === 'fresh') {
      const addresses = snap.context.addresses;
      const ttlS = snap.context.ttlMs / 1000;
      this.ctx.emit('dns.resolved', this.host, '', {
        name,
        addresses: [...addresses],
        ttlS,
        cached: true,
      });
      then(addresses);
      return;
    }
    e.waiting.push(then);
    if (snap.value === 'resolving') return;
    e.actor.send({ type: 'lookup' });
    this.ctx.kernel.after(this.lookupUs, () => this.answer(name, e));
  }

  /** The cache entry's state for `name` (what the statechart view shows). */
  state(name: string): ResolverEntryState {
    return (this.entries.get(name)?.actor.getSnapshot().value ?? 'empty') as ResolverEntryState;
  }

  /** Forgets every cached answer (e.g. the instance restarts). */
  flush(): void {
    for (const e of this.entries.values()) e.actor.stop();
    this.entries.clear();
  }

  private answer(name: string, e: Entry): void {
    const a = this.zone.query(name);
    if (a === null) e.actor.send({ type: 'nxdomain' });
    else e.actor.send({ type: 'answer', addresses: a.addresses, ttlMs: a.ttlS * 1000 });
    this.ctx.emit('dns.resolved', this.host, '', {
      name,
      addresses: a ? [...a.addresses] : [],
      ttlS: a?.ttlS ?? 0,
      cached: false,
    });
    const waiting = e.waiting;
    e.waiting = [];
    for (const w of waiting) w(a?.addresses ?? null);
  }

  private entry(name: string): Entry {
    let e = this.entries.get(name);
    if (!e) {
      e = { actor: startOnKernel(resolverEntryMachine, this.ctx.kernel), waiting: [] };
      this.entries.set(name, e);
    }
    return e;
  }
}
