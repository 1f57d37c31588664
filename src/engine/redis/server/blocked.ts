/**
 * Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN…) or only on time (WAIT), as blocked.c
 * keeps them: who waits on which key of which db, first blocked first served when a command
 * writes one of those keys, and the timeouts on the engine clock.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import type { Db } from '../keyspace/db';
import type { Reply } from '../reply';

/** Runs a blocked client's retry (the engine adds replication around it). */
export type ServeBlocked = (
  c: Client,
  retry: (c: Client) => Reply | undefined,
) => Reply | undefined;

export class BlockedClients {
  private readonly clients = new Set<Client>();
  private readonly ready: Array<{ db: Db; key: BinStr }> = [];

  get size(): number {
    return this.clients.size;
  }

  /** A key some client waits on was written (signalKeyAsReady). */
  keyReady(db: Db, key: BinStr): void {
    this.ready.push({ db, key });
  }

  get hasReady(): boolean {
    return this.ready.length !== 0;
  }

  all(): Client[] {
    return [...this.clients];
  }

  register(c: Client): void {
    const b = c.blocked!;
    for (const key of b.keys) {
      let list = b.db.blocking.get(key);
      if (list === undefined) b.db.blocking.set(key, (list = []));
      list.push(c);
    }
    this.clients.add(c);
  }

  unblock(c: Client): void {
    const b = c.blocked;
    if (b === null) return;
    for (const key of b.keys) {
      const list = b.db.blocking.get(key);
      if (list === undefined) continue;
      const i = list.indexOf(c);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) b.db.blocking.delete(key);
    }
    c.blocked = null;
    this.clients.delete(c);
  }

  /** Serves clients blocked on keys written by the last command, first blocked first served. */
  serveReady(serve: ServeBlocked): void {
    while (this.ready.length !== 0) {
      const { db, key } = this.ready.shift()!;
      const list = db.blocking.get(key);
      if (list === undefined) continue;
      for (const waiting of [...list] as Client[]) {
        const b = waiting.blocked;
        if (b === null) continue;
        const prevDb = waiting.db;
        waiting.db = b.db;
        const r = serve(waiting, (cl) => b.retry(cl, key));
        waiting.db = prevDb;
        if (r === undefined) continue;
        this.unblock(waiting);
        waiting.push(r);
        waiting.endCommand();
      }
    }
  }

  /** Answers every client whose deadline passed with its timeout reply. */
  timeout(now: number): void {
    if (this.clients.size === 0) return;
    for (const c of [...this.clients]) {
      const b = c.blocked!;
      if (now >= b.deadline) {
        this.unblock(c);
        c.push(typeof b.onTimeout === 'function' ? b.onTimeout() : b.onTimeout);
        c.endCommand();
      }
    }
  }
}
