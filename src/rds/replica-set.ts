import { DbNode } from './db-node';
import type { ExecutionPath } from './db-node';
import type { QueryOptions, QueryOutcome } from './query-types';
import { RdsInstance } from './rds-instance';
import type { InstanceMetrics, InstanceOptions } from './rds-instance';
import { startDatabase } from './start';

/** A committed change on the primary, shipped to replicas (statement-based). */
interface ChangeRecord {
  commitAtUs: number;
  sql: string;
  /** undefined: console SQL, replayed as a simple query (may hold several statements). */
  params: unknown[] | undefined;
}

interface Replica {
  instance: RdsInstance;
  lagUs: number;
  /** Index in the change log of the next change this replica has not applied. */
  next: number;
}

/**
 * Read replicas with replication lag. A replica is its own PGlite, started from a snapshot of the
 * primary (RDS creates replicas from a snapshot too); afterwards the primary's committed changes
 * are replayed on it once the virtual clock passes commit time + lag, so a read from the replica
 * before then returns the old rows — real stale data. Replication is statement-based: statements
 * whose result depends on when or where they run (now(), random()) can diverge.
 */
export class ReplicaSet {
  private readonly replicas = new Map<string, Replica>();
  private log: ChangeRecord[] = [];

  constructor(private readonly primary: RdsInstance) {}

  get size(): number {
    return this.replicas.size;
  }

  instance(id: string): RdsInstance {
    const r = this.replicas.get(id);
    if (!r) throw new Error(`no replica named ${id}`);
    return r.instance;
  }

  instances(): RdsInstance[] {
    return [...this.replicas.values()].map((r) => r.instance);
  }

  forEach(fn: (i: RdsInstance) => void): void {
    for (const r of this.replicas.values()) fn(r.instance);
  }

  /** Call with the primary flushed: the snapshot must contain every committed change. */
  async add(
    options: Omit<InstanceOptions, 'id'> & { id: string; lagUs: number },
    path: ExecutionPath,
  ): Promise<void> {
    if (this.replicas.has(options.id) || options.id === 'primary')
      throw new Error(`instance ${options.id} already exists`);
    const dump = this.primary.node.db.dumpDataDir;
    if (!dump) throw new Error('the primary cannot be snapshotted (no dumpDataDir)');
    const snapshot = new Uint8Array(
      await (await dump.call(this.primary.node.db, 'none')).arrayBuffer(),
    );
    const meta = await this.primary.node.db.query<{ seed: string }>(
      'SELECT seed FROM rds_meta LIMIT 1',
    );
    const started = await startDatabase({
      seed: Number(meta.rows[0]?.seed ?? 0),
      loadDataDir: async () => snapshot,
    });
    const node = new DbNode(started.db, true);
    await node.setPath(path);
    const { lagUs, ...instanceOptions } = options;
    this.replicas.set(options.id, {
      instance: new RdsInstance(node, instanceOptions),
      lagUs,
      next: this.log.length,
    });
  }

  setLag(id: string, lagUs: number): void {
    const r = this.replicas.get(id);
    if (!r) throw new Error(`no replica named ${id}`);
    r.lagUs = lagUs;
  }

  ship(commitAtUs: number, sql: string, params: unknown[] | undefined): void {
    this.log.push({ commitAtUs, sql, params });
  }

  async query(
    id: string,
    sql: string,
    params: unknown[],
    options: QueryOptions,
  ): Promise<QueryOutcome> {
    const r = this.replicas.get(id);
    if (!r) throw new Error(`no replica named ${id}`);
    const node = r.instance.node;
    return node.exclusive(async () => {
      await this.catchUp(r, options.at);
      return r.instance.execute(sql, params, options.at, options.connection, 'app', () =>
        node.run(sql, params),
      );
    });
  }

  /** query() without awaiting, when every due change and the read itself are mirror work. */
  tryQuerySync(
    id: string,
    sql: string,
    params: unknown[],
    options: QueryOptions,
  ): QueryOutcome | undefined {
    const r = this.replicas.get(id);
    if (!r) throw new Error(`no replica named ${id}`);
    const node = r.instance.node;
    while (r.next < this.log.length) {
      const change = this.log[r.next]!;
      if (change.commitAtUs + r.lagUs > options.at) break;
      if (change.params === undefined) return undefined;
      const res = node.tryRunSync(change.sql, change.params, { writable: true });
      if (!res) return undefined;
      r.next++;
    }
    this.trim();
    return r.instance.executeSync(sql, params, options.at, options.connection, () =>
      node.tryRunSync(sql, params),
    );
  }

  /** Replays the changes committed at or before `atUs - lag`. */
  private async catchUp(r: Replica, atUs: number): Promise<void> {
    const node = r.instance.node;
    while (r.next < this.log.length) {
      const change = this.log[r.next]!;
      if (change.commitAtUs + r.lagUs > atUs) break;
      if (change.params === undefined) {
        await node.flush();
        await node.db.exec(change.sql);
        node.afterForeignWrite(change.sql);
      } else {
        const res = await node.run(change.sql, change.params, { writable: true });
        if (res.error)
          throw new Error(
            `replica ${r.instance.id} diverged replaying ${change.sql}: ${res.error.message}`,
          );
      }
      r.next++;
    }
    this.trim();
  }

  /** Drops changes every replica has applied. */
  private trim(): void {
    let min = this.log.length;
    for (const r of this.replicas.values()) min = Math.min(min, r.next);
    if (min < 1024) return;
    this.log = this.log.slice(min);
    for (const r of this.replicas.values()) r.next -= min;
  }

  async setPath(path: ExecutionPath): Promise<void> {
    for (const r of this.replicas.values())
      await r.instance.node.exclusive(() => r.instance.node.setPath(path));
  }

  snapshots(
    atUs: number,
    windowUs: number,
  ): (InstanceMetrics & { lagUs: number; pendingChanges: number })[] {
    return [...this.replicas.values()].map((r) => ({
      ...r.instance.snapshot(atUs, windowUs),
      lagUs: r.lagUs,
      pendingChanges: this.log.length - r.next,
    }));
  }

  async close(): Promise<void> {
    for (const r of this.replicas.values()) await r.instance.node.db.close();
    this.replicas.clear();
  }
}
