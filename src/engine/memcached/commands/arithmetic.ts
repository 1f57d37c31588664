import type { CommandContext } from '../context';
import { setNoreplyMaybe } from '../context';
import { safeStrtoull } from '../numbers';
import { addDelta } from '../operations';
import { KEY_MAX_LENGTH } from '../settings';
import type { Tokens } from '../tokenize';

/** process_arithmetic_command: incr/decr <key> <delta> [noreply]. */
export function processArithmetic(ctx: CommandContext, t: Tokens, incr: boolean): void {
  setNoreplyMaybe(ctx, t);
  const key = t.list[1]!;
  if (key.length > KEY_MAX_LENGTH) return ctx.reply('CLIENT_ERROR bad command line format');
  const delta = safeStrtoull(t.list[2]!);
  if (delta === null) return ctx.reply('CLIENT_ERROR invalid numeric delta argument');
  const store = ctx.store;
  store.beginObservation();
  const r = addDelta(store, key, incr, delta);
  const command = incr ? 'incr' : 'decr';
  switch (r.kind) {
    case 'ok':
      ctx.reply(r.value.toString());
      return store.observe(command, key, 'stored', r.item.clsid, 0, 0);
    case 'non_numeric':
      ctx.reply('CLIENT_ERROR cannot increment or decrement non-numeric value');
      return store.observe(command, key, 'non_numeric', 0, 0, 0);
    case 'eom':
      ctx.reply('SERVER_ERROR out of memory');
      return store.observe(command, key, 'out_of_memory', 0, 0, 0);
    case 'not_found':
      ctx.reply('NOT_FOUND');
      return store.observe(command, key, 'not_found', 0, 0, 0);
  }
}
