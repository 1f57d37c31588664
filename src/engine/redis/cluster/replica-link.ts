/**
 * Replication between cluster nodes in process: the transport a cluster replica uses to reach
 * its master (replication.c's connectWithMaster + syncWithMaster, without sockets). The PSYNC,
 * its answer, the stream and the ACKs travel over the cluster bus's transport, so a simulator
 * that delays or drops bus messages delays or drops replication the same way, and a node taken
 * off the bus neither sends nor receives its stream. The engine's replication API does the rest
 * (see ../README.md, "Replication"). serve:redis replaces this with real TCP PSYNC.
 */
import type { MasterLinkTransport, ReplicaHandle } from '../replication';
import type { ClusterState } from './state';

export class BusReplicaLink implements MasterLinkTransport {
  private readonly s: ClusterState;
  private handle: ReplicaHandle | null = null;
  /** Generation of the current link: what an older link still carries is dropped on arrival. */
  private gen = 0;

  constructor(s: ClusterState) {
    this.s = s;
    s.engine.repl.role.onAck = (offset) => this.ack(offset);
  }

  connect(host: string, port: number): void {
    this.close();
    const gen = this.gen;
    const s = this.s;
    const role = s.engine.repl.role;
    const bus = s.bus;
    const master = bus.memberAt(host === 'localhost' ? '127.0.0.1' : host, port);
    const masterEngine = master === undefined ? undefined : s.peerEngine(master.ip, master.port);
    if (master === undefined || masterEngine === undefined || master.nodeId === s.nodeId) {
      role.syncFailed(); // nobody there: replicationCron tries again in a second
      return;
    }
    role.linkConnecting();
    const req = role.beginSync();
    const toReplica = (deliver: () => void): void => {
      bus.carry(master.nodeId, s.nodeId, () => {
        if (this.live(gen)) deliver();
      });
    };
    const sent = bus.carry(s.nodeId, master.nodeId, () => {
      if (!this.live(gen)) return;
      const handle = masterEngine.repl.attachReplica({
        addr: s.myself.ip,
        listeningPort: s.myself.port,
        send: (bytes) => toReplica(() => role.applyStream(bytes)),
        close: () =>
          toReplica(() => {
            this.handle = null;
            this.gen++;
            role.linkDown();
          }),
      });
      this.handle = handle;
      const answer = handle.psync(req.replid, req.offset);
      toReplica(() => {
        if (answer.kind === 'continue') {
          role.continueSync(answer.replid);
          if (answer.backlog.length !== 0) role.applyStream(answer.backlog);
        } else if (role.fullResync(answer.replid, answer.offset, answer.rdb) !== null) {
          this.close();
        }
      });
    });
    if (!sent) role.syncFailed();
  }

  /**
   * Whether what link `gen` carries still counts: not once a newer link replaced it, nor once
   * another transport took over the engine's replication (the simulator's wire link, serve:redis's
   * TCP) — the replaced link then lets go of its master.
   */
  private live(gen: number): boolean {
    if (gen !== this.gen) return false;
    if (this.s.engine.repl.transport === this) return true;
    this.close();
    return false;
  }

  close(): void {
    this.gen++;
    const h = this.handle;
    this.handle = null;
    h?.detach();
  }

  /** REPLCONF ACK, carried to the master like any other byte of the link. */
  private ack(offset: number): void {
    const h = this.handle;
    if (h === null) return;
    const gen = this.gen;
    const s = this.s;
    const role = s.engine.repl.role;
    const master = role.host === null ? undefined : s.bus.memberAt(role.host, role.port);
    if (master === undefined) return;
    s.bus.carry(s.nodeId, master.nodeId, () => {
      if (this.live(gen)) h.ack(offset);
    });
  }
}
