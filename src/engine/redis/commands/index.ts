/**
 * The command table: one line per command. To add a command, create its file under the
 * family folder (commands/<family>/<name>.ts exporting `defineCommand({...})`) and add one
 * line below in its family's block. The dispatcher handles unknown names, arity, NOAUTH,
 * OOM and MULTI for every entry.
 */
import { buildTable } from '../command';
import type { CommandDef } from '../command';
import { coreCommands } from './core';
import { hashCommands } from './hashes';
import { listCommands } from './lists';
import { setCommands } from './sets';
import { zsetCommands } from './zsets';
import { geoCommands } from './geo';
import { bitmapCommands } from './bitmaps';
import { hyperloglogCommands } from './hyperloglog';
// Not '../cluster' (its index also exports createRedisCluster, which needs the engine and so this table).
import { cluster } from '../cluster/cluster-command';
import { clientModeCommands } from '../cluster/client-mode-commands';
import { migrateCommands } from '../cluster/migrate';
import { streamCommands } from './streams';

import { replicationCommands } from './replication';
import { acl } from '../acl/acl-command';

const core: CommandDef[] = [
  ...coreCommands,
  cluster,
  ...clientModeCommands,
  ...migrateCommands,
  ...replicationCommands,
  acl,
];

/**
 * Data-type families (hash, list, set, zset, geo, stream): each family folder exports
 * `xxxCommands: CommandDef[]` from its index.ts; add its spread here, one line per family.
 * TYPES-FAMILIES-START
 * TYPES-FAMILIES-END
 */
const families: CommandDef[] = [
  ...hashCommands,
  ...listCommands,
  ...setCommands,
  ...zsetCommands,
  ...geoCommands,
  ...bitmapCommands,
  ...hyperloglogCommands,
  ...streamCommands,
];

export const commandTable = buildTable([...core, ...families]);
