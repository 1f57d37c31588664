import { assign, setup } from 'xstate';

/**
 * How long lifecycle steps take, in milliseconds of virtual time (docs/node-lifecycle.md):
 * AWS says a failed node's replacement "takes a few minutes"; the other figures are the
 * simulator's own, since AWS publishes none.
 */
export interface NodeTimings {
  /** A new node being created until it is available. */
  createMs: number;
  /** A customer-initiated reboot: the engine restarts, empty. */
  rebootMs: number;
  /** A process or host failure until ElastiCache notices it. */
  detectMs: number;
  /** A failed node replaced by a new, empty one behind the same endpoint. */
  replaceMs: number;
}

export const DEFAULT_NODE_TIMINGS: NodeTimings = {
  createMs: 180_000,
  rebootMs: 60_000,
  detectMs: 5_000,
  replaceMs: 180_000,
};

export interface NodeLifecycleInput {
  /** An existing node starts available; a node being added starts in `creating`. */
  startAvailable: boolean;
  timings: NodeTimings;
}

/** Why the engine process stopped. */
export type StopReason = 'crash' | 'reboot' | 'replace' | 'az-outage';

export type NodeLifecycleEvent =
  | { type: 'crash' }
  | { type: 'reboot' }
  | { type: 'replace' }
  | { type: 'az.down' }
  | { type: 'az.up' };

/**
 * One cache node's lifecycle, as ElastiCache runs it. The node provides the three effects
 * (`stopProcess`, `startProcess`, `failureDetected`); this machine decides when they happen.
 *
 * - available → crash: the process is gone (connections reset, data lost). After the
 *   detection delay ElastiCache has noticed — `failureDetected`, the signal a failover
 *   controller acts on — and a replacement starts; it comes up empty behind the same endpoint.
 * - available → reboot (customer-initiated): the engine restarts and comes back empty, and
 *   nothing signals a failure: a reboot never triggers failover (docs/aws/failover.md).
 * - available → replace: a new empty node behind the same endpoint (a planned replacement).
 * - An AZ outage fails the node; its replacement waits until the AZ is back (docs/aws/failover.md).
 */
export const nodeLifecycleMachine = setup({
  types: {
    context: {} as NodeLifecycleInput & { azUp: boolean },
    input: {} as NodeLifecycleInput,
    events: {} as NodeLifecycleEvent,
  },
  actions: {
    // Effects are the node's (provided with .provide at the edge); these defaults do nothing.
    stopProcess: (_, _params: { reason: StopReason }) => {},
    startProcess: () => {},
    failureDetected: () => {},
    azDown: assign({ azUp: false }),
    azUp: assign({ azUp: true }),
  },
  guards: {
    startsAvailable: ({ context }) => context.startAvailable,
    azIsUp: ({ context }) => context.azUp,
  },
  delays: {
    create: ({ context }) => context.timings.createMs,
    reboot: ({ context }) => context.timings.rebootMs,
    detect: ({ context }) => context.timings.detectMs,
    replace: ({ context }) => context.timings.replaceMs,
  },
}).createMachine({
  id: 'node',
  initial: 'starting',
  context: ({ input }) => ({ ...input, azUp: true }),
  on: { 'az.up': { actions: 'azUp' } },
  states: {
    starting: {
      always: [{ guard: 'startsAvailable', target: 'available' }, { target: 'creating' }],
    },
    creating: {
      after: { create: { target: 'available', actions: 'startProcess' } },
      on: { 'az.down': { target: 'awaitingAz', actions: 'azDown' } },
    },
    available: {
      on: {
        crash: {
          target: 'failed',
          actions: { type: 'stopProcess', params: { reason: 'crash' } },
        },
        reboot: {
          target: 'rebooting',
          actions: { type: 'stopProcess', params: { reason: 'reboot' } },
        },
        replace: {
          target: 'replacing',
          actions: { type: 'stopProcess', params: { reason: 'replace' } },
        },
        'az.down': {
          target: 'failed',
          actions: ['azDown', { type: 'stopProcess', params: { reason: 'az-outage' } }],
        },
      },
    },
    rebooting: {
      after: { reboot: { target: 'available', actions: 'startProcess' } },
      on: { 'az.down': { target: 'failed', actions: 'azDown' } },
    },
    failed: {
      after: {
        detect: [
          { guard: 'azIsUp', target: 'replacing', actions: 'failureDetected' },
          { target: 'awaitingAz', actions: 'failureDetected' },
        ],
      },
      on: { 'az.down': { actions: 'azDown' } },
    },
    awaitingAz: {
      on: { 'az.up': { target: 'replacing', actions: 'azUp' } },
    },
    replacing: {
      after: { replace: { target: 'available', actions: 'startProcess' } },
      on: { 'az.down': { target: 'awaitingAz', actions: 'azDown' } },
    },
  },
});

export type NodeLifecycleState =
  'starting' | 'creating' | 'available' | 'rebooting' | 'failed' | 'awaitingAz' | 'replacing';
