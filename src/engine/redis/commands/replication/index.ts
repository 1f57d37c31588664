import type { CommandDef } from '../../command';
import { role } from './role';
import { replicaofCommand, slaveof } from './replicaof';
import { replconf } from './replconf';
import { psync, sync } from './psync';
import { wait } from './wait';

export const replicationCommands: readonly CommandDef[] = [
  role,
  replicaofCommand,
  slaveof,
  replconf,
  psync,
  sync,
  wait,
];
