/**
 * The encoding thresholds the aggregate types read on every insert: the engine passes its live
 * configuration (RedisConfig satisfies this), so CONFIG SET / a parameter-group change applies
 * to the next insert, as in redis-server (conversions go one way: never back to compact).
 */
export interface EncodingLimits {
  readonly 'hash-max-listpack-entries': number;
  readonly 'hash-max-listpack-value': number;
  readonly 'zset-max-listpack-entries': number;
  readonly 'zset-max-listpack-value': number;
  readonly 'set-max-intset-entries': number;
  readonly 'list-max-listpack-size': number;
  readonly 'list-compress-depth': number;
}

/** redis-server 7.0's defaults (for tools and tests that build values without an engine). */
export const DEFAULT_LIMITS: EncodingLimits = {
  'hash-max-listpack-entries': 512,
  'hash-max-listpack-value': 64,
  'zset-max-listpack-entries': 128,
  'zset-max-listpack-value': 64,
  'set-max-intset-entries': 512,
  'list-max-listpack-size': -2,
  'list-compress-depth': 0,
};
