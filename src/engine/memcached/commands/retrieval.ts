import type { CommandContext } from '../context';
import type { Item } from '../item';
import { safeStrtol32 } from '../numbers';
import { touchItem } from '../operations';
import { KEY_MAX_LENGTH } from '../settings';
import type { Tokens } from '../tokenize';
import { tokenize } from '../tokenize';

/**
 * process_get_command: get/gets <key>*, gat/gats <exptime> <key>*. A key over 250 bytes
 * answers CLIENT_ERROR instead of END and (conn_release_items) drops every reply still queued
 * on the connection — with pipelining, replies of earlier commands too. The engine treats the
 * end of each feed and every 20 commands (reqs_per_event) as the points where memcached writes.
 */
export function processGet(
  ctx: CommandContext,
  t: Tokens,
  returnCas: boolean,
  touch: boolean,
): void {
  const store = ctx.store;
  const command = touch ? (returnCas ? 'gats' : 'gat') : returnCas ? 'gets' : 'get';
  let exptime = 0;
  let tokens = t;
  let idx = 1;
  if (touch) {
    const e = safeStrtol32(t.list[1]!);
    if (e === null) return ctx.reply('CLIENT_ERROR invalid exptime argument');
    exptime = e;
    idx = 2;
  }
  const found: Item[] = [];
  for (;;) {
    for (; idx < tokens.list.length; idx++) {
      const key = tokens.list[idx]!;
      if (key.length > KEY_MAX_LENGTH) {
        // memcached culls every unsent reply on the connection here, not just this get's.
        ctx.out.cull();
        return ctx.reply('CLIENT_ERROR bad command line format');
      }
      store.beginObservation();
      const it = touch ? touchItem(store, key, exptime) : store.get(key, true);
      const cls = it === null ? null : store.slabs.classes[it.clsid]!;
      if (touch) {
        store.counters.touchCmds++;
        if (cls) cls.touchHits++;
        else store.counters.touchMisses++;
      } else {
        store.counters.getCmds++;
        if (cls) {
          cls.getHits++;
          cls.hitsTo[it!.lru]!++;
        } else store.counters.getMisses++;
      }
      if (it !== null) found.push(it);
      store.observe(
        command,
        key,
        it ? 'hit' : 'miss',
        it ? it.clsid : 0,
        0,
        it ? it.value.length : 0,
      );
    }
    if (tokens.rest === null) break;
    tokens = tokenize(tokens.rest);
    idx = 0;
  }
  const out = ctx.out;
  for (const it of found) {
    out.raw('VALUE ');
    out.raw(it.key);
    out.raw(
      returnCas
        ? ` ${it.flags} ${it.value.length} ${it.cas}\r\n`
        : ` ${it.flags} ${it.value.length}\r\n`,
    );
    out.bytes(it.value);
    out.raw('\r\n');
  }
  out.raw('END\r\n');
}
