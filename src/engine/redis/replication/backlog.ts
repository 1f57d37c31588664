/**
 * The replication backlog as redis-server 7.0 keeps it (replication.c): the stream lives in a
 * list of blocks shared by the backlog and the replicas' output buffers. A block is allocated
 * for at least 16 KiB (PROTO_REPLY_CHUNK_BYTES) and at most max(repl-backlog-size / 16, 16 KiB)
 * and keeps jemalloc's whole size class, so its capacity is e.g. 20480 − 40 bytes of header.
 * Trimming drops whole blocks from the front, only when a new block was just added, and only
 * while the history left would still exceed repl-backlog-size and nobody but the backlog
 * references the first block — so `histlen` floats between the configured size and one block
 * more, exactly the window in which PSYNC can continue.
 */
import type { BinStr } from '../bytes';
import { jemallocSize } from '../keyspace/memory';

/** sizeof(replBufBlock): refcount (int, padded), id, repl_offset, size, used. */
const BLOCK_HEADER = 40;
/** PROTO_REPLY_CHUNK_BYTES */
const CHUNK = 16 * 1024;
/** REPL_BACKLOG_TRIM_BLOCKS_PER_CALL */
const TRIM_PER_CALL = 64;
/** CONFIG_REPL_BACKLOG_MIN_SIZE */
export const MIN_BACKLOG_SIZE = 16 * 1024;

export class ReplBlock {
  /** Replication offset of the block's first byte. */
  readonly start: number;
  /** Capacity (the allocation's usable size minus the header). */
  readonly size: number;
  used = 0;
  /** The backlog and each replica still to send from this block hold one reference. */
  refcount = 0;
  /**
   * The bytes: a byte array, not a string — a backlog of many small commands held as strings
   * keeps one object per command alive and costs the collector dearly.
   */
  readonly buf: Uint8Array;

  constructor(start: number, size: number) {
    this.start = start;
    this.size = size;
    this.buf = new Uint8Array(size);
  }

  /** Copies `n` bytes of `s` from `from` to the end of the block. */
  write(s: BinStr, from: number, n: number): void {
    const buf = this.buf;
    let at = this.used;
    for (let i = from, end = from + n; i < end; i++) buf[at++] = s.charCodeAt(i);
    this.used = at;
  }

  /** Bytes [from, to) of the block as a byte string. */
  text(from: number, to: number): BinStr {
    let out = '';
    for (let i = from; i < to; i += 8192) {
      out += String.fromCharCode(...this.buf.subarray(i, Math.min(to, i + 8192)));
    }
    return out;
  }
}

/** A replica's place in the shared buffer (client->ref_repl_buf_node): the block it sends next. */
export interface ReplCursor {
  block: ReplBlock | null;
}

export class ReplBacklog {
  /** The shared buffer: blocks in stream order (Redis's server.repl_buffer_blocks). */
  readonly blocks: ReplBlock[] = [];
  /** Bytes of history held (repl_backlog->histlen). */
  histlen = 0;
  /** Offset of the first byte held (repl_backlog->offset). */
  offset: number;

  /** `masterOffset` is master_repl_offset when the backlog is created; history starts after it. */
  constructor(masterOffset: number) {
    this.offset = masterOffset + 1;
  }

  /**
   * feedReplicationBuffer: appends `bytes` (`masterOffset` is the offset before them,
   * `backlogSize` repl-backlog-size). Cursors not yet placed start at the first new byte's
   * block, which they then hold; the backlog trims after each block it adds.
   */
  append(
    bytes: BinStr,
    masterOffset: number,
    backlogSize: number,
    cursors: readonly ReplCursor[],
  ): void {
    let pos = 0;
    let offset = masterOffset;
    while (pos < bytes.length) {
      let start = this.blocks[this.blocks.length - 1];
      let added = false;
      if (start !== undefined && start.used < start.size) {
        const n = Math.min(start.size - start.used, bytes.length - pos);
        start.write(bytes, pos, n);
        pos += n;
        offset += n;
        this.histlen += n;
      } else {
        start = undefined;
      }
      if (pos < bytes.length) {
        const left = bytes.length - pos;
        const limit = Math.max(Math.floor(backlogSize / 16), CHUNK);
        const want = Math.min(Math.max(left, CHUNK), limit);
        const block = new ReplBlock(offset + 1, jemallocSize(want + BLOCK_HEADER) - BLOCK_HEADER);
        const n = Math.min(block.size, left);
        block.write(bytes, pos, n);
        pos += n;
        offset += n;
        this.histlen += n;
        if (this.blocks.length === 0) block.refcount++; // the backlog holds its first block
        this.blocks.push(block);
        start ??= block;
        added = true;
      }
      for (const c of cursors) {
        if (c.block !== null) continue;
        c.block = start!;
        start!.refcount++;
      }
      if (added) this.trim(offset, backlogSize);
    }
  }

  /**
   * A replica sent everything (writeToClient): its cursor moves block by block to the tail,
   * each move releasing the block it left and trimming, as _writeToClient does.
   */
  advance(c: ReplCursor, masterOffset: number, backlogSize: number): void {
    let i = c.block === null ? -1 : this.blocks.indexOf(c.block);
    if (i < 0) return;
    while (i < this.blocks.length - 1) {
      this.blocks[i]!.refcount--;
      this.blocks[i + 1]!.refcount++;
      c.block = this.blocks[i + 1]!;
      this.trim(masterOffset, backlogSize);
      i = this.blocks.indexOf(c.block);
    }
  }

  /** freeReplicaReferencedReplBuffer: a replica went away. */
  release(c: ReplCursor, masterOffset: number, backlogSize: number): void {
    if (c.block !== null) {
      c.block.refcount--;
      c.block = null;
      this.trim(masterOffset, backlogSize);
    }
  }

  /** A replica continuing from `offset` references the block holding it (addReplyReplicationBacklog). */
  place(c: ReplCursor, offset: number): void {
    const b = this.blocks.find((x) => x.start + x.used >= offset) ?? null;
    c.block = b;
    if (b !== null) b.refcount++;
  }

  /**
   * incrementalTrimReplicationBacklog: drops first blocks while the history stays above
   * `backlogSize` without them, never the last block, never one a replica still needs.
   */
  trim(masterOffset: number, backlogSize: number, maxBlocks = TRIM_PER_CALL): void {
    let trimmed = 0;
    while (this.histlen > backlogSize && trimmed < maxBlocks) {
      if (this.blocks.length <= 1) break;
      const first = this.blocks[0]!;
      if (first.refcount !== 1) break;
      if (this.histlen - first.size <= backlogSize) break;
      first.refcount--;
      trimmed++;
      this.histlen -= first.size;
      this.blocks.shift();
      this.blocks[0]!.refcount++;
    }
    this.offset = masterOffset - this.histlen + 1;
  }

  /** PSYNC can continue from `offset` (the first byte the replica lacks) while it is held. */
  canContinueFrom(offset: number): boolean {
    return offset >= this.offset && offset <= this.offset + this.histlen;
  }

  /** The bytes from `offset` to the end (addReplyReplicationBacklog). */
  read(offset: number): BinStr {
    if (this.histlen === 0) return '';
    const parts: string[] = [];
    for (const b of this.blocks) {
      const end = b.start + b.used;
      if (end <= offset) continue;
      parts.push(b.text(offset > b.start ? offset - b.start : 0, b.used));
    }
    return parts.join('');
  }

  /** Memory of the shared buffer (repl_buffer_mem: blocks plus list nodes). */
  get memory(): number {
    let n = 0;
    for (const b of this.blocks) n += b.size + BLOCK_HEADER + 24;
    return n;
  }
}
