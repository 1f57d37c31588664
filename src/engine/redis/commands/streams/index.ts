import type { CommandDef } from '../../command';
import { xadd, xtrim } from './xadd';
import { xlen, xrange, xrevrange } from './xrange';
import { xdel, xsetid } from './xdel';
import { xread, xreadgroup } from './xread';
import { xgroup } from './xgroup';
import { xack, xpending } from './xpending';
import { xautoclaim, xclaim } from './xclaim';
import { xinfo } from './xinfo';

export const streamCommands: readonly CommandDef[] = [
  xadd,
  xtrim,
  xlen,
  xrange,
  xrevrange,
  xdel,
  xsetid,
  xread,
  xreadgroup,
  xgroup,
  xack,
  xpending,
  xclaim,
  xautoclaim,
  xinfo,
];
