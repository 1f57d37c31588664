/**
 * Engine profiles. 'oss' is a stock redis-server 7 (noeviction). 'elasticache' follows
 * ElastiCache's default parameter group and its restricted commands.
 *
 * Restricted commands: AWS lists bgrewriteaof, bgsave, config, debug, migrate, replicaof,
 * save, slaveof, shutdown and sync as unavailable on ElastiCache for Redis OSS
 * (docs.aws.amazon.com/AmazonElastiCache/latest/dg/ClientConfig.RestrictedCommands.html);
 * psync is the replication twin of sync and is refused the same way. ElastiCache renames
 * these commands internally, so a client sees exactly what redis-server says about a command
 * that does not exist: `ERR unknown command 'config', with args beginning with: …`. We
 * refuse them the same way — including CONFIG GET, since the whole CONFIG command is listed
 * (parameters change through parameter groups, which the simulator models outside the engine).
 */
import type { RedisConfig } from './config';

export type EngineProfile = 'oss' | 'elasticache';

export const ELASTICACHE_RESTRICTED: readonly string[] = [
  'bgrewriteaof',
  'bgsave',
  'config',
  'debug',
  'migrate',
  'replicaof',
  'save',
  'slaveof',
  'shutdown',
  'sync',
  'psync',
];

export function profileSettings(profile: EngineProfile): {
  config: Partial<RedisConfig>;
  restricted: ReadonlySet<string>;
} {
  if (profile === 'oss') return { config: {}, restricted: new Set() };
  return {
    // Default parameter group: maxmemory-policy volatile-lru (docs/aws/memory-and-eviction.md); maxmemory-samples 3
    // per AWS's parameter table (introduced with the 2.6.13 family and inherited since; not
    // re-checked on a current page). The node type's maxmemory minus reserved-memory-percent
    // (25 %) is the simulator's to set, through engine.configure().
    config: { 'maxmemory-policy': 'volatile-lru', 'maxmemory-samples': 3, appendonly: 'no' },
    restricted: new Set(ELASTICACHE_RESTRICTED),
  };
}
