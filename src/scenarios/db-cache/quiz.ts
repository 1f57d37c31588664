/**
 * Quiz items for the db-cache lesson, in our own words. Items marked fromCourseNotes restate the
 * course notes' exam questions; where a note is outdated the explanation says what is true today
 * (docs/aws/course-notes.md).
 */
import type { QuizItem } from '../framework';

export const quiz: QuizItem[] = [
  {
    id: 'exam-invalidation',
    kind: 'choice',
    fromCourseNotes: true,
    prompt: 'Why does a database cache need an invalidation strategy?',
    choices: [
      { id: 'a', text: 'So that the cache never runs out of memory.' },
      {
        id: 'b',
        text: 'So that the cache serves current data, not copies the database has since changed.',
      },
      { id: 'c', text: 'So that the database can be turned off while the cache answers.' },
    ],
    answer: 'b',
    explanation:
      'Invalidation (DEL on write, a TTL, or write-through) is about freshness: without it, a cached copy outlives the row it was copied from — the stale reads you caused in this lesson. Memory limits are handled by eviction, a separate mechanism.',
  },
  {
    id: 'exam-read-heavy',
    kind: 'choice',
    fromCourseNotes: true,
    prompt:
      'A read-heavy application overloads its RDS database with the same queries. What does adding ElastiCache in front of it require?',
    choices: [
      {
        id: 'a',
        text: 'Nothing in the app: ElastiCache intercepts the database connection automatically.',
      },
      {
        id: 'b',
        text: 'Application code that checks the cache first and falls back to the database (e.g. lazy loading).',
      },
      { id: 'c', text: 'Moving the tables into ElastiCache and deleting them from RDS.' },
    ],
    answer: 'b',
    explanation:
      'ElastiCache is a separate endpoint; the application decides what to cache and when (cache-aside, write-through, TTLs). That is why the notes stress that it needs code changes, unlike a transparent proxy.',
  },
  {
    id: 'stale-strategy',
    kind: 'choice',
    afterStep: 'stale-read',
    prompt:
      'Without a TTL or invalidation, which strategy can keep returning data the database has already changed?',
    choices: [
      { id: 'lazy', text: 'Lazy loading (cache-aside)' },
      { id: 'wt', text: 'Write-through' },
      { id: 'none', text: 'Neither: Redis notices database changes by itself.' },
    ],
    answer: 'lazy',
    explanation:
      'Lazy loading writes to the cache only on a miss, so a row changed later stays old in the cache until the key is deleted, evicted or expires. Write-through updates the cache on each write the app makes. Redis knows nothing about your database.',
  },
  {
    id: 'miss-penalty',
    kind: 'choice',
    prompt: 'Under lazy loading, what does one cache miss cost the request?',
    choices: [
      { id: 'one', text: 'One trip: the cache fetches from the database by itself.' },
      { id: 'three', text: 'Three trips: cache GET (miss), database query, cache SET.' },
      { id: 'two', text: 'Two trips: database query and cache SET, skipping the cache GET.' },
    ],
    answer: 'three',
    explanation:
      'The app asks the cache, gets nothing, queries the database, then writes the row to the cache — the three hops you watched in the statechart. That is the miss penalty.',
  },
  {
    id: 'predict-ttl',
    kind: 'predict',
    afterStep: 'invalidate',
    prompt:
      'Predict: you set a 5-second TTL on cache writes and let 10 virtual seconds pass. What happens to expirations (Reclaimed) and the hit ratio?',
    choices: [
      {
        id: 'up',
        text: 'Keys start expiring; the hit ratio dips a little because expired keys are reloaded.',
      },
      {
        id: 'none',
        text: 'Nothing expires: a TTL only applies to keys written before it was set.',
      },
      { id: 'empty', text: 'The whole cache empties at once and the hit ratio drops to 0 %.' },
    ],
    answer: 'up',
    explanation:
      'Each key written after the change carries the TTL and expires 5 s later; the next read of it misses and reloads it. Keys expire at different times because they were written at different times — unless many are written together, which is why AWS suggests a little TTL jitter.',
    actions: [{ type: 'ttl.set', params: { seconds: 5 } }],
    runUs: 10_000_000,
    observe: ['Expirations', 'CacheHitRate', 'CacheMisses'],
  },
  {
    id: 'write-through-cons',
    kind: 'choice',
    afterStep: 'write-through',
    prompt: 'What are the two drawbacks of pure write-through?',
    choices: [
      { id: 'a', text: 'Stale data and a slower first read.' },
      {
        id: 'b',
        text: 'Cache churn (keys written that nobody reads) and data missing until it is written, e.g. on a new node.',
      },
      {
        id: 'c',
        text: 'Writes are lost if the cache is down, and reads always go to the database.',
      },
    ],
    answer: 'b',
    explanation:
      'Write-through never serves stale data, but it caches every write, read or not (churn — use a TTL), and a new or replaced node holds nothing until rows are written again (combine it with lazy loading).',
  },
  {
    id: 'default-policy',
    kind: 'choice',
    afterStep: 'eviction',
    prompt:
      'ElastiCache’s default maxmemory-policy is volatile-lru. What happens when the node is full and no key has a TTL?',
    choices: [
      { id: 'a', text: 'The least recently used key is evicted anyway.' },
      {
        id: 'b',
        text: 'Writes fail with “OOM command not allowed when used memory > maxmemory”; reads still work.',
      },
      { id: 'c', text: 'The node adds memory automatically.' },
    ],
    answer: 'b',
    explanation:
      'volatile-* policies only evict keys that have an expiry. With none, Redis has nothing it may evict and refuses writes with an OOM error. Give keys a TTL or choose allkeys-lru.',
  },
  {
    id: 'predict-replace',
    kind: 'predict',
    afterStep: 'eviction',
    prompt:
      'Predict: under lazy loading, the cache node is replaced by an empty one. What happens to the database in the next 3 seconds?',
    choices: [
      {
        id: 'storm',
        text: 'Its load jumps (every read misses), then falls as the cache warms up again.',
      },
      { id: 'calm', text: 'Nothing: the app serves reads from its own memory meanwhile.' },
      { id: 'fail', text: 'Reads fail until the cache is full again.' },
    ],
    answer: 'storm',
    explanation:
      'An empty cache means a miss storm: all reads go to the database until the popular keys are back. Lazy loading survives it — slower, not broken. Plan database headroom (or replicas in the cache) for it.',
    actions: [{ type: 'strategy.set', params: { strategy: 'lazy' } }, { type: 'cache.replace' }],
    runUs: 3_000_000,
    observe: ['CacheMisses', 'DatabaseQueries', 'CacheHitRate'],
  },
  {
    id: 'aof-outdated',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'replace-lazy',
    prompt:
      'Some course notes say ElastiCache for Redis keeps data durable with AOF persistence. How do you protect cached data against a node loss today?',
    choices: [
      { id: 'aof', text: 'Turn on AOF (appendonly yes) on the node.' },
      {
        id: 'replicas',
        text: 'Use replicas with Multi-AZ automatic failover (and snapshots for backups); newer Valkey versions also offer a durability option.',
      },
      { id: 's3', text: 'Point the cache at an S3 bucket as its storage back end.' },
    ],
    answer: 'replicas',
    explanation:
      'AWS does not support AOF on Redis 2.8.22 and later (and never with Multi-AZ). Replicas + Multi-AZ failover keep the data in memory elsewhere; RDB snapshots go to S3 as backups — S3 is not a storage tier behind the cache. Valkey 9.0+ adds a separate durability feature (a Multi-AZ transaction log), which is not AOF.',
  },
  {
    id: 'exam-auth',
    kind: 'choice',
    fromCourseNotes: true,
    prompt:
      'A company wants clients to present a password before using its ElastiCache for Redis cluster. What can it use?',
    choices: [
      { id: 'sg', text: 'Only security groups: ElastiCache has no authentication.' },
      {
        id: 'auth',
        text: 'Redis AUTH tokens or RBAC users (TLS on), or IAM authentication on Redis OSS 7.0+ / Valkey 7.2+.',
      },
      {
        id: 'iam-api',
        text: 'IAM policies on the ElastiCache API, which also check every GET and SET.',
      },
    ],
    answer: 'auth',
    explanation:
      'AUTH (a token set at creation) and RBAC users protect the data plane; some notes say IAM authentication is not supported — that is outdated: IAM auth works on Redis OSS 7.0+ and Valkey 7.2+ with TLS. IAM policies on the API govern management calls, not GET/SET. (Memcached on ElastiCache has none of these — no SASL either; it relies on the VPC, security groups and TLS.)',
  },
];
