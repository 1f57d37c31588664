import type { LessonDefinition } from '../framework';
import { buttons, controls } from './controls';
import { quiz } from './quiz';
import { steps } from './steps';

/** The “Multi-AZ failover” lesson (#/learn/multi-az-failover), on the worker's model of it. */
export const multiAzFailoverLesson: LessonDefinition = {
  scenario: 'multi-az-failover',
  title: 'Multi-AZ failover',
  intro:
    'A Valkey replication group (a Redis OSS-compatible engine, tested against redis-server) across three Availability Zones: one primary, two read replicas, Multi-AZ with automatic failover. Fail the primary, reboot it, cut its AZ off, turn Multi-AZ off, change how many replicas there are and where — and measure what each costs the app: seconds without writes, acknowledged writes lost, stale reads, time to recovery.',
  steps,
  quiz,
  controls,
  buttons,
  keyMetrics: [
    'SecondsWithoutWrites',
    'AckedWritesLost',
    'StaleReplicaReads',
    'RecoverySeconds',
    'FailedCacheRequests',
    'AcknowledgedWrites',
    'WriteLatencyMs',
    'ReplicaReads',
    'ReplicationLag',
    'Failovers',
    'FullSyncs',
    'NodesUp',
    'CurrItems',
  ],
};
