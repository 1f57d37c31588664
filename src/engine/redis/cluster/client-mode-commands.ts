/**
 * ASKING, READONLY and READWRITE (cluster.c 7.0): per-connection cluster modes. ASKING lets
 * the next command (or the next transaction) run on a node importing the key's slot; READONLY
 * lets a replica serve reads of its master's slots instead of redirecting them.
 */
import { defineCommand, NO_KEYS } from '../command';
import type { CommandDef } from '../command';
import { reply } from '../reply';
import { CLUSTER_DISABLED } from './command-support';

export const asking = defineCommand({
  name: 'asking',
  arity: 1,
  flags: ['fast'],
  keys: NO_KEYS,
  group: 'cluster',
  syntax: 'ASKING',
  summary: 'After an -ASK redirection: lets the next command use a slot this node is importing.',
  run: (c) => {
    if (c.engine.cluster === null) return CLUSTER_DISABLED;
    c.asking = true;
    return reply.ok();
  },
});

export const readonly = defineCommand({
  name: 'readonly',
  arity: 1,
  flags: ['fast', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'cluster',
  syntax: 'READONLY',
  summary: "Lets this connection read from a replica the keys of its master's slots.",
  run: (c) => {
    if (c.engine.cluster === null) return CLUSTER_DISABLED;
    c.readonlyMode = true;
    return reply.ok();
  },
});

export const readwrite = defineCommand({
  name: 'readwrite',
  arity: 1,
  flags: ['fast', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'cluster',
  syntax: 'READWRITE',
  summary: 'Ends READONLY: reads on a replica are redirected to the master again.',
  run: (c) => {
    if (c.engine.cluster === null) return CLUSTER_DISABLED;
    c.readonlyMode = false;
    return reply.ok();
  },
});

export const clientModeCommands: CommandDef[] = [asking, readonly, readwrite];
