/** The core families' commands (strings, keys, server, connection, transactions, pub/sub). */
import type { CommandDef } from '../command';
import { get } from './strings/get';
import { set } from './strings/set';
import { setnx, setex, psetex } from './strings/setnx';
import { getset, getdel } from './strings/getset';
import { getex } from './strings/getex';
import { mget, mset, msetnx } from './strings/mget';
import { incr, decr, incrby, decrby } from './strings/incr';
import { incrbyfloat } from './strings/incrbyfloat';
import { append, strlen, getrange, setrange } from './strings/append';
import { lcs } from './strings/lcs';
import { del, unlink, exists, type } from './keys/del';
import { rename, renamenx } from './keys/rename';
import { keys, randomkey } from './keys/keys';
import { scan } from './keys/scan';
import { expire, pexpire, expireat, pexpireat, persist } from './keys/expire';
import { ttl, pttl, expiretime, pexpiretime } from './keys/ttl';
import { object } from './keys/object';
import { dump, restoreCommand } from './keys/dump';
import { copy, move } from './keys/copy';
import { sort, sortRo } from './sort';
import { swapdb } from './server/swapdb';
import { memory } from './server/memory';
import { ping, echo, select, quit, auth, time } from './connection/ping';
import { client } from './connection/client';
import { hello } from './connection/hello';
import { pubsub } from './pubsub/pubsub';
import { dbsize, flushdb, flushall } from './server/db-commands';
import { config } from './server/config';
import { info } from './server/info';
import { command } from './server/command';
import { save, bgsave, lastsave } from './server/save';
import { multi, exec, discard, watch, unwatch } from './transactions/multi';
import { subscribe, unsubscribe, psubscribe, punsubscribe, publish } from './pubsub/subscribe';

export const coreCommands: CommandDef[] = [
  // strings
  get,
  set,
  setnx,
  setex,
  psetex,
  getset,
  getdel,
  getex,
  mget,
  mset,
  msetnx,
  incr,
  decr,
  incrby,
  decrby,
  incrbyfloat,
  append,
  strlen,
  getrange,
  setrange,
  lcs,
  // keys
  del,
  unlink,
  exists,
  type,
  rename,
  renamenx,
  keys,
  randomkey,
  scan,
  expire,
  pexpire,
  expireat,
  pexpireat,
  persist,
  ttl,
  pttl,
  expiretime,
  pexpiretime,
  object,
  copy,
  move,
  sort,
  sortRo,
  dump,
  restoreCommand,
  // connection and server
  ping,
  echo,
  select,
  quit,
  auth,
  hello,
  time,
  client,
  dbsize,
  flushdb,
  flushall,
  swapdb,
  config,
  info,
  command,
  memory,
  save,
  bgsave,
  lastsave,
  // transactions
  multi,
  exec,
  discard,
  watch,
  unwatch,
  // pub/sub
  subscribe,
  unsubscribe,
  psubscribe,
  punsubscribe,
  publish,
  pubsub,
];
