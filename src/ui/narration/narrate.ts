import type { TraceEvent, TraceEventOf } from '../../worker';
import { formatDuration } from './format';

/** Resolves a node id to the label the topology shows ("cache-1" → "Cache node"). */
export type NodeNamer = (id: string) => string;

const identity: NodeNamer = (id) => id;

/** One line for the event log: what happened, in words. */
export function describeEvent(e: TraceEvent, name: NodeNamer = identity): string {
  switch (e.kind) {
    case 'msg.sent':
      return `${name(e.from)} → ${name(e.to)}: ${e.payload.label} (arrives in ${formatDuration(e.payload.arriveAt - e.t)})`;
    case 'request.started':
      return `Request ${e.payload.requestId} starts: ${e.payload.op} ${e.payload.key}`;
    case 'request.completed':
      return describeCompleted(e);
    case 'cache.hit':
      return `Cache hit on ${e.payload.key} (request ${e.payload.requestId})`;
    case 'cache.miss':
      return `Cache miss on ${e.payload.key} (request ${e.payload.requestId})`;
    case 'cache.set':
      return `Cache stores ${e.payload.key}, ${e.payload.bytes} B${e.payload.ttlMs !== undefined ? `, TTL ${e.payload.ttlMs} ms` : ''}`;
    case 'cache.del':
      return `Cache deletes ${e.payload.key}`;
    case 'cache.evicted':
      return `Cache evicts ${e.payload.key} to free memory`;
    case 'cache.expired':
      return `${e.payload.key} expires in the cache`;
    case 'db.query':
      return `Database runs ${e.payload.sql} (${e.payload.rows} row${e.payload.rows === 1 ? '' : 's'}, ${formatDuration(e.payload.durationUs)})`;
    case 'node.crashed':
      return `${name(e.from)} is down: ${e.payload.reason}`;
    case 'node.recovered':
      return `${name(e.from)} is back up`;
    case 'node.state':
      return `${name(e.from)} is ${STATE_WORDS[e.payload.state] ?? e.payload.state}`;
    case 'node.role':
      return `${name(e.from)} is now the ${e.payload.role}`;
    case 'dns.resolved':
      return `${name(e.from)} resolves ${e.payload.name} → ${e.payload.addresses.map(name).join(', ') || 'no address'}${e.payload.cached ? ' (from its DNS cache)' : ` (cached for ${e.payload.ttlS} s)`}`;
    case 'dns.updated':
      return `DNS: ${e.payload.name} now points to ${e.payload.addresses.map(name).join(', ') || 'no address'}`;
    case 'conn.opened':
      return `${name(e.from)} connects to ${name(e.to)} via ${e.payload.endpoint}`;
    case 'conn.refused':
      return `${name(e.from)} cannot connect to ${name(e.to)}: ${e.payload.reason}`;
    case 'conn.closed':
      return `Connection ${e.payload.conn} ${e.payload.by === 'node' ? 'reset by the node' : 'closed by the client'}: ${e.payload.reason}`;
    case 'client.retry':
      return `${name(e.from)} retries ${e.payload.endpoint} in ${formatDuration(e.payload.delayUs)} (attempt ${e.payload.attempt})`;
    case 'client.routed':
      return `${name(e.from)} sends ${e.payload.key} to ${name(e.to)} (${ROUTE_WORDS[e.payload.via]})`;
    case 'client.redirected':
      return `${e.payload.kind.toUpperCase()} ${e.payload.slot}: ${name(e.from)} is sent on to ${name(e.payload.node)} for ${e.payload.key}`;
    case 'slot.moved':
      return `Slot ${e.payload.slot} moves from ${name(e.from)} to ${name(e.to)} (${e.payload.keys} key${e.payload.keys === 1 ? '' : 's'})`;
    case 'repl.sync':
      return `${name(e.to)} ${e.payload.kind === 'full' ? 'full' : 'partial'}-syncs from ${name(e.from)} (${e.payload.bytes} bytes in ${formatDuration(e.payload.durationUs)})`;
    case 'repl.down':
      return `Replication ${name(e.from)} → ${name(e.to)} broke: ${e.payload.reason}`;
    case 'repl.lost':
      return `${name(e.to)} takes over without ${e.payload.writes} write${e.payload.writes === 1 ? '' : 's'} ${name(e.from)} had acknowledged (stream offset ${e.payload.offset} of ${e.payload.primaryOffset}): asynchronous replication had not delivered them`;
    case 'cache.event':
      return `${e.payload.cache}: ${e.payload.text}`;
    case 'discovery.updated':
      return `${name(e.from)} learns ${e.payload.nodes.length} node${e.payload.nodes.length === 1 ? '' : 's'} from ${e.payload.endpoint} (config version ${e.payload.version})`;
    case 'action.applied':
      return `You: ${e.payload.action}${e.payload.detail ? ` — ${e.payload.detail}` : ''}`;
    case 'scenario.note':
      return e.payload.text;
  }
}

const STATE_WORDS: Record<string, string> = {
  available: 'available',
  creating: 'being created',
  rebooting: 'rebooting',
  failed: 'failed',
  awaitingAz: 'waiting for its Availability Zone',
  replacing: 'being replaced',
};

const ROUTE_WORDS = {
  ketama: 'its ketama ring',
  'slot-map': 'its slot map',
  endpoint: 'the endpoint',
} as const;

/** "Request 12: cache miss on product:42, read from database, 3.1 ms". */
export function describeCompleted(e: TraceEventOf<'request.completed'>): string {
  const p = e.payload;
  const what = p.says
    ? `${p.key}, ${p.says}`
    : p.outcome === 'hit'
      ? `cache hit on ${p.key}`
      : p.outcome === 'miss'
        ? `cache miss on ${p.key}, read from database`
        : p.outcome === 'write'
          ? `wrote ${p.key}`
          : `failed on ${p.key}`;
  return `Request ${p.requestId}: ${what}${p.stale ? ' (stale value)' : ''}, ${formatDuration(p.latencyUs)}`;
}

/**
 * What the live region says about a window of events: every crash/recovery/user action, and the
 * completed requests summarised, so a screen reader is not flooded while the simulation plays.
 */
export function summarise(
  events: readonly TraceEvent[],
  name: NodeNamer = identity,
): string | null {
  const important: string[] = [];
  const completed: TraceEventOf<'request.completed'>[] = [];
  for (const e of events) {
    if (e.kind === 'request.completed') completed.push(e);
    else if (
      e.kind === 'node.crashed' ||
      e.kind === 'node.recovered' ||
      e.kind === 'node.role' ||
      e.kind === 'dns.updated' ||
      e.kind === 'cache.event' ||
      e.kind === 'action.applied' ||
      e.kind === 'scenario.note'
    ) {
      important.push(describeEvent(e, name));
    }
  }
  const parts = important.slice(-3);
  const last = completed[completed.length - 1];
  const lastHop = [...events].reverse().find((e) => e.kind === 'msg.sent');
  if (last && completed.length === 1) parts.push(`${describeCompleted(last)}.`);
  else if (last && completed.some((c) => c.payload.says)) {
    // The scenario words its own outcomes: count them in its words, most frequent first.
    const counts = new Map<string, number>();
    for (const c of completed) {
      const says = c.payload.says ?? c.payload.outcome;
      counts.set(says, (counts.get(says) ?? 0) + 1);
    }
    const words = [...counts].sort((a, b) => b[1] - a[1]).map(([says, n]) => `${n} × ${says}`);
    parts.push(
      `${completed.length} requests completed: ${words.join(', ')}. Latest — ${describeCompleted(last)}.`,
    );
  } else if (last) {
    const hits = completed.filter((c) => c.payload.outcome === 'hit').length;
    const misses = completed.filter((c) => c.payload.outcome === 'miss').length;
    const writes = completed.filter((c) => c.payload.outcome === 'write').length;
    const errors = completed.filter((c) => c.payload.outcome === 'error').length;
    const counts = [
      hits && plural(hits, 'cache hit'),
      misses && plural(misses, 'miss', 'misses'),
      writes && plural(writes, 'write'),
      errors && plural(errors, 'error'),
    ].filter(Boolean);
    parts.push(
      `${completed.length} requests completed: ${counts.join(', ')}. Latest — ${describeCompleted(last)}.`,
    );
  }
  // No request finished in this window: say the latest hop, so every step is narrated.
  if (!last && lastHop) parts.push(`${describeEvent(lastHop, name)}.`);
  if (parts.length === 0) {
    const tail = events[events.length - 1];
    return tail ? `${describeEvent(tail, name)}.` : null;
  }
  return parts.join(' ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
