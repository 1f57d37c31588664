/**
 * Replies whose type depends on the connection's protocol, as networking.c's addReply*
 * helpers decide on c->resp: a RESP3 connection (HELLO 3) gets maps, sets, doubles, booleans,
 * verbatim strings and pushes; a RESP2 one gets exactly the RESP2 shapes it always got.
 */
import type { Client } from './client';
import { reply } from './reply';
import type { Reply } from './reply';
import { formatDouble } from './args';

/** addReplyMapLen: key, value, key, value… */
export function mapReply(c: Client, items: readonly Reply[]): Reply {
  return c.resp === 3 ? { kind: 'map', items } : reply.array(items);
}

/** addReplySetLen. */
export function setReply(c: Client, items: readonly Reply[]): Reply {
  return c.resp === 3 ? { kind: 'set', items } : reply.array(items);
}

/** addReplyDouble: `%.17g` (inf/-inf) as a double, or a bulk in RESP2. */
export function doubleReply(c: Client, v: number): Reply {
  const text = formatDouble(v);
  return c.resp === 3 ? { kind: 'double', text } : reply.bulk(text);
}

/** A double already formatted (addReplyHumanLongDouble's text, a fast-path score). */
export function doubleTextReply(c: Client, text: string): Reply {
  return c.resp === 3 ? { kind: 'double', text } : reply.bulk(text);
}

/** addReplyVerbatim with the `txt` format (INFO, CLIENT LIST…). */
export function verbatimReply(c: Client, text: string): Reply {
  return c.resp === 3 ? { kind: 'verbatim', format: 'txt', value: text } : reply.bulk(text);
}

/** addReplyPushLen: pub/sub messages and subscription confirmations. */
export function pushReply(c: Client, items: readonly Reply[]): Reply {
  return c.resp === 3 ? { kind: 'push', items } : reply.array(items);
}

/** WITHSCORES / WITHVALUES pairs: flat in RESP2, one [member, score] array each in RESP3. */
export function pairsReply(c: Client, flat: readonly Reply[]): Reply {
  if (c.resp !== 3) return reply.array(flat);
  const out: Reply[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push(reply.array([flat[i]!, flat[i + 1]!]));
  return reply.array(out);
}
