/** Shared pieces of the cluster commands: the "disabled" error, slot arguments, error text. */
import { parseInt64 } from '../args';
import type { BinStr } from '../bytes';
import { cstr } from '../bytes';
import type { Client } from '../client';
import type { CommandDef, CommandFlag } from '../command';
import { NO_KEYS } from '../command';
import { reply } from '../reply';
import type { ErrorReply, Reply } from '../reply';
import { HASH_SLOTS } from '../../cluster/slots';
import type { ClusterState } from './state';

export const CLUSTER_DISABLED = reply.error('ERR This instance has cluster support disabled');

/** addReplyErrorFormat: newlines in user input become spaces so the protocol stays intact. */
export function errorf(text: string): ErrorReply {
  return reply.error(text.replace(/[\r\n]/g, ' '));
}

/** An argument as C's %s prints it. */
export const arg = (s: BinStr): string => cstr(s);

/** getSlotOrReply: an integer in 0..16383. */
export function parseSlot(s: BinStr): number | ErrorReply {
  const n = parseInt64(s);
  if (n === null || n < 0 || n >= HASH_SLOTS)
    return reply.error('ERR Invalid or out of range slot');
  return n;
}

/** A CLUSTER subcommand: its handler only runs on a node with cluster support. */
export function clusterSub(def: {
  name: string;
  arity: number;
  flags: readonly CommandFlag[];
  syntax: string;
  summary: string;
  run: (s: ClusterState, c: Client, argv: readonly BinStr[]) => Reply;
}): CommandDef {
  return {
    name: def.name,
    arity: def.arity,
    flags: def.flags,
    keys: NO_KEYS,
    group: 'cluster',
    syntax: def.syntax,
    summary: def.summary,
    run: (c, argv) => {
      const s = c.engine.cluster;
      return s === null ? CLUSTER_DISABLED : def.run(s, c, argv);
    },
  };
}
