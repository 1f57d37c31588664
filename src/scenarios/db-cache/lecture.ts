/**
 * The database-cache e-lecture (#/present/db-cache): cache-aside from a cold start, a stale
 * read, TTLs, write-through, and a node replacement. AWS facts: docs/aws/caching-strategies.md
 * (lazy loading, write-through, TTL, jitter) and docs/aws/failover.md (a replaced single node
 * starts empty). The numbers in the notes were measured on this script with its seed
 * (lecture-contract.test.ts walks it).
 */
import { act, run, type LectureDefinition } from '../../ui/present';

const updateProduct1 = {
  label: 'Update product 1 in the database',
  description: 'Another system changes product 1’s row directly in RDS; the cache is not told.',
  actions: [{ type: 'db.write', params: { id: 1 } }],
};

const replaceNode = {
  label: 'Replace the cache node',
  description: 'ElastiCache replaces a failed node behind the same endpoint; it comes back empty.',
  actions: [{ type: 'cache.replace' }],
};

export const dbCacheLecture: LectureDefinition = {
  scenario: 'db-cache',
  title: 'Caching a database with ElastiCache',
  seed: 42,
  slides: [
    {
      id: 'cold-cache',
      title: 'A cold cache',
      caption:
        'The cache node has just started and is empty: every read misses, and the app fetches the row from the database itself.',
      notes: [
        'Two app instances serve product pages; the app asks the ElastiCache node first, RDS second.',
        'Point at the links: the app talks to the cache and to the database on separate connections. The cache never calls the database — that is lazy loading (cache-aside).',
        'A miss costs three trips: GET from the cache, SELECT from RDS, SET back into the cache.',
      ],
      script: [run(1)],
      faults: [updateProduct1],
      question: {
        prompt: 'On a cache miss, who reads the row from the database?',
        choices: [
          'The cache node, which forwards the miss to RDS',
          'The application, over its own database connection',
          'RDS, which pushes changed rows into the cache',
        ],
        answer: 1,
        why: 'With lazy loading the cache is a plain key-value store: the app reads the database and writes the row into the cache.',
      },
    },
    {
      id: 'warm-up',
      title: 'Warming up',
      caption:
        'A few products are far more popular than the rest, so the hit rate climbs fast — then flattens.',
      notes: [
        'Zipf skew: the top products are read again and again, so they are cached after their first miss.',
        'CacheHitRate = hits ÷ (hits + misses) over the last 1-second period here; CloudWatch reports it per minute.',
        'Ask the room before you advance: what shape will the curve have? (Steep at first, then a long tail of rarely read products that still miss.)',
        'Measured on this script: CacheHitRate about 93 % after 21 s, from about 47 % in the first second.',
      ],
      script: [run(20)],
      faults: [updateProduct1, replaceNode],
    },
    {
      id: 'stale-read',
      title: 'A stale read',
      caption:
        'Product 1 just changed in the database. The cache still holds the old row — and keeps serving it.',
      notes: [
        'Lazy loading writes the cache only on a miss. Product 1 is popular, so it hits, and every hit returns the old row.',
        'Nothing in the cache knows that RDS changed: without a TTL or an invalidation, the old copy stays until it is evicted.',
        'Press Space and follow “GET /products/1” packets: each is a hit on the stale copy.',
        'Measured on this script: Stale read rate about 55 % of reads in the last period.',
      ],
      script: [act('db.write', { id: 1 }), run(3)],
      faults: [updateProduct1],
      question: {
        prompt: 'How long will the old product 1 row be served?',
        choices: [
          'Until the next read of product 1',
          'Until it expires or is evicted — with no TTL, possibly forever',
          'At most 5 seconds: ElastiCache refreshes keys on its own',
        ],
        answer: 1,
        why: 'The cache has no link to the database. A key without a TTL is only replaced when something deletes, overwrites or evicts it.',
      },
    },
    {
      id: 'ttl',
      title: 'A time to live',
      caption:
        'With a 5-second TTL, every cached copy expires within 5 s: a stale row cannot outlive it.',
      notes: [
        'The app now writes each key with SET … EX 5. An expired key is a miss, and the next read loads the current row.',
        'Old keys had no expiry, so the script flushes the cache (FLUSHALL) once: every key is missed once and rewritten, this time with the TTL.',
        'The price: more misses, so more database reads. AWS suggests a little random jitter on TTLs so many keys do not expire together.',
        'Measured on this script, 15 s later: Stale read rate about 2 %, CacheHitRate about 77 %, database queries per second roughly doubled (79 → 164).',
      ],
      script: [
        act('ttl.set', { seconds: 5 }),
        act('console', { target: 'redis', line: 'FLUSHALL' }),
        run(15),
      ],
      faults: [updateProduct1],
    },
    {
      id: 'write-through',
      title: 'Write-through',
      caption:
        'Write-through: each time the app writes the database it also writes the cache. Fresh — but many keys are never read.',
      notes: [
        'Still the app’s code: two writes per update (database, then cache). The cache is not in line.',
        'Writes touch any of the 2,000 products, including ones nobody reads: watch Unread keys and Churn in the metrics.',
        'AWS’s answer: combine write-through with lazy loading, and add a TTL so unread keys age out.',
        'Measured on this script: Stale read rate 0 %, but CacheHitRate down to about 16 % — reads no longer fill the cache, and the 5 s TTL keeps emptying it.',
      ],
      script: [act('strategy.set', { strategy: 'write-through' }), run(15)],
      faults: [replaceNode],
    },
    {
      id: 'node-replaced',
      title: 'A node is replaced',
      caption:
        'A replaced node comes back empty. With pure write-through, reads keep missing until their rows are written again.',
      notes: [
        'ElastiCache replaces a failed node behind the same endpoint, but a single node without a replica starts cold.',
        'Pure write-through fills the cache only on writes, so a read miss does not refill it: measured here, CacheHitRate about 7 % 12 s after the replacement.',
        'Press 1 to switch back to lazy loading and replace the node again: the popular products come back within seconds.',
      ],
      script: [act('cache.replace'), run(12)],
      faults: [
        {
          label: 'Lazy loading, then replace the node',
          description: 'Switches to lazy loading and replaces the node: misses refill the cache.',
          actions: [
            { type: 'strategy.set', params: { strategy: 'lazy' } },
            { type: 'cache.replace' },
          ],
        },
        replaceNode,
      ],
      question: {
        prompt: 'After the node is replaced, which strategy brings the hit rate back faster?',
        choices: [
          'Write-through: every write refills the cache at once',
          'Lazy loading: every read miss puts its row back',
          'Both the same: ElastiCache restores the keys from the old node',
        ],
        answer: 1,
        why: 'Reads are what the cache serves; lazy loading refills exactly what is read. Write-through refills only rows that happen to be written.',
      },
    },
  ],
};
