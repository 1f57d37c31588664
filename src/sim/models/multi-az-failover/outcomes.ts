import type { ReplicationGroup } from '../../cache/index';
import type { Micros } from '../../trace';
import type { RequestOutcome } from '../fleet/index';

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

  request(op: 'read' | 'write', outcome: RequestOutcome): void {
    if (outcome === 'error') this.failed++;
    if (op !== 'write' || outcome !== 'write') return;
    const now = this.now();
    this.writes++;
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
