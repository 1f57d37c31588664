import { defineCommand, NO_KEYS } from '../../command';
import type { Client } from '../../client';
import { reply } from '../../reply';

/** One CLIENT LIST line (a subset of redis-server's fields, same format). */
function describe(c: Client, now: number): string {
  const age = Math.floor((now - c.createdAt) / 1000);
  const idle = Math.floor(now / 1000) - Math.floor(c.lastInteraction / 1000);
  return (
    `id=${c.id} addr=${c.addr} laddr=? fd=-1 name=${c.name} age=${age} idle=${idle} flags=${c.subscriptionCount ? 'P' : 'N'} ` +
    `db=${c.db.id} sub=${c.channels.size} psub=${c.patterns.size} ssub=0 multi=${c.multi ? c.multi.queue.length : -1} ` +
    `user=default resp=2`
  );
}

const meta = { keys: NO_KEYS, group: 'connection' as const };

const id = defineCommand({
  ...meta,
  name: 'id',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT ID',
  summary: 'The unique id of this connection.',
  run: (c) => reply.int(c.id),
});

const getname = defineCommand({
  ...meta,
  name: 'getname',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT GETNAME',
  summary: 'The name set with CLIENT SETNAME, or nil.',
  run: (c) => (c.name === '' ? reply.nil() : reply.bulk(c.name)),
});

const setname = defineCommand({
  ...meta,
  name: 'setname',
  arity: 3,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT SETNAME connection-name',
  summary: 'Names this connection (shown by CLIENT LIST).',
  run: (c, argv) => {
    const name = argv[2]!;
    for (let i = 0; i < name.length; i++) {
      const ch = name.charCodeAt(i);
      if (ch < 33 || ch > 126) return reply.error('ERR Client names cannot contain spaces, newlines or special characters.');
    }
    c.name = name;
    return reply.ok();
  },
});

const list = defineCommand({
  ...meta,
  name: 'list',
  arity: -2,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  syntax: 'CLIENT LIST',
  summary: 'One line per open connection.',
  run: (c) => {
    const now = c.engine.clock.nowMs();
    return reply.bulk([...c.engine.clients.values()].map((x) => `${describe(x, now)}\n`).join(''));
  },
});

const info = defineCommand({
  ...meta,
  name: 'info',
  arity: 2,
  flags: ['noscript', 'loading', 'stale'],
  syntax: 'CLIENT INFO',
  summary: 'The CLIENT LIST line of this connection.',
  run: (c) => reply.bulk(`${describe(c, c.engine.clock.nowMs())}\n`),
});

export const client = defineCommand({
  ...meta,
  name: 'client',
  arity: -2,
  flags: [],
  syntax: 'CLIENT <ID | GETNAME | SETNAME | LIST | INFO> ...',
  summary: 'Inspects and names connections.',
  subcommands: [id, getname, setname, list, info],
});
