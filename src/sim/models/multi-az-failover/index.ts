// The multi-AZ failover scenario's system (README.md): a replication group across three AZs,
// app instances behind DNS caches, the core's failover, the lesson's settings and measures.
import type { ModelEntry } from '../../model';
import { createMultiAzFailoverModel } from './multi-az-failover.model';

export { createMultiAzFailoverModel } from './multi-az-failover.model';
export { AZS, GROUP, WORKLOAD, REPLICATION_DELAY_US, DNS_TTL_S, WAIT_TIMEOUT_MS } from './config';

export const multiAzFailoverEntry: ModelEntry = () => (_seed, options) =>
  createMultiAzFailoverModel(options);
