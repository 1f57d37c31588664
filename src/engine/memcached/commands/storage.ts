import type { CommandContext } from '../context';
import { setNoreplyMaybe } from '../context';
import { safeStrtol32, safeStrtoul32, safeStrtoull } from '../numbers';
import type { StoreMode } from '../operations';
import { allocForStore } from '../operations';
import { KEY_MAX_LENGTH } from '../settings';
import type { Tokens } from '../tokenize';

const INT_MAX = 2147483647;

/** process_update_command: set/add/replace/append/prepend/cas <key> <flags> <exptime> <bytes> [cas] [noreply]. */
export function processUpdate(ctx: CommandContext, t: Tokens, mode: StoreMode): void {
  setNoreplyMaybe(ctx, t);
  const key = t.list[1]!;
  if (key.length > KEY_MAX_LENGTH) return ctx.reply('CLIENT_ERROR bad command line format');
  const flags = safeStrtoul32(t.list[2] ?? '');
  const exptime = flags === null ? null : safeStrtol32(t.list[3] ?? '');
  const vlen = exptime === null ? null : safeStrtol32(t.list[4] ?? '');
  if (flags === null || exptime === null || vlen === null)
    return ctx.reply('CLIENT_ERROR bad command line format');
  let reqCas = 0n;
  if (mode === 'cas') {
    const c = safeStrtoull(t.list[5] ?? '');
    if (c === null) return ctx.reply('CLIENT_ERROR bad command line format');
    reqCas = c;
  }
  if (vlen < 0 || vlen > INT_MAX - 2) return ctx.reply('CLIENT_ERROR bad command line format');
  const store = ctx.store;
  store.beginObservation();
  const res = allocForStore(store, mode, key, flags, exptime, vlen);
  if (!res.ok) {
    ctx.reply(res.error);
    store.observe(
      mode,
      key,
      res.error.includes('too large') ? 'too_large' : 'out_of_memory',
      0,
      vlen,
      0,
    );
    ctx.swallow(vlen + 2);
    return;
  }
  // Large items get their body chunks while the value is read (read_into_chunked_item).
  let chunkFailed = false;
  if (res.item.ntotal > store.settings.slabChunkSizeMax)
    chunkFailed = !store.allocChunks(res.item, vlen + 2);
  ctx.startNread(res.item, mode, reqCas, vlen + 2, chunkFailed);
}
