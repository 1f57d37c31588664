import { processArithmetic } from './commands/arithmetic';
import { processDelete, processFlushAll, processTouch, processVerbosity } from './commands/misc';
import { processMarithmetic, processMdelete, processMe, processMget } from './commands/meta';
import { processMset } from './commands/meta-set';
import { processGet } from './commands/retrieval';
import { processStats } from './commands/stats';
import { processUpdate } from './commands/storage';
import type { CommandContext } from './context';
import { VERSION } from './settings';
import type { Tokens } from './tokenize';

/**
 * process_command_ascii: the dispatcher, with memcached's token-count checks (`ERROR` when a
 * command has the wrong number of tokens). Two-letter commands starting with m are the meta
 * protocol (commands/meta.ts, meta-set.ts).
 */
export function processCommand(ctx: CommandContext, t: Tokens): void {
  const n = t.ntokens;
  const cmd = t.list[0];
  if (n < 2 || cmd === undefined || cmd.length < 2) return ctx.reply('ERROR');
  const want = (ok: boolean): boolean => {
    if (!ok) ctx.reply('ERROR');
    return ok;
  };
  const first = cmd[0];
  if (first === 'm' && cmd.length === 2) {
    if (cmd === 'mg') return processMget(ctx, t);
    if (cmd === 'ms') return processMset(ctx, t);
    if (cmd === 'md') return processMdelete(ctx, t);
    if (cmd === 'mn') return ctx.reply('MN');
    if (cmd === 'ma') return processMarithmetic(ctx, t);
    if (cmd === 'me') return processMe(ctx, t);
    return ctx.reply('ERROR');
  }
  if (first === 'g') {
    if (!want(n >= 3)) return;
    if (cmd === 'get') return processGet(ctx, t, false, false);
    if (cmd === 'gets') return processGet(ctx, t, true, false);
    if (cmd === 'gat') return processGet(ctx, t, false, true);
    if (cmd === 'gats') return processGet(ctx, t, true, true);
    return ctx.reply('ERROR');
  }
  if (first === 's') {
    if (cmd === 'set') return want(n === 6 || n === 7) ? processUpdate(ctx, t, 'set') : undefined;
    if (cmd === 'stats') return processStats(ctx, t);
    if (cmd === 'shutdown') return ctx.reply('ERROR: shutdown not enabled');
    return ctx.reply('ERROR');
  }
  if (first === 'a') {
    if (cmd === 'add') return want(n === 6 || n === 7) ? processUpdate(ctx, t, 'add') : undefined;
    if (cmd === 'append')
      return want(n === 6 || n === 7) ? processUpdate(ctx, t, 'append') : undefined;
    return ctx.reply('ERROR');
  }
  if (first === 'c') {
    if (cmd === 'cas') return want(n === 7 || n === 8) ? processUpdate(ctx, t, 'cas') : undefined;
    return ctx.reply('ERROR');
  }
  if (first === 'i') {
    if (cmd === 'incr')
      return want(n === 4 || n === 5) ? processArithmetic(ctx, t, true) : undefined;
    return ctx.reply('ERROR');
  }
  if (first === 'd') {
    if (cmd === 'delete') return want(n >= 3 && n <= 5) ? processDelete(ctx, t) : undefined;
    if (cmd === 'decr')
      return want(n === 4 || n === 5) ? processArithmetic(ctx, t, false) : undefined;
    return ctx.reply('ERROR');
  }
  if (first === 't') {
    if (cmd === 'touch') return want(n === 4 || n === 5) ? processTouch(ctx, t) : undefined;
    return ctx.reply('ERROR');
  }
  if (cmd === 'replace')
    return want(n === 6 || n === 7) ? processUpdate(ctx, t, 'replace') : undefined;
  if (cmd === 'prepend')
    return want(n === 6 || n === 7) ? processUpdate(ctx, t, 'prepend') : undefined;
  if (cmd === 'bget') return want(n >= 3) ? processGet(ctx, t, false, false) : undefined;
  if (cmd === 'flush_all') return want(n >= 2 && n <= 4) ? processFlushAll(ctx, t) : undefined;
  if (cmd === 'version') return ctx.reply(`VERSION ${VERSION}`);
  if (cmd === 'quit') return ctx.close();
  if (cmd === 'verbosity') return want(n === 3 || n === 4) ? processVerbosity(ctx, t) : undefined;
  // An HTTP request line: memcached hangs up instead of answering.
  if ((t.list[n - 2] ?? '').startsWith('HTTP/')) return ctx.close();
  ctx.reply('ERROR');
}
