/**
 * Quiz items for the db-cache lesson, in our own words. Items marked fromCourseNotes restate the
 * course notes' exam questions; where a note is wrong or outdated the explanation says what is
 * true today (docs/aws/course-notes.md). Every distractor is a belief students really hold, with
 * its own `why` (framework/README.md, "Quizzes").
 */
import type { QuizItem } from '../framework';

export const quiz: QuizItem[] = [
  {
    id: 'miss-penalty',
    kind: 'choice',
    afterStep: 'cold-miss',
    prompt: 'Under lazy loading, what does one cache miss cost the request?',
    choices: [
      {
        id: 'one',
        text: 'One trip: on a miss the cache node fetches the row from the database by itself, like a read-through proxy.',
        why: 'ElastiCache never talks to your database. That is read-through, which some other products offer; cache-aside is the app’s code.',
      },
      {
        id: 'three',
        text: 'Three trips, all made by the app: GET from the cache (a miss), SELECT on its own link to RDS, SET into the cache.',
        why: 'Right: the app asks the cache, queries the database on its own link, then writes the row into the cache.',
      },
      {
        id: 'two',
        text: 'Two trips: the app skips the cache GET and queries the database, then writes the cache.',
        why: 'The app cannot know it is a miss without asking the cache first: the GET is the first trip.',
      },
    ],
    answer: 'three',
    explanation:
      'The app asks the cache, gets nothing, queries the database over its own connection, then writes the row to the cache — the three hops you watched in the statechart. That is the miss penalty.',
  },
  {
    id: 'exam-read-heavy',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'cold-miss',
    prompt:
      'A read-heavy application overloads its RDS database with the same queries. What does adding ElastiCache in front of it require?',
    choices: [
      {
        id: 'a',
        text: 'No code: point the app’s database connection string at the ElastiCache endpoint and it proxies the queries.',
        why: 'ElastiCache speaks the Redis/Valkey or Memcached protocol, not PostgreSQL’s: it cannot stand in for the database endpoint.',
      },
      {
        id: 'b',
        text: 'App code that checks the cache, then the database.',
        why: 'Right: lazy loading (cache-aside) is code in the application, as in this lesson.',
      },
      {
        id: 'c',
        text: 'Turning on the RDS option “cache query results in ElastiCache” in the DB parameter group.',
        why: 'No such RDS option exists; the app decides what to cache and when.',
      },
    ],
    answer: 'b',
    explanation:
      'ElastiCache is a separate endpoint; the application decides what to cache and when (cache-aside, write-through, TTLs). That is why the notes stress that it needs code changes.',
  },
  {
    id: 'exam-invalidation',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'stale-read',
    prompt: 'Why does a database cache need an invalidation strategy?',
    choices: [
      {
        id: 'a',
        text: 'So that old keys are removed and the node never runs out of memory.',
        why: 'Running out of memory is handled by eviction (maxmemory-policy), a separate mechanism.',
      },
      {
        id: 'b',
        text: 'So that reads see the current rows, not copies of rows changed since.',
        why: 'Right: without it a cached copy outlives the row it was copied from — the stale read you caused.',
      },
      {
        id: 'c',
        text: 'So that the cache can keep answering reads while the database is being restarted.',
        why: 'That is availability, not invalidation; an invalidation strategy makes the cache drop copies, not keep them.',
      },
    ],
    answer: 'b',
    explanation:
      'Invalidation (DEL on write, a TTL, or write-through) is about freshness: without it, a cached copy outlives the row it was copied from — the stale reads you caused in this lesson.',
  },
  {
    id: 'stale-strategy',
    kind: 'choice',
    afterStep: 'stale-read',
    prompt:
      'Without a TTL or invalidation, which strategy keeps returning rows that the app itself has since updated?',
    choices: [
      {
        id: 'lazy',
        text: 'Lazy loading (cache-aside): it writes the cache only after a miss',
        why: 'Right: it writes the cache only on a miss, so an app write leaves the cached copy old.',
      },
      {
        id: 'wt',
        text: 'Write-through, because the cache write happens after the database write and can lose the race',
        why: 'Write-through updates the cache on each app write, so the app’s own writes do not leave it stale.',
      },
      {
        id: 'none',
        text: 'Neither: Redis follows the database’s changes',
        why: 'The cache knows nothing about your database; only your code writes to it.',
      },
    ],
    answer: 'lazy',
    explanation:
      'Lazy loading writes to the cache only on a miss, so a row changed later stays old in the cache until the key is deleted, evicted or expires. Write-through updates the cache on each write the app makes.',
  },
  {
    id: 'predict-ttl',
    kind: 'predict',
    afterStep: 'stale-read',
    prompt:
      'Predict: with the cache warm, you set a 5-second TTL on cache writes. Over the next 10 s, what happens to Reclaimed and the stale read rate?',
    choices: [
      {
        id: 'both',
        text: 'Keys expire and the stale read rate falls to a few per cent: no copy is older than 5 s.',
        why: 'Only keys written after the change carry the TTL. The popular keys were cached before it and keep none.',
      },
      {
        id: 'late',
        text: 'New keys expire (Reclaimed rises), but the stale read rate stays high: the hot keys cached earlier have no TTL.',
        why: 'Right: the TTL applies to keys written from now on; hot keys cached earlier are never rewritten, so they never expire.',
      },
      {
        id: 'none',
        text: 'Nothing expires for 5 s, then the whole cache empties at once and the hit ratio drops to 0 %.',
        why: 'Keys written at different moments expire at different moments; and the keys written before the TTL do not expire at all.',
      },
    ],
    answer: 'late',
    explanation:
      'Keys written after the change expire 5 s later (Reclaimed rises), but the hot keys were cached before it and never miss, so they are never rewritten with a TTL: they stay as stale as they were.',
    actions: [{ type: 'ttl.set', params: { seconds: 5 } }],
    periodUs: 10_000_000,
    observe: [
      { metric: 'Expirations', as: 'change' },
      { metric: 'StaleReadRate', as: 'mean' },
      { metric: 'CacheHitRate', as: 'mean' },
    ],
  },
  {
    id: 'write-through-cons',
    kind: 'choice',
    afterStep: 'write-through',
    prompt: 'What are the two drawbacks of pure write-through?',
    choices: [
      {
        id: 'a',
        text: 'Stale data and a slower first read.',
        why: 'Those are lazy loading’s costs: write-through updates the cache on each write.',
      },
      {
        id: 'b',
        text: 'Churn (keys nobody reads) and data missing until it is written again.',
        why: 'Right: every write is cached whether read or not, and a new node holds nothing until rows are written again.',
      },
      {
        id: 'c',
        text: 'Writes are lost when the cache is down, because the database write goes through the cache first.',
        why: 'The app writes the database itself; the cache write is an extra step after it.',
      },
    ],
    answer: 'b',
    explanation:
      'Write-through caches every write, read or not (churn — use a TTL), and a new or replaced node holds nothing until rows are written again (combine it with lazy loading).',
  },
  {
    id: 'default-policy',
    kind: 'choice',
    afterStep: 'eviction',
    prompt:
      'ElastiCache’s default maxmemory-policy is volatile-lru. What happens when the node is full and no key has a TTL?',
    choices: [
      {
        id: 'a',
        text: 'The least recently used keys are evicted anyway, as with allkeys-lru.',
        why: 'volatile-* policies may only evict keys that have an expiry.',
      },
      {
        id: 'b',
        text: 'Writes are refused (OOM); reads work.',
        why: 'Right: with nothing it may evict, the engine refuses writes — the Cache write errors metric.',
      },
      {
        id: 'c',
        text: 'ElastiCache scales the node up to the next node type so that the writes fit.',
        why: 'Node-based clusters never change node type by themselves; only serverless caches grow on their own.',
      },
    ],
    answer: 'b',
    explanation:
      'volatile-* policies only evict keys that have an expiry. With none, the engine has nothing it may evict and refuses writes with an OOM error. Give keys a TTL or choose allkeys-lru.',
  },
  {
    id: 'predict-replace',
    kind: 'predict',
    afterStep: 'eviction',
    prompt:
      'Predict: under lazy loading, the cache node is replaced by an empty one. Over the next 5 s, compared with the 5 s before, what happens to the database?',
    choices: [
      {
        id: 'storm',
        text: 'Its load jumps — every read misses — then falls as the popular keys are loaded again.',
        why: 'Right: every read misses until the popular keys are back — a miss storm.',
      },
      {
        id: 'calm',
        text: 'Nothing changes: the new node gets the old node’s keys first.',
        why: 'A single node without a replica has nothing to copy from: the replacement starts empty.',
      },
      {
        id: 'fail',
        text: 'Reads fail with errors until the new node has been warmed up by an operator.',
        why: 'Under lazy loading a miss is not an error: the app reads the database and refills the cache itself.',
      },
    ],
    answer: 'storm',
    explanation:
      'An empty cache means a miss storm: all reads go to the database until the popular keys are back. Lazy loading survives it — slower, not broken. Plan database headroom (or replicas in the cache) for it.',
    actions: [{ type: 'strategy.set', params: { strategy: 'lazy' } }, { type: 'cache.replace' }],
    periodUs: 5_000_000,
    observe: [
      { metric: 'DatabaseQueries', as: 'change' },
      { metric: 'CacheHitRate', as: 'mean' },
      { metric: 'CacheMisses', as: 'change' },
    ],
  },
  {
    id: 'aof-outdated',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'replace-lazy',
    prompt:
      'Some course notes say ElastiCache for Redis keeps data durable with AOF persistence. How do you protect cached data against a node loss today?',
    choices: [
      {
        id: 'aof',
        text: 'Turn on AOF (appendonly yes), as the notes say.',
        why: 'Outdated: AWS does not support AOF on Redis 2.8.22 and later, and never with Multi-AZ.',
      },
      {
        id: 'replicas',
        text: 'Replicas with Multi-AZ automatic failover, and snapshots as backups.',
        why: 'Right: a replica in another AZ is promoted with the data (bar the last writes); snapshots are the backups.',
      },
      {
        id: 's3',
        text: 'Point the cache at an S3 bucket as its storage back end, so evicted and lost keys are read back.',
        why: 'S3 holds snapshots (backups), not a storage tier behind the cache.',
      },
    ],
    answer: 'replicas',
    explanation:
      'Replicas + Multi-AZ failover keep the data in memory elsewhere; RDB snapshots go to S3 as backups. Valkey 9.0+ adds a separate durability feature (a Multi-AZ transaction log), which is not AOF.',
  },
];
