import type { CommandDef } from '../../command';
import { pfadd, pfcount, pfmerge } from './pf-commands';
import { pfdebug, pfselftest } from './pfdebug';

export const hyperloglogCommands: readonly CommandDef[] = [
  pfadd,
  pfcount,
  pfmerge,
  pfdebug,
  pfselftest,
];
