// System machines on the virtual clock: the kernel adapter every actor starts with, and the
// machines that drive many-node behaviour (see README.md).
export { KernelClock, startOnKernel, type XstateClock } from './kernel-clock';
export {
  nodeLifecycleMachine,
  DEFAULT_NODE_TIMINGS,
  type NodeTimings,
  type NodeLifecycleEvent,
  type NodeLifecycleInput,
  type NodeLifecycleState,
  type StopReason,
} from './node-lifecycle.machine';
export {
  resolverEntryMachine,
  type ResolverEntryEvent,
  type ResolverEntryContext,
  type ResolverEntryState,
} from './resolver-entry.machine';
export {
  failoverMachine,
  DEFAULT_FAILOVER_TIMINGS,
  type FailoverTimings,
  type FailoverEvent,
  type FailoverInput,
  type FailoverState,
} from './failover.machine';
