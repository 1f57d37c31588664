import type { CommandDef } from '../../command';
import { zadd, zincrby } from './zadd';
import { zcount, zlexcount } from './zcount';
import { bzpopmax, bzpopmin, zpopmax, zpopmin } from './zpop';
import { zrandmember } from './zrandmember';
import { bzmpop, zmpop } from './zmpop';
import {
  zrange,
  zrangebylex,
  zrangebyscore,
  zrangestore,
  zrevrange,
  zrevrangebylex,
  zrevrangebyscore,
} from './zrange';
import { zrem, zremrangebylex, zremrangebyrank, zremrangebyscore } from './zrem';
import { zscan } from './zscan';
import { zcard, zmscore, zrank, zrevrank, zscore } from './zscore';
import { zdiff, zdiffstore, zinter, zintercard, zinterstore, zunion, zunionstore } from './zsetops';

export const zsetCommands: readonly CommandDef[] = [
  zadd,
  zincrby,
  zscore,
  zmscore,
  zrank,
  zrevrank,
  zcard,
  zcount,
  zlexcount,
  zrange,
  zrevrange,
  zrangebyscore,
  zrevrangebyscore,
  zrangebylex,
  zrevrangebylex,
  zrangestore,
  zrem,
  zremrangebyrank,
  zremrangebyscore,
  zremrangebylex,
  zpopmin,
  zpopmax,
  bzpopmin,
  bzpopmax,
  zrandmember,
  zscan,
  zunionstore,
  zinterstore,
  zdiffstore,
  zunion,
  zinter,
  zdiff,
  zintercard,
  zmpop,
  bzmpop,
];
