import type { CommandContext } from '../context';
import { setNoreplyMaybe } from '../context';
import { safeStrtol32, safeStrtoul32 } from '../numbers';
import { deleteItem, flushAll, touchItem } from '../operations';
import { KEY_MAX_LENGTH, MAX_VERBOSITY_LEVEL } from '../settings';
import type { Tokens } from '../tokenize';

/** process_delete_command: delete <key> [0] [noreply] (a hold time other than 0 is refused). */
export function processDelete(ctx: CommandContext, t: Tokens): void {
  const n = t.ntokens;
  if (n > 3) {
    const holdIsZero = t.list[2] === '0';
    const setsNoreply = setNoreplyMaybe(ctx, t);
    const valid =
      (n === 4 && (holdIsZero || setsNoreply)) || (n === 5 && holdIsZero && setsNoreply);
    if (!valid)
      return ctx.reply('CLIENT_ERROR bad command line format.  Usage: delete <key> [noreply]');
  }
  const key = t.list[1]!;
  if (key.length > KEY_MAX_LENGTH) return ctx.reply('CLIENT_ERROR bad command line format');
  const store = ctx.store;
  store.beginObservation();
  const it = deleteItem(store, key);
  ctx.reply(it ? 'DELETED' : 'NOT_FOUND');
  store.observe('delete', key, it ? 'deleted' : 'not_found', it ? it.clsid : 0, 0, 0);
}

/** process_touch_command: touch <key> <exptime> [noreply]. */
export function processTouch(ctx: CommandContext, t: Tokens): void {
  setNoreplyMaybe(ctx, t);
  const key = t.list[1]!;
  if (key.length > KEY_MAX_LENGTH) return ctx.reply('CLIENT_ERROR bad command line format');
  const exptime = safeStrtol32(t.list[2]!);
  if (exptime === null) return ctx.reply('CLIENT_ERROR invalid exptime argument');
  const store = ctx.store;
  store.beginObservation();
  const it = touchItem(store, key, exptime);
  store.counters.touchCmds++;
  if (it) store.slabs.classes[it.clsid]!.touchHits++;
  else store.counters.touchMisses++;
  ctx.reply(it ? 'TOUCHED' : 'NOT_FOUND');
  store.observe('touch', key, it ? 'touched' : 'not_found', it ? it.clsid : 0, 0, 0);
}

/** process_flush_all_command: flush_all [delay] [noreply]. */
export function processFlushAll(ctx: CommandContext, t: Tokens): void {
  setNoreplyMaybe(ctx, t);
  const store = ctx.store;
  store.counters.flushCmds++;
  if (!store.settings.flushEnabled) return ctx.reply('CLIENT_ERROR flush_all not allowed');
  let exptime = 0;
  if (t.ntokens !== (ctx.noreply ? 3 : 2)) {
    const e = safeStrtol32(t.list[1]!);
    if (e === null) return ctx.reply('CLIENT_ERROR invalid exptime argument');
    exptime = e;
  }
  flushAll(store, exptime);
  ctx.reply('OK');
  store.beginObservation();
  store.observe('flush_all', null, 'ok', 0, 0, 0);
}

/** process_verbosity_command: verbosity <level> [noreply]. */
export function processVerbosity(ctx: CommandContext, t: Tokens): void {
  setNoreplyMaybe(ctx, t);
  const level = safeStrtoul32(t.list[1]!);
  if (level === null) return ctx.reply('CLIENT_ERROR bad command line format');
  ctx.store.settings.verbose = level > MAX_VERBOSITY_LEVEL ? MAX_VERBOSITY_LEVEL : level;
  ctx.reply('OK');
}
