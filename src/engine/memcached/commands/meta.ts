// The meta protocol's mg, md, ma and me (proto_text.c process_mget_command,
// process_mdelete_command, process_marithmetic_command, process_meta_command, memcached
// 1.6.18). ms is in meta-set.ts.
import { base64Decode, base64Encode } from '../base64';
import type { CommandContext } from '../context';
import type { Item } from '../item';
import { bumpItem } from '../lru';
import { addDelta, storeItem } from '../operations';
import { KEY_MAX_LENGTH } from '../settings';
import type { Tokens } from '../tokenize';
import { preparseMetaFlags } from './meta-flags';
import {
  MFLAG_MAX_OPAQUE_LENGTH,
  MFLAG_MAX_OPT_LENGTH,
  OPAQUE_TOO_LONG,
  metaError,
  metaKey,
  opaqueAndKey,
} from './meta-reply';

const BAD = 'CLIENT_ERROR bad command line format';

/** mg <key> <flags>*: HD / VA <size> / EN, with the requested item data as return flags. */
export function processMget(ctx: CommandContext, t: Tokens): void {
  if (t.ntokens < 3) return ctx.reply('ERROR');
  if (t.list[1]!.length > KEY_MAX_LENGTH) return metaError(ctx, BAD);
  if (t.ntokens > MFLAG_MAX_OPT_LENGTH)
    return metaError(ctx, 'CLIENT_ERROR options flags are too long');
  const store = ctx.store;
  const pre = preparseMetaFlags(store, t.list, 2);
  if (!pre.ok) return metaError(ctx, pre.error);
  const { flags: f, key } = pre;
  ctx.noreply = f.noReply;
  store.beginObservation();
  // Not locked: the fetch bumps (DO_UPDATE). Locked (T N R l h): the bump comes after the reply,
  // so `h` and `l` show the state before this fetch.
  let it = store.get(key, !f.locked && !f.noUpdate);
  let created = false;
  if (it === null && f.vivify) {
    it = store.alloc(key, 0, 0, 2);
    if (it !== null) {
      store.link(it);
      created = true;
    }
  }
  const tokens = t.list;
  if (it === null) {
    store.counters.getMisses++;
    store.counters.getCmds++;
    const tail = opaqueAndKey(tokens, 2, key, f.keyBinary);
    if (tail === null) return metaError(ctx, OPAQUE_TOO_LONG);
    if (!ctx.noreply) ctx.out.raw(`EN${tail}\r\n`);
    store.observe('mg', key, 'miss', 0, 0, 0);
    return;
  }
  const now = store.currentTime;
  let line = f.value ? `VA ${it.value.length}` : 'HD';
  let wonToken = false;
  let ttlSet = false;
  for (let i = 2; i < tokens.length; i++) {
    const tok = tokens[i]!;
    switch (tok[0]) {
      case 'T':
        ttlSet = true;
        it.exptime = f.exptime;
        break;
      case 'N':
        if (created) {
          it.exptime = f.autovivExptime;
          wonToken = true;
        }
        break;
      case 'R':
        if (!it.tokenSent && !created && it.exptime !== 0 && it.exptime < f.recacheTime)
          wonToken = true;
        break;
      case 's':
        line += ` s${it.value.length}`;
        break;
      case 't':
        line += it.exptime === 0 ? ' t-1' : ` t${(it.exptime - now) >>> 0}`;
        break;
      case 'c':
        line += ` c${it.cas}`;
        break;
      case 'f':
        line += ` f${it.flags}`;
        break;
      case 'l':
        line += ` l${(now - it.time) >>> 0}`;
        break;
      case 'h':
        line += it.fetched ? ' h1' : ' h0';
        break;
      case 'O':
        if (tok.length > MFLAG_MAX_OPAQUE_LENGTH) return metaError(ctx, OPAQUE_TOO_LONG);
        line += ` ${tok}`;
        break;
      case 'k':
        line += metaKey(it.key, it.keyBinary);
        break;
    }
  }
  // Z (a token was already sent) before W, so a reply never has both.
  if (it.tokenSent) line += ' Z';
  if (it.stale) {
    line += ' X';
    if (!it.tokenSent) wonToken = true;
  }
  if (wonToken) {
    line += ' W';
    it.tokenSent = true;
  }
  ctx.out.raw(`${line}\r\n`);
  if (f.value) {
    ctx.out.bytes(it.value);
    ctx.out.raw('\r\n');
  }
  if (f.locked && !f.noUpdate) bumpItem(store, it);
  const cls = store.slabs.classes[it.clsid]!;
  if (ttlSet) {
    store.counters.touchCmds++;
    cls.touchHits++;
  } else {
    cls.getHits++;
    cls.hitsTo[it.lru]!++;
    store.counters.getCmds++;
  }
  store.observe('mg', key, 'hit', it.clsid, 0, f.value ? it.value.length : 0);
}

/** md <key> <flags>*: HD / NF / EX; with I the item is marked stale instead of deleted. */
export function processMdelete(ctx: CommandContext, t: Tokens): void {
  if (t.ntokens < 3) return ctx.reply('ERROR');
  if (t.list[1]!.length > KEY_MAX_LENGTH) return ctx.reply(BAD);
  if (t.ntokens > MFLAG_MAX_OPT_LENGTH) return ctx.reply('CLIENT_ERROR options flags too long');
  const store = ctx.store;
  const pre = preparseMetaFlags(store, t.list, 2);
  if (!pre.ok) return metaError(ctx, 'CLIENT_ERROR invalid or duplicate flag');
  const { flags: f, key } = pre;
  ctx.noreply = f.noReply;
  const tail = opaqueAndKey(t.list, 2, key, f.keyBinary);
  if (tail === null) return metaError(ctx, OPAQUE_TOO_LONG);
  store.beginObservation();
  const it = store.get(key, false);
  let code: string;
  if (it === null) {
    store.counters.deleteMisses++;
    code = 'NF';
  } else if (f.hasCas && BigInt(it.cas) !== f.reqCas) {
    store.counters.deleteMisses++;
    code = 'EX';
  } else if (f.setStale) {
    if (f.newTtl) it.exptime = f.exptime;
    it.stale = true;
    it.tokenSent = false;
    it.cas = store.settings.useCas ? store.nextCas() : 0;
    code = 'HD';
  } else {
    store.slabs.classes[it.clsid]!.deleteHits++;
    store.unlink(it);
    code = 'HD';
  }
  if (!(code === 'HD' && ctx.noreply)) ctx.out.raw(`${code}${tail}\r\n`);
  store.observe(
    'md',
    key,
    code === 'HD' ? 'deleted' : code === 'NF' ? 'not_found' : 'exists',
    0,
    0,
    0,
  );
}

/** ma <key> <flags>*: incr/decr with HD / VA / NF / NS / EX, optional create (N, J). */
export function processMarithmetic(ctx: CommandContext, t: Tokens): void {
  if (t.ntokens < 3) return ctx.reply('ERROR');
  if (t.list[1]!.length > KEY_MAX_LENGTH) return ctx.reply(BAD);
  if (t.ntokens > MFLAG_MAX_OPT_LENGTH) return ctx.reply('CLIENT_ERROR options flags too long');
  const store = ctx.store;
  const pre = preparseMetaFlags(store, t.list, 2);
  if (!pre.ok) return metaError(ctx, 'CLIENT_ERROR invalid or duplicate flag');
  const { flags: f, key } = pre;
  ctx.noreply = f.noReply;
  let incr = true;
  if (f.mode === 'D' || f.mode === '-') incr = false;
  else if (f.mode !== '' && f.mode !== 'I' && f.mode !== '+')
    return metaError(ctx, 'CLIENT_ERROR invalid mode for ma M token');
  store.beginObservation();
  // A miss counts only when nothing is created (N).
  const r = addDelta(store, key, incr, f.delta, f.hasCas ? f.reqCas : 0n, false);
  let it: Item | null = null;
  let number = '';
  let created = false;
  let line = '';
  // Quiet mode hides the nominal reply of an existing counter, VA included.
  let skip = false;
  if (r.kind === 'ok') {
    it = r.ret;
    number = r.value.toString();
    skip = ctx.noreply;
  } else if (r.kind === 'non_numeric')
    return metaError(ctx, 'CLIENT_ERROR cannot increment or decrement non-numeric value');
  else if (r.kind === 'eom') return metaError(ctx, 'SERVER_ERROR out of memory');
  else if (r.kind === 'cas_mismatch') line = 'EX';
  else if (f.vivify) {
    number = f.initial.toString();
    const fresh = store.alloc(key, 0, 0, number.length + 2);
    if (fresh === null) return metaError(ctx, 'SERVER_ERROR Out of memory allocating new item');
    fresh.value = Uint8Array.from(number, (c) => c.charCodeAt(0));
    if (storeItem(store, fresh, 'add', 0n) === 'STORED') {
      it = fresh;
      created = true;
    } else {
      store.free(fresh);
      line = 'NS';
    }
  } else {
    if (incr) store.counters.incrMisses++;
    else store.counters.decrMisses++;
    line = 'NF';
  }
  const tokens = t.list;
  if (it !== null) {
    line = f.value ? `VA ${number.length}` : 'HD';
    for (let i = 2; i < tokens.length; i++) {
      const tok = tokens[i]!;
      switch (tok[0]) {
        case 'c':
          line += ` c${it.cas}`;
          break;
        case 't':
          line += it.exptime === 0 ? ' t-1' : ` t${(it.exptime - store.currentTime) >>> 0}`;
          break;
        case 'T':
          it.exptime = f.exptime;
          break;
        case 'N':
          if (created) it.exptime = f.autovivExptime;
          break;
        case 'O':
          if (tok.length > MFLAG_MAX_OPAQUE_LENGTH) return metaError(ctx, OPAQUE_TOO_LONG);
          line += ` ${tok}`;
          break;
        case 'k':
          line += metaKey(key, f.keyBinary);
          break;
      }
    }
    if (f.value) line += `\r\n${number}`;
  } else {
    const tail = opaqueAndKey(tokens, 2, key, f.keyBinary);
    if (tail === null) return metaError(ctx, OPAQUE_TOO_LONG);
    line += tail;
  }
  if (!skip) ctx.out.raw(`${line}\r\n`);
  const outcome = it !== null ? 'stored' : line.startsWith('EX') ? 'exists' : 'not_found';
  store.observe(incr ? 'incr' : 'decr', key, outcome, it ? it.clsid : 0, 0, 0);
}

/** me <key> [b]: the debug line memcached prints about an item, or EN. */
export function processMe(ctx: CommandContext, t: Tokens): void {
  if (t.ntokens < 3 || t.list[1]!.length > KEY_MAX_LENGTH) return ctx.reply(BAD);
  let key = t.list[1]!;
  if (t.ntokens >= 4 && t.list[2] === 'b') {
    const decoded = base64Decode(key);
    if (decoded === null) return ctx.reply(BAD);
    key = decoded;
  }
  const store = ctx.store;
  const it = store.get(key, false);
  store.counters.metaCmds++;
  if (it === null) return ctx.reply('EN');
  const now = store.currentTime;
  const shown = it.keyBinary ? base64Encode(it.key) : it.key;
  // exp is printed as a signed int of an unsigned difference (negative while it lives).
  const exp = it.exptime === 0 ? -1 : (now - it.exptime) | 0;
  const la = (now - it.time) >>> 0;
  const fetch = it.fetched ? 'yes' : 'no';
  ctx.out.raw(
    `ME ${shown} exp=${exp} la=${la} cas=${it.cas} fetch=${fetch} cls=${it.clsid} size=${it.ntotal}\r\n`,
  );
}
