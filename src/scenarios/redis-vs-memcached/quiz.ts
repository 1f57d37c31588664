/**
 * Quiz items for the Redis-vs-Memcached lesson, in our own words: one prediction before the
 * first experiment (run in a fork), and the “which should I choose?” requirement cards — each
 * card offered at the step whose run shows the answer, its explanation pointing at that row of
 * the comparison table. Cards restate the course notes' use cases and exam tips; where a note
 * is outdated, the explanation says what is true today (facts sheet §0, §1, §4, §5;
 * docs/aws/memcached.md, docs/aws/snapshots.md, docs/aws/engines.md).
 */
import type { QuizItem } from '../framework';

const VALKEY = 'Valkey / Redis OSS';
const MEMCACHED = 'Memcached, node-based';
const EITHER = 'Either one fits';

export const quiz: QuizItem[] = [
  {
    id: 'predict-node-loss',
    kind: 'predict',
    afterStep: 'leaderboard',
    prompt:
      'You are about to kill one of the three Memcached nodes. Over the 10 s after, how many reads will the Memcached side send to the database, compared with the 10 s before?',
    choices: [
      {
        id: 'same',
        text: 'About as few as before: ElastiCache moves the dead node’s keys to the other two.',
        why: 'Node-based Memcached keeps no second copy: there is nothing to move. The node is replaced, empty.',
      },
      {
        id: 'third',
        text: 'Many more: the reads of the dead node’s keys, about a third, go to the database.',
        why: 'Right: the keys lived only on that node; until the app refills them, each read of one is a database read.',
      },
      {
        id: 'all',
        text: 'Every read: the client rebuilds its ring and every key changes node.',
        why: 'That is what hash mod N would do; the ketama ring keeps every other key on its node.',
      },
    ],
    answer: 'third',
    explanation:
      'Each key lives on one Memcached node. When it dies, its share of the keys (about 1/N) is gone, and every read of them falls through to the database until the app has put them back — the table’s “Keys lost when a node fails” row measures the share.',
    actions: [{ type: 'memcached.killNode', params: { node: 'mc-0002' } }],
    periodUs: 10_000_000,
    observe: [{ metric: 'McDatabaseReads', as: 'change' }],
  },
  {
    id: 'card-query-cache',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'same-workload',
    prompt:
      'Requirement card: cache the result of a read-heavy SQL query for five minutes; a miss only means one more database read. Which engine?',
    choices: [
      {
        id: 'valkey',
        text: VALKEY,
        why: 'Valkey does this well — but nothing in the card needs what only Valkey has.',
      },
      {
        id: 'memcached',
        text: MEMCACHED,
        why: 'Memcached does this well — but so does Valkey: the card asks for nothing either lacks.',
      },
      {
        id: 'either',
        text: EITHER,
        why: 'Right: plain keys with a TTL, and a miss is cheap. Both caches served the same reads from memory in the first step.',
      },
    ],
    answer: 'either',
    explanation:
      'A database query cache needs GET, SET and a TTL — both engines have them, and both answered every read of the shared workload (table: the live hits of both sides). Choose by the other requirements: data types, losing a node, backups, threads.',
  },
  {
    id: 'card-sessions',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'kill-valkey',
    prompt:
      'Requirement card: store web sessions on a node-based cache; losing a cache node must not log users out. Which engine?',
    choices: [
      {
        id: 'valkey',
        text: VALKEY,
        why: 'Right: the replica holds every session; after a failover none of the replicated keys was lost (table: “Keys lost when a node fails”, Valkey cell).',
      },
      {
        id: 'memcached',
        text: MEMCACHED,
        why: 'A dead node takes its third of the sessions with it (table: the Memcached cell of the same row). Serverless Memcached would replicate them.',
      },
      {
        id: 'either',
        text: EITHER,
        why: 'Only one of the two kept its keys when a node died in your runs; the other lost about a third.',
      },
    ],
    answer: 'valkey',
    explanation:
      'Node-based Memcached has no replicas: a node failure loses that node’s keys. A Valkey replication group with Multi-AZ promotes a replica that already holds them. (Serverless Memcached replicates across AZs, so for a serverless cache the answer would be either.)',
  },
  {
    id: 'card-backups',
    kind: 'choice',
    afterStep: 'restore',
    prompt:
      'Requirement card: a node-based cache that takes an hour to warm must be copied every night, so that a new cache can start from the copy. Which engine?',
    choices: [
      {
        id: 'valkey',
        text: VALKEY,
        why: 'Right: a snapshot (an RDB file in S3) restores into a new cache with every key (table: the restore row’s Valkey cell).',
      },
      {
        id: 'memcached',
        text: MEMCACHED,
        why: 'Node-based Memcached cannot be backed up; your rebooted node came back with 0 keys (the restore row’s Memcached cell).',
      },
      {
        id: 'either',
        text: EITHER,
        why: 'Backups exist for Valkey, Redis OSS and serverless Memcached — not for node-based Memcached.',
      },
    ],
    answer: 'valkey',
    explanation:
      'Snapshots exist for Valkey, Redis OSS and serverless Memcached; restoring always creates a new cache. A node-based Memcached cluster has nothing to restore from, so it starts empty and warms from the database.',
  },
  {
    id: 'card-leaderboard',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'leaderboard',
    prompt:
      'Requirement card: a live top-10 of player scores, updated from many app servers at once. Which engine?',
    choices: [
      {
        id: 'valkey',
        text: VALKEY,
        why: 'Right: ZINCRBY is one small round trip and the server orders the set (table: the leaderboard rows, Valkey column).',
      },
      {
        id: 'memcached',
        text: MEMCACHED,
        why: 'It works with gets/cas, but each update moves the whole list twice and retries on every conflict (table: the Memcached column).',
      },
      {
        id: 'either',
        text: EITHER,
        why: 'Both boards were correct, but one side needed far more round trips and bytes for the same updates.',
      },
    ],
    answer: 'valkey',
    explanation:
      'Sorted sets keep the ordering on the server: an update is one command, and concurrent updates never conflict. With Memcached’s strings the app reads, changes and writes back the whole list, and CAS conflicts grow with the number of writers.',
  },
  {
    id: 'card-pubsub',
    kind: 'choice',
    afterStep: 'leaderboard',
    prompt:
      'Requirement card: when a price changes, tell every connected app server at once (publish/subscribe). Which engine?',
    choices: [
      {
        id: 'valkey',
        text: VALKEY,
        why: 'Right: PUBLISH and SUBSCRIBE are Valkey commands; try them in the Redis console.',
      },
      {
        id: 'memcached',
        text: MEMCACHED,
        why: 'Memcached’s protocol has storage and retrieval commands only; no messaging.',
      },
      {
        id: 'either',
        text: EITHER,
        why: 'Only one of the two engines has a pub/sub command at all.',
      },
    ],
    answer: 'valkey',
    explanation:
      'Pub/sub, transactions (MULTI/EXEC), Lua scripts and rich types (lists, hashes, sets, sorted sets, streams) exist on the Valkey side only; Memcached stores opaque values under keys.',
  },
  {
    id: 'card-simple-threads',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'scale-out',
    prompt:
      'Requirement card: cache rendered page fragments (plain strings) on big multi-core nodes; losing some on a node failure is fine, and the team scales out by adding nodes. Which engine fits best?',
    choices: [
      {
        id: 'valkey',
        text: VALKEY,
        why: 'It would work, but its commands run on one main thread, and the card needs none of its extras.',
      },
      {
        id: 'memcached',
        text: MEMCACHED,
        why: 'Right: multithreaded on every core, simple strings, and on the ring a new node moves only about 1/(N+1) of the keys (table: scale-out row).',
      },
      {
        id: 'either',
        text: EITHER,
        why: 'Both can, but only one uses all of a big node’s cores for commands.',
      },
    ],
    answer: 'memcached',
    explanation:
      'Memcached is multithreaded (its worker threads use all cores), while Valkey and Redis OSS run commands on one main thread. With a consistent-hashing client, adding a node keeps most keys hot — the scale-out row measured it. The CPU row (a later step) measures the threads: under the same rising load Memcached’s CPUUtilization climbs on every core while Valkey’s main thread fills one (facts sheet §4).',
  },
];
