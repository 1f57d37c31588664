/**
 * RDS for PostgreSQL instance classes the simulator offers. vCPU and memory are the classes'
 * published sizes; `cpuSpeed` and `burstBaselinePercent` are parameters of OUR latency model, not
 * AWS-published latencies.
 */
export interface InstanceClass {
  name: string;
  vcpus: number;
  memoryGiB: number;
  /** Relative per-vCPU speed (1 = reference); service times are divided by it. Model parameter. */
  cpuSpeed: number;
  /** Burstable (T) classes: the CPU baseline per vCPU, for display only (credits are not modelled). */
  burstBaselinePercent?: number;
}

export const INSTANCE_CLASSES = {
  'db.t3.micro': {
    name: 'db.t3.micro',
    vcpus: 2,
    memoryGiB: 1,
    cpuSpeed: 1,
    burstBaselinePercent: 10,
  },
  'db.t3.medium': {
    name: 'db.t3.medium',
    vcpus: 2,
    memoryGiB: 4,
    cpuSpeed: 1,
    burstBaselinePercent: 20,
  },
  'db.m6g.large': { name: 'db.m6g.large', vcpus: 2, memoryGiB: 8, cpuSpeed: 1.1 },
  'db.r6g.xlarge': { name: 'db.r6g.xlarge', vcpus: 4, memoryGiB: 32, cpuSpeed: 1.1 },
} as const satisfies Record<string, InstanceClass>;

export type InstanceClassName = keyof typeof INSTANCE_CLASSES;

/** Bytes per connection in the RDS for PostgreSQL default: max_connections = LEAST({DBInstanceClassMemory/9531392}, 5000). */
export const RDS_PG_BYTES_PER_CONNECTION = 9_531_392;
export const RDS_PG_MAX_CONNECTIONS_CAP = 5_000;

/**
 * The default max_connections of the RDS for PostgreSQL parameter group. We apply the formula to
 * the class's nominal memory; real instances report a little less because DBInstanceClassMemory
 * excludes memory RDS reserves (e.g. db.t2.medium, 4 GiB, reports 413 rather than 450).
 */
export function defaultMaxConnections(cls: InstanceClass): number {
  const bytes = cls.memoryGiB * 1024 ** 3;
  return Math.min(Math.floor(bytes / RDS_PG_BYTES_PER_CONNECTION), RDS_PG_MAX_CONNECTIONS_CAP);
}
