import type { CommandDef } from '../../command';
import { hdel } from './hdel';
import { hexists, hget, hlen, hmget, hstrlen } from './hget';
import { hgetall, hkeys, hvals } from './hgetall';
import { hincrby, hincrbyfloat } from './hincrby';
import { hrandfield } from './hrandfield';
import { hscan } from './hscan';
import { hmset, hset, hsetnx } from './hset';

export const hashCommands: readonly CommandDef[] = [
  hset,
  hmset,
  hsetnx,
  hget,
  hmget,
  hexists,
  hstrlen,
  hlen,
  hgetall,
  hkeys,
  hvals,
  hdel,
  hincrby,
  hincrbyfloat,
  hrandfield,
  hscan,
];
