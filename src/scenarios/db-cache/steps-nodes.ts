/**
 * db-cache steps on the node itself: a full node (maxmemory-policy, refused writes —
 * docs/aws/memory-and-eviction.md) and losing the node under each strategy
 * (docs/aws/caching-strategies.md, docs/node-lifecycle.md).
 */
import type { StepDefinition } from '../framework';

export const nodeSteps: StepDefinition[] = [
  {
    id: 'eviction',
    title: 'A full cache evicts — or refuses writes',
    narration: [
      'A node’s memory (maxmemory) is fixed by its node type on ElastiCache. When it is full, the engine applies maxmemory-policy. ElastiCache’s default, volatile-lru, may only evict keys that have a TTL; when no key has one, writes are refused with an out-of-memory error.',
      'The simulator lets you shrink the memory directly (a shortcut: on AWS you would pick a smaller node type). Shrink it to 1 MB and keep volatile-lru. Which will you see: Evictions or Cache write errors?',
    ],
    goalText:
      'Shrink the memory to 1 MB and see the node evict keys (Evictions) or refuse writes (Cache write errors).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'cache.config' },
        {
          kind: 'any',
          goals: [
            { kind: 'metric', metric: 'Evictions', op: '>=', value: 1, delta: true },
            { kind: 'metric', metric: 'CacheWriteErrors', op: '>=', value: 1, delta: true },
          ],
        },
      ],
    },
    showMe: {
      actions: [{ type: 'cache.config', params: { maxmemoryMb: 1, policy: 'volatile-lru' } }],
      windowUs: 3_000_000,
    },
    question: 'When the node is full, which keys is volatile-lru allowed to remove?',
    hints: [
      'Under “Cache node memory”, set maxmemory to 1 MB, keep volatile-lru, press “Apply memory settings”, then run ahead a few seconds.',
      'Keys written with your TTL can be evicted; with the TTL at 0, look at Cache write errors and the “refused” lines in the event log instead.',
    ],
    explanation:
      'The node hit maxmemory. Keys with a TTL were evicted by approximated LRU (the engine samples a few keys and evicts the least recently used of them); if no key had a TTL, volatile-lru had nothing it may evict, so SETs were refused with “OOM command not allowed when used memory > ‘maxmemory’” while reads kept working — counted in Cache write errors.',
  },
  {
    id: 'replace-lazy',
    title: 'Losing the node under lazy loading',
    narration: [
      'Cache nodes fail. ElastiCache replaces a failed node behind the same endpoint, but a single node without a replica comes back empty.',
      'Switch back to lazy loading, then replace the node. What will the database see in the next seconds?',
    ],
    goalText:
      'Under lazy loading, replace the cache node: see the miss storm (CacheMisses +100), then CacheHitRate back at 60 %.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'strategy.set', params: { strategy: 'lazy' }, initial: true },
        { kind: 'action', action: 'cache.replace' },
        { kind: 'metric', metric: 'CacheMisses', op: '>=', value: 100, delta: true },
        { kind: 'metric', metric: 'CacheHitRate', op: '>=', value: 60 },
      ],
    },
    showMe: {
      actions: [
        { type: 'strategy.set', params: { strategy: 'lazy' } },
        { type: 'cache.config', params: { maxmemoryMb: 8, policy: 'volatile-lru' } },
        { type: 'cache.replace' },
      ],
      windowUs: 10_000_000,
    },
    question: 'An empty cache under lazy loading: where does every read go, and what refills it?',
    hints: [
      'Strategy: Lazy loading (and maxmemory back to 8 MB). Press “Replace cache node”, then “Run ahead 5 s”; watch Queries jump and fall back.',
    ],
    explanation:
      'The database took the miss storm (Queries and its CPUUtilization jumped), latency rose, and the reads refilled the cache by themselves. Slower for a while, but nothing was lost for good: the database still had every row.',
    correction: {
      claim: 'If a node is down there is no issue, no data is lost.',
      truth:
        'Only with replicas (Multi-AZ). A single node, or a whole shard lost, comes back empty — this step shows it; even with replicas, asynchronous replication can lose the last writes at failover.',
      source: 'docs/aws/failover.md',
      wasTrue: false,
    },
  },
  {
    id: 'replace-write-through',
    title: 'Losing the node under write-through',
    narration: [
      'Pure write-through puts data in the cache only when it is written. A read miss goes to the database and does not fill the cache.',
      'Switch to write-through and replace the node. How fast will the hit ratio come back this time?',
    ],
    goalText:
      'Under write-through, replace the node: CacheHitRate stays below 30 % for 10 s in a row.',
    goal: {
      kind: 'sequence',
      goals: [
        {
          kind: 'setting',
          action: 'strategy.set',
          params: { strategy: 'write-through' },
          initial: false,
        },
        { kind: 'action', action: 'cache.replace' },
        { kind: 'metric', metric: 'CacheHitRate', op: '<', value: 30, forUs: 10_000_000 },
      ],
    },
    showMe: {
      actions: [
        { type: 'strategy.set', params: { strategy: 'write-through' } },
        { type: 'cache.replace' },
      ],
      windowUs: 12_000_000,
    },
    question: 'Under write-through, what puts a product back into an empty cache?',
    hints: ['Strategy: Write-through, then “Replace cache node”, then “Run ahead 5 s” twice.'],
    explanation:
      'Reads missed and only writes refilled the cache — one product at a time, whichever was written — so the hit ratio crawled back over tens of seconds instead of a few. Write-through + lazy loading fixes it: misses repopulate, writes keep the data fresh.',
  },
];
