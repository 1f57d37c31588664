import { assign, setup } from 'xstate';

/**
 * How long ElastiCache's steps take, in milliseconds of virtual time (docs/failover.md). AWS
 * says writes resume once the promotion is done, "typically just a few seconds" after the
 * failure: detection (the node lifecycle's 5 s) plus this promotion.
 */
export interface FailoverTimings {
  /** From failure detected to the promoted replica taking writes (simulator figure). */
  promoteMs: number;
}

export const DEFAULT_FAILOVER_TIMINGS: FailoverTimings = { promoteMs: 2_000 };

export interface FailoverInput {
  /** Multi-AZ with automatic failover: a replica is promoted; off: the primary is replaced. */
  multiAz: boolean;
  timings: FailoverTimings;
}

export type FailoverEvent =
  /** ElastiCache detected the shard's primary failed; `replicas` of its replicas still run. */
  | { type: 'primary.failed'; replicas: number }
  /** A replica failed (it is replaced in its AZ and resyncs: nothing to promote). */
  | { type: 'replica.failed' }
  /** The TestFailover API was called on this shard. */
  | { type: 'test' }
  /** Every node of the shard is available and replicating again. */
  | { type: 'recovered' }
  /** ModifyReplicationGroup turned Multi-AZ with automatic failover on or off. */
  | { type: 'multiAz.set'; on: boolean };

export interface FailoverContext extends FailoverInput {
  /** Failovers this shard went through (promotions). */
  failovers: number;
}

/**
 * One shard's failover controller, standing in for ElastiCache's (docs/aws/failover.md). It
 * decides; the shard's controller object (src/sim/cache/failover-controller.ts) supplies the
 * effects and the one query (`replicaAvailable`) through `.provide`.
 *
 * - healthy → primary failed, Multi-AZ on, a replica running: `promoting`; after the promotion
 *   delay the replica with the least replication lag becomes primary (`promote`: the primary
 *   endpoint is repointed, the failed node comes back as a replica in its AZ) → `recovering`
 *   until every node is available and replicating → healthy.
 * - primary failed, Multi-AZ off but replicas: `replacingPrimary` — a new node in the failed
 *   one's place copies a replica before it takes writes (no writes meanwhile).
 * - primary failed and no replica running (none, or the whole shard lost): `replacingEmpty` —
 *   the replacement starts empty behind the same endpoints, all data lost.
 * - TestFailover (`test`): only with Multi-AZ; the primary is failed on purpose and promoted
 *   away from at once.
 * - A customer reboot never reaches this machine: it is not a failure (node-lifecycle).
 */
export const failoverMachine = setup({
  types: {
    context: {} as FailoverContext,
    input: {} as FailoverInput,
    events: {} as FailoverEvent,
  },
  actions: {
    // Effects are the controller's (provided at the edge); these defaults do nothing.
    announceTest: () => {},
    failPrimary: () => {},
    promote: () => {},
    announceRecovering: () => {},
    announceRecovered: () => {},
    announceReplacement: () => {},
    counted: assign({ failovers: ({ context }) => context.failovers + 1 }),
    setMultiAz: assign({
      multiAz: ({ context, event }) => (event.type === 'multiAz.set' ? event.on : context.multiAz),
    }),
  },
  guards: {
    canPromote: ({ context, event }) =>
      context.multiAz && event.type === 'primary.failed' && event.replicas > 0,
    hasReplicas: ({ event }) => event.type === 'primary.failed' && event.replicas > 0,
    multiAz: ({ context }) => context.multiAz,
    // A query the controller provides: a replica of the shard still runs.
    replicaAvailable: () => false,
  },
  delays: {
    promote: ({ context }) => context.timings.promoteMs,
  },
}).createMachine({
  id: 'failover',
  initial: 'healthy',
  context: ({ input }) => ({ ...input, failovers: 0 }),
  on: {
    'multiAz.set': { actions: 'setMultiAz' },
    'primary.failed': [
      { guard: 'canPromote', target: '.promoting' },
      { guard: 'hasReplicas', target: '.replacingPrimary' },
      { target: '.replacingEmpty' },
    ],
  },
  states: {
    healthy: {
      on: {
        'replica.failed': 'recovering',
        test: {
          guard: 'multiAz',
          target: 'promoting',
          actions: ['announceTest', 'failPrimary'],
        },
      },
    },
    promoting: {
      // A second failure of the primary while promoting is the same failure.
      on: { 'primary.failed': {} },
      after: {
        promote: [
          { guard: 'replicaAvailable', target: 'recovering', actions: ['promote', 'counted'] },
          { target: 'replacingEmpty' },
        ],
      },
    },
    replacingPrimary: {
      entry: 'announceReplacement',
      on: { recovered: { target: 'healthy', actions: 'announceRecovered' } },
    },
    replacingEmpty: {
      entry: 'announceReplacement',
      on: { recovered: { target: 'healthy', actions: 'announceRecovered' } },
    },
    recovering: {
      entry: 'announceRecovering',
      on: { recovered: { target: 'healthy', actions: 'announceRecovered' } },
    },
  },
});

export type FailoverState =
  'healthy' | 'promoting' | 'replacingPrimary' | 'replacingEmpty' | 'recovering';
