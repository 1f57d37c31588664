/** What createRedisEngine takes, and the INFO stats counters the engine keeps. */
import type { EngineClock } from '../clock';
import type { EngineRng } from '../rng';
import type { ClusterNodeOptions } from './cluster/options';
import type { RedisEngine } from './engine';
import type { KeyspaceStats } from './keyspace/host';
import type { MaxmemoryPolicy, RedisConfig } from './server/config';
import type { EngineProfile } from './server/profile';

export interface RedisEngineOptions {
  clock: EngineClock;
  /** Seeded stream for eviction sampling, RANDOMKEY, LFU increments… (default seed 0). */
  rng?: EngineRng;
  /** 'oss' = redis-server defaults; 'elasticache' = default parameter group + restricted commands. */
  profile?: EngineProfile;
  maxmemory?: number;
  maxmemoryPolicy?: MaxmemoryPolicy;
  requirepass?: string;
  /** Overrides any redis.conf value (applied after the profile). */
  config?: Partial<RedisConfig>;
  /** Any redis-server parameter by name, as redis.conf lines (applied after `config`). */
  parameters?: Readonly<Record<string, string>>;
  /** Reported by INFO server (run_id, tcp_port). */
  runId?: string;
  tcpPort?: number;
  /** Cluster mode (cluster-enabled yes): the node joins `cluster.bus` serving no slots yet. */
  cluster?: ClusterNodeOptions & { nodeId?: string };
  /**
   * The server listening at host:port, for MIGRATE (in-process: no sockets). Default in cluster
   * mode: the members of the cluster bus; otherwise none (MIGRATE answers IOERR).
   */
  resolvePeer?: (host: string, port: number) => RedisEngine | undefined;
}

export interface ServerStats extends KeyspaceStats {
  totalCommands: number;
  totalConnections: number;
  rejectedConnections: number;
  totalNetInput: number;
  totalNetOutput: number;
  pubsubMessages: number;
  errorReplies: number;
}

export function emptyServerStats(): ServerStats {
  return {
    keyspaceHits: 0,
    keyspaceMisses: 0,
    expiredKeys: 0,
    evictedKeys: 0,
    totalCommands: 0,
    totalConnections: 0,
    rejectedConnections: 0,
    totalNetInput: 0,
    totalNetOutput: 0,
    pubsubMessages: 0,
    errorReplies: 0,
  };
}
