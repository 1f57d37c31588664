/**
 * redis-server 7.0.15's own description of each command (flags, ACL categories, tips, key
 * specs), looked up by full name (`get`, `config|get`). The command table takes it from here.
 */
import { META_A_L } from './data-a-l';
import { META_M_Z } from './data-m-z';
import { parseMeta } from './parse';
import type { CommandMeta } from './parse';

export type { CommandMeta, FullKeySpec } from './parse';
export { commandDocs } from './docs';

/** The 7.0.15 description of `fullName`, or undefined for a command redis-server does not have. */
export function commandMeta(fullName: string): CommandMeta | undefined {
  const line = META_A_L[fullName] ?? META_M_Z[fullName];
  return line === undefined ? undefined : parseMeta(line);
}
