import { finishMset } from './commands/meta-set';
import type { CommandContext, MsetReply } from './context';
import { processCommand } from './dispatch';
import type { Item } from './item';
import type { StoreMode } from './operations';
import { storeItem } from './operations';
import type { ItemStore } from './store';
import { tokenize } from './tokenize';
import { ReplyWriter, latin1String } from './writer';

/** memcached's read buffer (READ_BUFFER_SIZE): a command line must show its '\n' within it. */
const READ_BUFFER_SIZE = 16384;
/** Without a '\n' in this many bytes the line is junk and the connection is closed (unless get/gets). */
const MAX_PARTIAL_LINE = 2048;
/** Commands memcached handles per read event before it writes queued replies (-R, default 20). */
const REQS_PER_EVENT = 20;

type State =
  | { kind: 'cmd' }
  | {
      kind: 'nread';
      item: Item;
      mode: StoreMode;
      reqCas: bigint;
      data: Uint8Array;
      filled: number;
      meta: MsetReply | null;
    }
  | { kind: 'swallow'; remaining: number }
  | { kind: 'closed' };

/**
 * One client connection speaking the text protocol: bytes in, bytes out, in the order and
 * with the framing rules of memcached 1.6.18 (pipelining, partial reads, data blocks, swallow).
 */
export class MemcachedConnection implements CommandContext {
  readonly out = new ReplyWriter();
  noreply = false;
  private state: State = { kind: 'cmd' };
  private buf = new Uint8Array(4096);
  private start = 0;
  private end = 0;
  private reqsSinceWrite = 0;

  constructor(readonly store: ItemStore) {
    store.counters.totalConns++;
    store.counters.currConns++;
  }

  get closed(): boolean {
    return this.state.kind === 'closed';
  }

  /** Feeds bytes received from the client; returns the bytes to send back (may be empty). */
  feed(input: Uint8Array): Uint8Array {
    if (this.state.kind === 'closed') return EMPTY;
    this.store.counters.bytesRead += input.length;
    this.append(input);
    this.store.tick();
    this.reqsSinceWrite = 0;
    this.run();
    const out = this.out.take();
    this.store.counters.bytesWritten += out.length;
    return out;
  }

  /** The client went away (socket closed). */
  disconnect(): void {
    if (this.state.kind !== 'closed') this.close();
  }

  reply(line: string): void {
    if (this.noreply) return;
    this.out.line(line);
  }

  startNread(
    item: Item,
    mode: StoreMode,
    reqCas: bigint,
    nbytes: number,
    chunkFailed: boolean,
    meta: MsetReply | null = null,
  ): void {
    if (chunkFailed) {
      this.store.free(item);
      this.reply('SERVER_ERROR Out of memory during read');
      this.swallow(nbytes);
      return;
    }
    this.state = {
      kind: 'nread',
      item,
      mode,
      reqCas,
      data: new Uint8Array(nbytes),
      filled: 0,
      meta,
    };
  }

  swallow(n: number): void {
    this.state = { kind: 'swallow', remaining: n };
  }

  close(): void {
    if (this.state.kind === 'nread') this.store.free(this.state.item);
    this.state = { kind: 'closed' };
    this.store.counters.currConns--;
    this.start = this.end = 0;
  }

  private append(input: Uint8Array): void {
    if (this.start === this.end) this.start = this.end = 0;
    if (this.end + input.length > this.buf.length) {
      const live = this.end - this.start;
      if (live + input.length > this.buf.length) {
        const grown = new Uint8Array(Math.max(this.buf.length * 2, live + input.length));
        grown.set(this.buf.subarray(this.start, this.end));
        this.buf = grown;
      } else {
        this.buf.copyWithin(0, this.start, this.end);
      }
      this.start = 0;
      this.end = live;
    }
    this.buf.set(input, this.end);
    this.end += input.length;
  }

  private run(): void {
    for (;;) {
      const st = this.state;
      const avail = this.end - this.start;
      if (st.kind === 'closed') return;
      if (st.kind === 'nread') {
        if (avail === 0) return;
        const n = Math.min(avail, st.data.length - st.filled);
        st.data.set(this.buf.subarray(this.start, this.start + n), st.filled);
        st.filled += n;
        this.start += n;
        if (st.filled === st.data.length)
          this.completeNread(st.item, st.mode, st.reqCas, st.data, st.meta);
        continue;
      }
      if (st.kind === 'swallow') {
        if (st.remaining <= 0) {
          this.state = { kind: 'cmd' };
          continue;
        }
        if (avail === 0) return;
        const n = Math.min(avail, st.remaining);
        st.remaining -= n;
        this.start += n;
        continue;
      }
      if (avail === 0) return;
      if (!this.readLine()) return;
    }
  }

  /** try_read_command_ascii: one line, or false when more bytes are needed. */
  private readLine(): boolean {
    const buf = this.buf;
    const avail = this.end - this.start;
    let el = indexOfNewline(buf, this.start, Math.min(this.end, this.start + READ_BUFFER_SIZE));
    if (el < 0) {
      if (avail > MAX_PARTIAL_LINE) {
        let p = this.start;
        while (p < this.end && buf[p] === 0x20) p++;
        if (
          p - this.start > 100 ||
          !(startsWith(buf, p, this.end, 'get ') || startsWith(buf, p, this.end, 'gets '))
        ) {
          this.close();
          return false;
        }
        // Large multigets get a growing buffer in memcached; the line may be any length.
        el = indexOfNewline(buf, this.start, this.end);
        if (el < 0) return false;
      } else {
        return false;
      }
    }
    let lineEnd = el;
    if (el - this.start > 1 && buf[el - 1] === 0x0d) lineEnd--;
    // The command is a C string: a NUL byte ends it.
    let nul = this.start;
    while (nul < lineEnd && buf[nul] !== 0) nul++;
    const line = latin1String(buf, this.start, nul);
    this.start = el + 1;
    this.noreply = false;
    processCommand(this, tokenize(line));
    if (++this.reqsSinceWrite >= REQS_PER_EVENT) {
      this.reqsSinceWrite = 0;
      this.out.commit();
    }
    return true;
  }

  /** complete_nread_ascii. */
  private completeNread(
    item: Item,
    mode: StoreMode,
    reqCas: bigint,
    data: Uint8Array,
    meta: MsetReply | null,
  ): void {
    this.state = { kind: 'cmd' };
    const store = this.store;
    store.slabs.classes[item.clsid]!.setCmds++;
    const n = data.length;
    if (data[n - 2] !== 0x0d || data[n - 1] !== 0x0a) {
      store.free(item);
      // metaset mode always returns errors.
      if (meta !== null) this.noreply = false;
      this.reply('CLIENT_ERROR bad data chunk');
      store.observe(mode, item.key, 'error', item.clsid, n - 2, 0);
      return;
    }
    item.value = data.subarray(0, n - 2);
    if (meta !== null) return finishMset(this, item, mode, reqCas, meta);
    const result = storeItem(store, item, mode, reqCas);
    if (!item.linked) store.free(item);
    this.reply(result);
    store.observe(mode, item.key, result.toLowerCase() as 'stored', item.clsid, n - 2, 0);
  }
}

const EMPTY = new Uint8Array(0);

function indexOfNewline(buf: Uint8Array, from: number, to: number): number {
  const i = buf.indexOf(0x0a, from);
  return i < 0 || i >= to ? -1 : i;
}

function startsWith(buf: Uint8Array, at: number, end: number, s: string): boolean {
  if (end - at < s.length) return false;
  for (let i = 0; i < s.length; i++) if (buf[at + i] !== s.charCodeAt(i)) return false;
  return true;
}
