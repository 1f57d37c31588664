import type { Item } from './item';
import type { StoreMode } from './operations';
import type { ItemStore } from './store';
import type { ReplyWriter } from './writer';
import type { Tokens } from './tokenize';

/** What `ms` keeps for its reply until the value has arrived (_finalize_mset). */
export interface MsetReply {
  /** The O, k and c tokens of the request, in order. */
  returnTokens: string[];
  /** `I` with a CAS: an older CAS may store the value, marked stale. */
  setStale: boolean;
}

/** What a command handler may do to its connection (the conn_* state changes of memcached.c). */
export interface CommandContext {
  readonly store: ItemStore;
  readonly out: ReplyWriter;
  /** Set by set_noreply_maybe; out_string then writes nothing. */
  noreply: boolean;
  /** out_string: one line, suppressed under noreply. */
  reply(line: string): void;
  /** conn_nread: read vlen + 2 bytes into `item`, then complete the storage command. */
  startNread(
    item: Item,
    mode: StoreMode,
    reqCas: bigint,
    nbytes: number,
    chunkFailed: boolean,
    meta?: MsetReply | null,
  ): void;
  /** conn_swallow: discard the next `n` bytes. */
  swallow(n: number): void;
  /** conn_closing without a reply. */
  close(): void;
}

export type CommandHandler = (ctx: CommandContext, t: Tokens) => void;

/** set_noreply_maybe: the last real token is "noreply". */
export function setNoreplyMaybe(ctx: CommandContext, t: Tokens): boolean {
  const last = t.list[t.ntokens - 2];
  if (last === 'noreply') ctx.noreply = true;
  return ctx.noreply;
}
