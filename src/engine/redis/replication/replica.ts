/**
 * The replica side (replication.c, networking.c for the master client): the link to our
 * primary, its state as ROLE and INFO report it, the master client that applies the stream
 * (obeyed, never answered), the offsets it advanced, and the cached master kept across a
 * disconnection so the next PSYNC can continue.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import { nextStreamCommand } from './master-stream';

/** repl_state as ROLE prints it ('handshake' covers the PING/REPLCONF/PSYNC exchange). */
export type LinkState = 'none' | 'connect' | 'connecting' | 'handshake' | 'sync' | 'connected';

/** What the replica remembers of a primary it lost (server.cached_master). */
export interface CachedMaster {
  readonly replid: string;
  /** Offset of the last byte applied. */
  readonly reploff: number;
  readonly readReploff: number;
  /** The db the stream had selected (-1: unknown, the primary SELECTs first). */
  readonly db: number;
}

/** The live link: the master client and where it is in the stream. */
export interface MasterLink {
  readonly client: Client;
  replid: string;
  /** Offset of the last byte applied (c->reploff). */
  reploff: number;
  /** Offset of the last byte received (c->read_reploff). */
  readReploff: number;
  /** Engine-clock ms of the last byte received (repl-timeout, master_last_io_seconds_ago). */
  lastInteraction: number;
  /** Received bytes not applied yet (an incomplete command, or a MULTI block in progress). */
  buf: BinStr;
  /** Parse position in buf (qb_pos). */
  pos: number;
}

export interface ApplyHost {
  /** Runs one command as the primary's connection (no reply is sent). */
  run(client: Client, argv: BinStr[]): void;
  /** Bytes applied: they extend our own offset and backlog (replicationFeedStreamFromMasterStream). */
  applied(bytes: BinStr): void;
  /** A command that is not RESP: Redis drops the link ("Protocol error from master"). */
  protocolError(): void;
}

/**
 * Applies stream bytes through `link` (readQueryFromClient + processInputBuffer +
 * commandProcessed): the offset moves after each command outside MULTI, so a transaction
 * counts when its EXEC is applied.
 */
export function applyStream(link: MasterLink, bytes: BinStr, nowMs: number, host: ApplyHost): void {
  link.readReploff += bytes.length;
  link.lastInteraction = nowMs;
  link.buf += bytes;
  let applied = 0;
  for (;;) {
    const cmd = nextStreamCommand(link.buf, link.pos);
    if (cmd === undefined) break;
    if (cmd === 'error') {
      host.protocolError();
      return;
    }
    link.pos = cmd.end;
    if (cmd.argv.length > 0) host.run(link.client, cmd.argv);
    if (link.client.multi === null) {
      const n = link.pos - applied;
      if (n > 0) {
        link.reploff += n;
        host.applied(link.buf.slice(applied, link.pos));
        applied = link.pos;
      }
    }
  }
  if (applied > 0) {
    link.buf = link.buf.slice(applied);
    link.pos -= applied;
  }
}
