/**
 * The db-cache lesson steps: each makes the student *cause* one behaviour of caching in front
 * of a database (AWS's strategies, docs/aws/caching-strategies.md) and judges it on what
 * changed after their action (src/scenarios/framework/README.md, the authoring contract).
 */
import type { StepDefinition } from '../framework';
import { freshnessSteps } from './steps-freshness';
import { nodeSteps } from './steps-nodes';

export const steps: StepDefinition[] = [
  {
    id: 'cold-miss',
    title: 'A cold cache misses',
    narration: [
      'Users ask two app instances for products. The app code asks the ElastiCache node first; the node has just started, so it is empty — a cold cache. The simulation is paused.',
      'With lazy loading (cache-aside) the cache never talks to the database: on a miss the app itself queries RDS over its own connection, then writes the row into the cache. Press Play and follow one request through the statechart.',
    ],
    goalText: 'Press Play and see the first cache miss (CacheMisses rises above 0).',
    goal: { kind: 'metric', metric: 'CacheMisses', op: '>=', value: 1, delta: true },
    showMe: { actions: [], windowUs: 1_000_000 },
    question: 'What has to happen before anything can be read from an empty cache?',
    hints: [
      'Press Play (or Space). Watch App → cache (GET, “(nil)”), then App → RDS (SELECT) on a separate link, then App → cache (SET).',
    ],
    hintDelayMs: 15_000,
    explanation:
      'Every first read of a product missed: the app paid a cache round trip, a database round trip on its own link to RDS, and a cache write. That is the miss penalty of lazy loading — three trips, all made by the app.',
  },
  {
    id: 'warm-up',
    title: 'The warm-up curve',
    narration: [
      'Each miss leaves its row in the cache, so the next read of that product can hit. A few products are far more popular than the rest (Zipf skew).',
      'CacheHitRate in the metrics panel is hits ÷ (hits + misses) over the last 1-second period (CloudWatch reports it per minute). What shape will its curve have?',
    ],
    goalText: 'Let the cache warm up until CacheHitRate (per 1 s) reaches 80 %.',
    goal: { kind: 'metric', metric: 'CacheHitRate', op: '>=', value: 80, minRequests: 1000 },
    showMe: { actions: [], windowUs: 10_000_000 },
    question: 'Which products land in the cache first, and how much of the traffic do they carry?',
    hints: [
      'Use “Run ahead 5 s”, or raise the speed to 1 s/s or more to watch seconds of traffic as rates.',
      'A higher Zipf skew (Workload) makes the popular products even more popular, so the cache warms faster.',
    ],
    explanation:
      'The hit ratio rose fast while the most popular products were loaded, then flattened: the remaining misses are rarely read products. The database now answers only the misses.',
    unlocks: ['experiment'],
  },
  {
    id: 'stale-read',
    title: 'Lazy loading serves stale data',
    narration: [
      'Lazy loading writes to the cache only on a miss. Product 1 is the most popular and surely cached by now.',
      'Another system now updates product 1 in the database directly — you press the button. Will the next reads of product 1 see the new row? Play and watch its packets (“GET /products/1”).',
    ],
    goalText:
      'Update product 1 in the database, then see a read of product 1 return the old copy (a stale read of the product you updated).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'db.write' },
        {
          kind: 'event',
          event: 'request.completed',
          where: { stale: true, key: { fromAction: 'id', format: 'product:{}' } },
          says: 'stale read of the product you updated',
        },
      ],
    },
    showMe: { actions: [{ type: 'db.write', params: { id: 1 } }], windowUs: 2_000_000 },
    question: 'When a row changes in the database, what tells the cache?',
    hints: [
      'Under “Change the database directly”, keep product id 1 and press “Update this product in the database”, then press Play at a packet speed (10 ms/s or slower) and look for “value (stale)” packets (a run-ahead skips them).',
    ],
    explanation:
      'The database has the new row, but the cache still returns the old copy: nothing told it. With lazy loading and no TTL, that copy stays until something deletes, evicts or overwrites the key. (Stale reads in the metrics also count the app’s own writes: they change rows without touching the cache either.)',
  },
  ...freshnessSteps,
  ...nodeSteps,
];
