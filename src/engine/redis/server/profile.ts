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
import { ELASTICACHE_DEFAULTS } from './elasticache-params';

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
  /** redis parameters set at startup, as redis.conf lines would. */
  parameters: ReadonlyArray<readonly [string, string]>;
  restricted: ReadonlySet<string>;
} {
  if (profile === 'oss') return { parameters: [], restricted: new Set() };
  return {
    // The default.redis7 parameter group where it differs from redis-server (maxmemory-policy
    // volatile-lru, maxmemory-samples 3, …: docs/elasticache-parameters.md and
    // docs/aws/memory-and-eviction.md). The node type's maxmemory minus reserved memory is the
    // simulator's to set, through engine.configure().
    parameters: ELASTICACHE_DEFAULTS,
    restricted: new Set(ELASTICACHE_RESTRICTED),
  };
}
