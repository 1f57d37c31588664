/**
 * The db-cache lesson steps: each makes the student *see* one behaviour of caching in front of
 * a database (AWS's strategies, docs/aws/caching-strategies.md), checked on the simulator's own metrics.
 */
import type { StepDefinition } from '../framework';

export const steps: StepDefinition[] = [
  {
    id: 'cold-miss',
    title: 'A cold cache misses',
    narration: [
      'Users ask the two app instances for products. Each app asks the ElastiCache node (Redis) first. The node has just started, so it is empty: a cold cache.',
      'With lazy loading (cache-aside), a miss costs three trips — GET from the cache (miss), SELECT from the database, then SET the row into the cache — before the answer goes back. Watch the statechart follow one request through those states.',
    ],
    goalText: 'See a cache miss happen (CacheMisses above 0).',
    goal: { kind: 'metric', metric: 'CacheMisses', op: '>=', value: 1 },
    hints: ['Press Play (or Space) and watch the packets: a miss travels on to the database.'],
    hintDelayMs: 15_000,
    explanation:
      'Every first read of a product missed: the app paid the cache trip, the database trip and the cache write. That is the miss penalty of lazy loading.',
  },
  {
    id: 'warm-up',
    title: 'The warm-up curve',
    narration: [
      'Every miss leaves the row in the cache, so the next read of that product is a hit. A few products are far more popular than the rest (Zipf skew), so the hit ratio climbs quickly at first and then flattens.',
      'Watch the CacheHitRate sparkline in the metrics panel: it is the same CloudWatch metric you would watch in the AWS console.',
    ],
    goalText: 'Let the cache warm up until CacheHitRate reaches 80 %.',
    goal: { kind: 'metric', metric: 'CacheHitRate', op: '>=', value: 80, minRequests: 1000 },
    hints: [
      'At 1 ms/s the animation shows single requests; raise the speed to 1 s/s or more to watch seconds of traffic as rates (or use “Run ahead 5 s”).',
      'A higher Zipf skew (Workload) makes the popular products even more popular, so the cache warms faster.',
    ],
    explanation:
      'The hit ratio rose as the popular products landed in the cache; the database now answers only the misses, and latency fell with it.',
    unlocks: ['experiment'],
  },
  {
    id: 'stale-read',
    title: 'Lazy loading serves stale data',
    narration: [
      'Lazy loading only writes to the cache on a miss. If the row changes in the database afterwards, the cache keeps the old copy — and keeps serving it — until the key is deleted or expires.',
      'Product 1 is the most popular and surely cached by now. Change it in the database directly, then watch the stale reads: reads that returned a value different from the database at that moment.',
    ],
    goalText: 'Update product 1 in the database and see a stale read (StaleReads rises).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'db.write', fresh: true },
        { kind: 'metric', metric: 'StaleReads', op: '>=', value: 1, delta: true },
      ],
    },
    hints: [
      'Use “Update this product in the database” under Controls with product id 1, then “Run ahead 1 s”.',
    ],
    explanation:
      'The database has the new price but the cache still returns the old one. Nothing told the cache: with lazy loading and no TTL, that stale value stays until something removes the key.',
  },
  {
    id: 'invalidate',
    title: 'Invalidate on write',
    narration: [
      'A common fix: when the app writes a row, it also deletes the cached key (DEL). The next read misses and loads the fresh row.',
      'Turn on “Invalidate on write” and watch the cache deletions appear in the event log as the app’s own writes happen.',
    ],
    goalText: 'Turn on invalidation and see the app delete a key after a write.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'invalidate.set', params: { enabled: true }, initial: false },
        { kind: 'event', event: 'cache.del' },
      ],
    },
    hints: [
      'The toggle is in the “Caching strategy” box. Keep the simulation playing: writes are about one request in ten.',
    ],
    explanation:
      'Each write now removes the cached copy, so the next read reloads it. Invalidation only helps for writes the app makes itself — a change made by another system (like the button you used) still goes unnoticed, which is why a TTL is the safety net.',
  },
  {
    id: 'ttl',
    title: 'TTL bounds staleness',
    narration: [
      'A time to live (TTL) makes every cached copy expire after a while. A stale value can then live at most that long; an expired key counts as a miss and is reloaded.',
      'AWS recommends adding a TTL to whatever strategy you use, with a little random jitter so that many keys do not expire at once.',
    ],
    goalText:
      'Give cache writes a TTL and see keys expire (the Reclaimed / expirations count rises).',
    goal: { kind: 'metric', metric: 'Expirations', op: '>=', value: 1 },
    hints: [
      'Set the TTL to about 5 seconds, press “Apply TTL”, then “Run ahead 5 s”. Keys written after that expire 5 simulated seconds later.',
    ],
    explanation:
      'Keys now expire on their own: staleness is bounded by the TTL, at the cost of some extra misses (the hit ratio dips a little after each expiry wave).',
  },
  {
    id: 'write-through',
    title: 'Write-through: fresh, but churn',
    narration: [
      'Write-through updates the cache every time the database is written. Cached data is never stale, and the cost moves to writes (two writes per update) — users tolerate slow writes better than slow reads.',
      'But writes touch any product, including ones nobody reads: the cache fills with keys that are never read (churn), wasting memory. Watch the unread keys grow.',
    ],
    goalText:
      'Switch to write-through and see 50 more keys written that nobody read (UnreadKeys or ChurnKeys).',
    goal: {
      kind: 'sequence',
      goals: [
        {
          kind: 'setting',
          action: 'strategy.set',
          params: { strategy: 'write-through' },
          initial: false,
        },
        {
          // Without a TTL churn shows as keys piling up unread; with one, as unread keys expiring.
          kind: 'any',
          goals: [
            { kind: 'metric', metric: 'UnreadKeys', op: '>=', value: 50, delta: true },
            { kind: 'metric', metric: 'ChurnKeys', op: '>=', value: 50, delta: true },
          ],
        },
      ],
    },
    hints: [
      'Choose “Write-through” as the strategy, then “Run ahead 5 s”.',
      'A lower reads share (Workload) means more writes, so more churn.',
    ],
    explanation:
      'Every write landed in the cache whether or not anyone wanted it. That is write-through’s churn; a TTL lets the unread keys age out.',
  },
  {
    id: 'eviction',
    title: 'A full cache evicts',
    narration: [
      'A cache node has a fixed amount of memory (maxmemory). When it is full, Redis removes keys according to maxmemory-policy. ElastiCache’s default is volatile-lru: only keys that have a TTL can be evicted — with no TTL, writes fail with an out-of-memory error instead.',
      'Shrink the node’s memory and watch the Evictions metric (the CloudWatch name).',
    ],
    goalText: 'Make the cache evict keys (Evictions above 0).',
    goal: { kind: 'metric', metric: 'Evictions', op: '>=', value: 1 },
    hints: [
      'Set maxmemory to 1 MB, press “Apply memory settings”, then run ahead a few seconds.',
      'Under volatile-lru, keys need a TTL to be evictable — or choose allkeys-lru.',
    ],
    explanation:
      'The node hit maxmemory and removed keys by the policy you chose (approximated LRU: Redis samples a few keys and evicts the least recently used of them).',
  },
  {
    id: 'replace-lazy',
    title: 'Losing the node under lazy loading',
    narration: [
      'Cache nodes fail. ElastiCache replaces a failed node, but a single node without a replica comes back empty — its data is gone.',
      'Under lazy loading that is survivable: every read misses at first (a miss storm on the database), then the cache warms up again. Switch back to lazy loading, then replace the node.',
    ],
    goalText: 'Under lazy loading, replace the cache node and watch the hit ratio recover to 60 %.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'strategy.set', params: { strategy: 'lazy' }, initial: true },
        { kind: 'action', action: 'cache.replace', fresh: true },
        { kind: 'metric', metric: 'CacheMisses', op: '>=', value: 100, delta: true },
        { kind: 'metric', metric: 'CacheHitRate', op: '>=', value: 60 },
      ],
    },
    hints: [
      'Strategy: Lazy loading. Press “Replace cache node”, then “Run ahead 5 s”; watch DbQps jump and fall back.',
    ],
    explanation:
      'The database took the miss storm (DbQps and its CPU jumped), latency rose, and the cache refilled itself from the reads. Slower for a while, but no data was lost for good.',
    correction: {
      claim: 'If a node is down there is no issue, no data is lost.',
      truth:
        'Only with replicas (Multi-AZ). A single node, or a whole shard lost, comes back empty, as you just saw; even with replicas, asynchronous replication can lose the last writes at failover. A replica can also be promoted by hand when Multi-AZ is off.',
      source: 'AWS ElastiCache docs: Minimizing downtime with Multi-AZ; Mitigating failures',
    },
  },
  {
    id: 'replace-write-through',
    title: 'Losing the node under write-through',
    narration: [
      'Pure write-through only puts data in the cache when it is written. After a node replacement, a product that is not written again is simply missing from the cache — reads keep going to the database.',
      'That is why AWS suggests combining write-through with lazy loading.',
    ],
    goalText: 'Under write-through, replace the node and see the hit ratio stay below 30 %.',
    goal: {
      kind: 'sequence',
      goals: [
        {
          kind: 'setting',
          action: 'strategy.set',
          params: { strategy: 'write-through' },
          initial: false,
        },
        { kind: 'action', action: 'cache.replace', fresh: true },
        { kind: 'metric', metric: 'CacheHitRate', op: '<', value: 30, minRequests: 1500 },
      ],
    },
    hints: ['Strategy: Write-through, then “Replace cache node”, then “Run ahead 5 s”.'],
    explanation:
      'Reads missed and nothing refilled the cache except writes, so most products stayed missing. Write-through + lazy loading fixes it: misses repopulate, writes keep the data fresh.',
  },
];
