// The global `stats` counters of memcached (struct stats / thread stats) not kept per slab class.

/** Global counters of `stats` that are not per slab class. */
export interface GlobalCounters {
  getCmds: number;
  getMisses: number;
  getExpired: number;
  getFlushed: number;
  touchCmds: number;
  touchMisses: number;
  deleteMisses: number;
  incrMisses: number;
  decrMisses: number;
  casMisses: number;
  storeTooLarge: number;
  storeNoMemory: number;
  flushCmds: number;
  /** `me` commands (memcached counts only those as meta_cmds). */
  metaCmds: number;
  bytesRead: number;
  bytesWritten: number;
  totalItems: number;
  currItems: number;
  currBytes: number;
  totalConns: number;
  currConns: number;
}

export const zeroCounters = (): GlobalCounters => ({
  getCmds: 0,
  getMisses: 0,
  getExpired: 0,
  getFlushed: 0,
  touchCmds: 0,
  touchMisses: 0,
  deleteMisses: 0,
  incrMisses: 0,
  decrMisses: 0,
  casMisses: 0,
  storeTooLarge: 0,
  storeNoMemory: 0,
  flushCmds: 0,
  metaCmds: 0,
  bytesRead: 0,
  bytesWritten: 0,
  totalItems: 0,
  currItems: 0,
  currBytes: 0,
  totalConns: 0,
  currConns: 0,
});
