import type { CommandDef } from '../../command';
import { blmove, blpop, brpop, brpoplpush } from './blocking';
import { lmove, rpoplpush } from './lmove';
import { blmpop, lmpop } from './lmpop';
import { lpop, rpop } from './pop';
import { lpos } from './lpos';
import { lpush, lpushx, rpush, rpushx } from './push';
import { lindex, llen, lrange } from './lrange';
import { lrem, ltrim } from './lrem';
import { linsert, lset } from './lset';

export const listCommands: readonly CommandDef[] = [
  lpush,
  rpush,
  lpushx,
  rpushx,
  lpop,
  rpop,
  lrange,
  llen,
  lindex,
  lset,
  linsert,
  lrem,
  ltrim,
  lpos,
  lmove,
  rpoplpush,
  blpop,
  brpop,
  blmove,
  brpoplpush,
  lmpop,
  blmpop,
];
