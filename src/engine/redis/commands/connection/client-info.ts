import type { Client } from '../../client';

/** One CLIENT LIST line (a subset of redis-server's catClientInfoString fields, same format). */
export function clientInfoString(c: Client, now: number): string {
  const age = Math.floor((now - c.createdAt) / 1000);
  const idle = Math.floor(now / 1000) - Math.floor(c.lastInteraction / 1000);
  return (
    `id=${c.id} addr=${c.addr} laddr=? fd=-1 name=${c.name} age=${age} idle=${idle} flags=${flagsOf(c)} ` +
    `db=${c.db.id} sub=${c.channels.size} psub=${c.patterns.size} ssub=0 multi=${c.multi ? c.multi.queue.length : -1} ` +
    `user=${c.user.name} resp=${c.resp}`
  );
}

/** The flags field: P pub/sub, e no-evict, N none (the subset of catClientInfoString we model). */
function flagsOf(c: Client): string {
  const f = (c.subscriptionCount ? 'P' : '') + (c.noEvict ? 'e' : '');
  return f === '' ? 'N' : f;
}
