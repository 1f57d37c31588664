import type { ReplicationGroup } from '../../cache/index';
import type { Micros } from '../../trace';
import type { RequestOutcome } from '../fleet/index';

const LATENCY_WINDOW_US: Micros = 5_000_000;

/**
 * What a fault cost the app, measured from the requests themselves (docs/failover.md): the
 * longest stretch without an acknowledged write, failed requests, and how long until every
 * node of the group was back, available and replicating. A fault is what the student does
 * (crash, reboot, AZ outage, partition, TestFailover); each one starts the measures afresh.
 */
export class FaultOutcomes {
  private faultAt: Micros | null = null;
  private lastWriteAt: Micros = 0;
  /** Longest gap between acknowledged writes ending after the fault. */
  private longestGapUs: Micros = 0;
  private recoveredAfterUs: Micros | null = null;
  failed = 0;
  writes = 0;
  recoveries = 0;
  /** Acknowledged writes of the last LATENCY_WINDOW_US: when each finished and how long it took. */
  private recent: { at: Micros; latencyUs: Micros }[] = [];

  constructor(
    private readonly group: ReplicationGroup,
    private readonly now: () => Micros,
  ) {
    const check = () => this.check();
    group.onReplicationChange(check);
    for (const n of group.nodes) n.lifecycle.subscribe(check);
    for (const a of group.failover.actors) a.subscribe(check);
  }

  /** The student caused a fault now. */
  fault(): void {
    this.faultAt = this.now();
    this.longestGapUs = 0;
    this.recoveredAfterUs = null;
  }

  request(op: 'read' | 'write', outcome: RequestOutcome, latencyUs: Micros): void {
    if (outcome === 'error') this.failed++;
    if (op !== 'write' || outcome !== 'write') return;
    const now = this.now();
    this.writes++;
    this.recent.push({ at: now, latencyUs });
    if (this.recent.length > 4096) this.writeLatencyMs(); // drops the ones out of the window
    if (this.faultAt !== null)
      this.longestGapUs = Math.max(this.longestGapUs, now - this.lastWriteAt);
    this.lastWriteAt = now;
  }

  /** Seconds without writes: the longest stretch with no acknowledged write since the fault. */
  secondsWithoutWrites(): number {
    if (this.faultAt === null) return 0;
    const open = this.now() - Math.max(this.lastWriteAt, this.faultAt);
    return Math.max(this.longestGapUs, open) / 1e6;
  }

  /**
   * Write latency: the mean time from the app's SET to its acknowledgement (with WAIT: WAIT's
   * answer), over the writes acknowledged in the last 5 s of virtual time, in ms.
   */
  writeLatencyMs(): number {
    const from = this.now() - LATENCY_WINDOW_US;
    let i = 0;
    while (i < this.recent.length && this.recent[i]!.at < from) i++;
    this.recent.splice(0, i);
    if (this.recent.length === 0) return 0;
    let sum = 0;
    for (const r of this.recent) sum += r.latencyUs;
    return sum / this.recent.length / 1000;
  }

  /** Time to recovery: from the fault to every node back (so far, while it is not). */
  recoverySeconds(): number {
    if (this.faultAt === null) return 0;
    return (this.recoveredAfterUs ?? this.now() - this.faultAt) / 1e6;
  }

  private check(): void {
    if (this.faultAt === null || this.recoveredAfterUs !== null) return;
    const g = this.group;
    const healthy =
      g.failover.state(0) === 'healthy' &&
      g.shardHealthy(0) &&
      g.nodes.every((n) => n.state === 'available');
    if (!healthy) return;
    this.recoveredAfterUs = this.now() - this.faultAt;
    this.recoveries++;
  }
}
