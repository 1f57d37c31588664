/**
 * Replication (redis-server 7.0): propagation, backlog, replication IDs and offsets, the
 * primary's side of its replicas and the replica's side of its primary. One per engine, as
 * `engine.repl`; see ../README.md ("Replication") for how the simulator and the TCP server use it.
 */
export { Replication } from './replication';
export type { AttachOptions, PsyncAnswer, ReplicaHandle } from './replication';
export type { MasterLinkTransport, PsyncRequest } from './replica-role';
export type { LinkState } from './replica';
export { nextStreamCommand } from './master-stream';
export { MIN_BACKLOG_SIZE } from './backlog';
