/** performEvictions: frees memory per maxmemory-policy before a command that needs it. */
import type { RedisEngine } from '../engine';

/** Runs eviction now; false when memory is still over maxmemory (the command gets OOM). */
export function performEvictions(engine: RedisEngine): boolean {
  const cfg = engine.config;
  // replica-ignore-maxmemory (default yes): a replica's memory follows its primary's DELs.
  if (engine.repl.isReplica) return true;
  const ok = engine.evictor.perform({
    dbs: engine.dbs,
    usedMemory: () => engine.usedMemory(),
    maxmemory: cfg.maxmemory,
    policy: cfg['maxmemory-policy'],
    samples: cfg['maxmemory-samples'],
    nowMs: () => engine.clock.nowMs(),
    lfuDecayTime: cfg['lfu-decay-time'],
    onEvicted: () => {
      engine.stats.evictedKeys++;
      engine.cmd.evicted++;
    },
  });
  // Eviction's DELs leave before the command that needed the memory, never wrapped.
  engine.repl.propagator.flush(true);
  return ok;
}
