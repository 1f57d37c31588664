// The meta protocol's ms (proto_text.c process_mset_command and _finalize_mset, memcached
// 1.6.18): ms <key> <datalen> <flags>*, then the data block; HD / NS / EX / NF.
import type { CommandContext, MsetReply } from '../context';
import type { Item } from '../item';
import { itemTotal } from '../item';
import type { StoreMode } from '../operations';
import { storeItem } from '../operations';
import { KEY_MAX_LENGTH } from '../settings';
import { safeStrtol32 } from '../numbers';
import type { Tokens } from '../tokenize';
import { preparseMetaFlags } from './meta-flags';
import {
  MFLAG_MAX_OPAQUE_LENGTH,
  MFLAG_MAX_OPT_LENGTH,
  OPAQUE_TOO_LONG,
  metaError,
  metaKey,
} from './meta-reply';

const BAD = 'CLIENT_ERROR bad command line format';
const INT_MAX = 2147483647;
const MODES: Record<string, StoreMode> = {
  E: 'add',
  A: 'append',
  P: 'prepend',
  R: 'replace',
  S: 'set',
};

export function processMset(ctx: CommandContext, t: Tokens): void {
  if (t.ntokens < 3) return ctx.reply('ERROR');
  const list = t.list;
  if (list[1]!.length > KEY_MAX_LENGTH || t.ntokens === 3) return metaError(ctx, BAD);
  if (t.ntokens > MFLAG_MAX_OPT_LENGTH)
    return metaError(ctx, 'CLIENT_ERROR options flags too long');
  const declared = safeStrtol32(list[2]!);
  // Before the length is known nothing can be swallowed: the data line is read as commands.
  if (declared === null || declared < 0 || declared > INT_MAX - 2) return metaError(ctx, BAD);
  const vlen = declared + 2;
  const store = ctx.store;
  const fail = (msg: string): void => {
    metaError(ctx, msg);
    ctx.swallow(vlen);
  };
  const pre = preparseMetaFlags(store, list, 3);
  if (!pre.ok) return fail(pre.error);
  const { flags: f, key } = pre;
  ctx.noreply = f.noReply;
  const returnTokens: string[] = [];
  let error: string | null = null;
  for (let i = 2; i < list.length; i++) {
    const tok = list[i]!;
    if (tok[0] === 'O') {
      if (tok.length > MFLAG_MAX_OPAQUE_LENGTH) error = OPAQUE_TOO_LONG;
      else returnTokens.push(tok);
    } else if (tok[0] === 'k' || tok[0] === 'c') returnTokens.push(tok[0]);
  }
  let mode: StoreMode = 'set';
  if (f.mode !== '') {
    const m = MODES[f.mode];
    if (m === undefined) return fail('CLIENT_ERROR invalid mode for ms M token');
    mode = m;
  }
  // A CAS turns set and replace into cas (replace + CAS works as CAS).
  if (f.hasCas && (mode === 'set' || mode === 'replace')) mode = 'cas';
  if (error !== null) return fail(error);
  store.beginObservation();
  const it = store.alloc(key, f.clientFlags, f.exptime, vlen);
  if (it === null) {
    const tooLarge =
      store.slabs.clsid(itemTotal(key.length, f.clientFlags, vlen, store.settings.useCas)) === 0;
    if (tooLarge) store.counters.storeTooLarge++;
    else store.counters.storeNoMemory++;
    // Stale data must not survive a failed store, whatever the mode.
    const old = store.get(key, false);
    if (old !== null) store.unlink(old);
    store.observe('ms', key, tooLarge ? 'too_large' : 'out_of_memory', 0, declared, 0);
    return fail(
      tooLarge
        ? 'SERVER_ERROR object too large for cache'
        : 'SERVER_ERROR out of memory storing object',
    );
  }
  it.keyBinary = f.keyBinary;
  let chunkFailed = false;
  if (it.ntotal > store.settings.slabChunkSizeMax) chunkFailed = !store.allocChunks(it, vlen);
  const meta: MsetReply = { returnTokens, setStale: f.setStale && mode === 'cas' };
  ctx.startNread(it, mode, f.hasCas ? f.reqCas : 0n, vlen, chunkFailed, meta);
}

const CODES = { STORED: 'HD', EXISTS: 'EX', NOT_FOUND: 'NF', NOT_STORED: 'NS' } as const;

/** complete_nread_ascii + _finalize_mset: store, then the code and the O / k / c tokens. */
export function finishMset(
  ctx: CommandContext,
  it: Item,
  mode: StoreMode,
  reqCas: bigint,
  meta: MsetReply,
): void {
  const store = ctx.store;
  const result = storeItem(store, it, mode, reqCas, meta.setStale);
  if (!it.linked) store.free(it);
  store.observe('ms', it.key, result.toLowerCase() as 'stored', it.clsid, it.value.length, 0);
  // Quiet mode hides only the nominal reply.
  if (result === 'STORED' && ctx.noreply) return;
  const cas = result === 'STORED' ? (store.map.get(it.key)?.cas ?? 0) : 0;
  let line: string = CODES[result];
  for (const tok of meta.returnTokens) {
    if (tok[0] === 'O') line += ` ${tok}`;
    else if (tok === 'k') line += metaKey(it.key, it.keyBinary);
    else line += ` c${cas}`;
  }
  ctx.out.raw(`${line}\r\n`);
}
