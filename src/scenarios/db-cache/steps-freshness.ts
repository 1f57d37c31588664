/**
 * db-cache steps on freshness: what a TTL does to keys cached before it (measured in the model:
 * db-cache-ttl.test.ts), flushing, invalidation on write, and write-through's churn
 * (docs/aws/caching-strategies.md).
 */
import type { StepDefinition } from '../framework';

export const freshnessSteps: StepDefinition[] = [
  {
    id: 'ttl',
    title: 'A TTL set late',
    narration: [
      'A time to live (TTL) makes a key expire: an expired key is a miss, and the next read loads the current row. The app adds the TTL when it writes the cache (SET … EX).',
      'Set a 5-second TTL now, with the cache already warm. Keep an eye on two numbers: Reclaimed (keys that expired) and Stale read rate.',
    ],
    goalText: 'Set a TTL of 5 s and see keys expire (Reclaimed rises by 20) within the next 10 s.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'ttl.set' },
        { kind: 'metric', metric: 'Expirations', op: '>=', value: 20, delta: true },
      ],
    },
    showMe: { actions: [{ type: 'ttl.set', params: { seconds: 5 } }], windowUs: 10_000_000 },
    question: 'A TTL is attached when a key is written. Which keys get one after you apply it?',
    hints: [
      'Set the TTL to 5 s under “Time to live”, press “Apply TTL”, then “Run ahead 5 s” twice.',
      'Then compare Stale read rate with what it was before: did it fall?',
    ],
    explanation:
      'Keys written after the change expire 5 s later — but the popular products were cached before it, without a TTL. Under lazy loading a key is written again only after a miss, and a hot key never misses: it never expires, and every app write to it leaves it stale for good. Measured in this model: a 5 s TTL set at 6 s still left a 67 % stale-read rate at 60 s, against 2 % with the TTL from the start.',
    correction: {
      claim: 'A TTL makes every cached copy expire, so staleness is bounded by the TTL.',
      truth:
        'Only for keys written after the TTL was set. Keys cached earlier keep no expiry; under lazy loading the hot ones are never rewritten, so they stay stale. Flush the cache (or wait for each key to be rewritten) after changing the TTL.',
      source: 'docs/aws/caching-strategies.md (TTL); measured in this simulator',
      wasTrue: false,
    },
  },
  {
    id: 'ttl-flush',
    title: 'Flush, then every key has a TTL',
    narration: [
      'The old keys have no expiry, so they will not leave on their own. FLUSHALL empties the cache: every key is missed once and written again — with the TTL this time.',
      'Run FLUSHALL in the Redis console below (or replace the node). What will the stale read rate do after the miss burst?',
    ],
    goalText:
      'Flush the cache, then keep Stale read rate below 10 % for 10 s in a row (at most one 5 s TTL old).',
    goal: {
      kind: 'sequence',
      goals: [
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'console', params: { target: 'redis', line: 'FLUSHALL' } },
            { kind: 'action', action: 'cache.replace' },
          ],
        },
        { kind: 'metric', metric: 'StaleReadRate', op: '<', value: 10, forUs: 10_000_000 },
      ],
    },
    showMe: {
      actions: [{ type: 'console', params: { target: 'redis', line: 'FLUSHALL' } }],
      windowUs: 15_000_000,
    },
    question: 'If old keys never expire, what would make them be written again?',
    hints: [
      'Type FLUSHALL in the Redis console and press Enter, then “Run ahead 5 s” a few times.',
    ],
    explanation:
      'After the flush every key was loaded again with the 5 s TTL, so a copy is at most 5 s old and the stale read rate fell to a few per cent: now the TTL does bound staleness. The flush cost a burst of misses on the database — on a busy system, plan it (or let keys be rewritten over time).',
  },
  {
    id: 'invalidate',
    title: 'Invalidate on write',
    narration: [
      'The TTL still lets a copy be up to 5 s old. When the app itself writes a row, it can also delete the cached key (DEL); the next read misses and loads the new row.',
      'Turn on “Invalidate on write” and watch the event log as the app’s own writes happen.',
    ],
    goalText: 'Turn on invalidation and see the app delete a key after one of its writes.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'invalidate.set', params: { enabled: true }, initial: false },
        { kind: 'event', event: 'cache.del', says: 'DEL from the app after its write' },
      ],
    },
    showMe: {
      actions: [{ type: 'invalidate.set', params: { enabled: true } }],
      windowUs: 2_000_000,
    },
    question: 'The app knows when it writes a row. What could it do to the cached copy right then?',
    hints: [
      'The toggle is in the “Caching strategy” box. Then press Play (a run-ahead skips the packets): about one request in ten is a write.',
    ],
    explanation:
      'Each app write now removes the cached copy, so the next read reloads it. Invalidation only covers writes the app makes itself — a change made by another system (like the database button) still goes unnoticed, which is why the TTL stays as the safety net.',
  },
  {
    id: 'write-through',
    title: 'Write-through: fresh, but churn',
    narration: [
      'Write-through updates the cache every time the app writes the database (still the app’s code: two writes per update). Cached data is not left stale by the app’s writes.',
      'But writes touch any of the 2,000 products, including ones nobody reads. Switch to write-through and watch Unread keys and Churn (written, never read).',
    ],
    goalText:
      'Switch to write-through and see 50 more keys written that nobody read (Unread keys or Churn (written, never read) rises by 50).',
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
    showMe: {
      actions: [{ type: 'strategy.set', params: { strategy: 'write-through' } }],
      windowUs: 5_000_000,
    },
    question: 'Which products does a write-through cache hold that lazy loading would not?',
    hints: [
      'Choose “Write-through” as the strategy, then “Run ahead 5 s”.',
      'A lower reads share (Workload) means more writes, so more churn.',
    ],
    explanation:
      'Every write landed in the cache whether or not anyone wanted it: that is write-through’s churn. The TTL lets those unread keys age out instead of filling the memory.',
  },
];
