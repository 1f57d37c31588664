import type { CommandDef } from '../../command';
import { sadd, scard, sismember, smembers, smismember, srem } from './sadd';
import {
  sdiff,
  sdiffstore,
  sinter,
  sintercard,
  sinterstore,
  sunion,
  sunionstore,
} from './set-algebra';
import { smove } from './smove';
import { spop, srandmember } from './spop';
import { sscan } from './sscan';

export const setCommands: readonly CommandDef[] = [
  sadd,
  srem,
  smembers,
  sismember,
  smismember,
  scard,
  smove,
  spop,
  srandmember,
  sinter,
  sunion,
  sdiff,
  sinterstore,
  sunionstore,
  sdiffstore,
  sintercard,
  sscan,
];
