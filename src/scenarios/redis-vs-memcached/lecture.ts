/**
 * The Redis-vs-Memcached e-lecture (#/present/redis-vs-memcached): one workload on both caches,
 * the leaderboard, a node lost on each side, restore vs reboot, and a scale-out. AWS facts:
 * docs/aws/memcached.md, docs/aws/snapshots.md, docs/failover.md, docs/endpoints.md. The
 * numbers in the notes were measured on this script with its seed (lecture-contract.test.ts
 * walks it); the comparison table under the canvas shows them with their runs.
 */
import { act, run, type LectureDefinition } from '../../ui/present';

const killMemcached = {
  label: 'Kill a Memcached node',
  description:
    'mc-0002’s process dies: its third of the keys is gone; the database takes its reads.',
  actions: [{ type: 'memcached.killNode', params: { node: 'mc-0002' } }],
};

export const redisVsMemcachedLecture: LectureDefinition = {
  scenario: 'redis-vs-memcached',
  title: 'Redis vs Memcached, measured',
  seed: 42,
  slides: [
    {
      id: 'same-workload',
      title: 'One workload, two caches',
      caption:
        'Every request goes to both: a node-based Memcached cluster of three nodes and a Valkey primary with one replica.',
      notes: [
        'Same node type on both sides (cache.m7g.large). Both start warm: all 3,000 keys cached.',
        'Memcached: the client finds the nodes through the configuration endpoint (Auto Discovery) and places each key on one node with a ketama ring — each node holds about a third.',
        'Valkey: the primary holds every key and streams each write to the replica in another AZ.',
      ],
      script: [run(5)],
      faults: [killMemcached],
    },
    {
      id: 'leaderboard',
      title: 'A leaderboard: sorted set vs gets/cas',
      caption:
        'The same 200 score updates from 4 workers: one ZINCRBY each, or gets + cas on a serialised list, retried on conflict.',
      notes: [
        'Measured on this script: Valkey 201 round trips and about 14 KB; Memcached 777 round trips, 188 CAS conflicts and about 276 KB.',
        'Both boards end with the same scores: cas makes it correct, not cheap. Without cas, concurrent writers overwrite each other’s points.',
      ],
      script: [act('leaderboard.run', { updates: 200, players: 20, workers: 4 }), run(10)],
      question: {
        prompt:
          'Four workers update one Memcached list with gets/cas. What costs the extra round trips?',
        choices: [
          'Memcached replicates each write to a second node',
          'A cas fails with EXISTS when another worker wrote first, and the update starts over',
          'Each gets has to ask the configuration endpoint where the key is',
        ],
        answer: 1,
        why: 'cas stores only if the item is unchanged since the gets; a conflict means read again and try again — two more round trips, the whole list both ways.',
      },
    },
    {
      id: 'kill-memcached',
      title: 'A Memcached node dies',
      caption:
        'Node-based Memcached keeps no copies: the node’s keys die with it, and their reads go to the database.',
      notes: [
        'Measured on this script: 35.4 % of the keys lost (1,061 of 3,001), and about 1,000 reads went to the database in the next 15 s on the Memcached side — none on the Valkey side.',
        'A ring without the node would move exactly those keys and nothing else: the point of consistent hashing.',
        'Serverless Memcached replicates across AZs: for it, this slide would look different.',
      ],
      script: [act('memcached.killNode', { node: 'mc-0002' }), run(15)],
    },
    {
      id: 'kill-valkey',
      title: 'The Valkey primary dies',
      caption:
        'Multi-AZ promotes the replica, which already holds the data: no replicated key is lost.',
      notes: [
        'Measured on this script: 0 of 3,001 replicated keys lost; the replica was promoted 7 s after the crash (5 s detection, then promotion).',
        'What a failover can lose is the writes not yet streamed to the replica: 0 here, counted in the table.',
        'Database reads on the Valkey side stayed at 0: requests waited in the client’s queue.',
      ],
      script: [act('valkey.killPrimary'), run(15)],
    },
    {
      id: 'restore',
      title: 'Restore vs reboot',
      caption:
        'A Valkey snapshot restores into a new cache with every key. A rebooted node-based Memcached node comes back empty.',
      notes: [
        'Measured on this script: 3,001 of 3,001 keys restored from a 105 KB RDB file; mc-0001 held 1,004 keys and came back with 0.',
        'Snapshots exist for Valkey, Redis OSS and serverless Memcached — not node-based Memcached. The course notes’ “AOF persistence” is legacy: not supported from Redis OSS 2.8.22 on.',
      ],
      script: [act('valkey.restore'), act('memcached.reboot', { node: 'mc-0001' }), run(70)],
    },
    {
      id: 'scale-out',
      title: 'Adding a Memcached node',
      caption:
        'On a ketama ring about 1/(N+1) of the keys move to a new node; with hash mod N most of them do.',
      notes: [
        'Measured on this script over the keys the nodes held: 23.3 % move on the ring, 72.7 % with hash mod N (3 → 4 nodes).',
        'A moved key is a miss until refilled. Valkey with cluster mode enabled moves slots together with their keys: the lesson’s “Add a Valkey shard” measures it on a cluster-mode-enabled copy of the data (this group has cluster mode disabled).',
      ],
      script: [act('scaleOut.measure'), run(1)],
      question: {
        prompt: 'Three nodes become four. What share of keys changes node on a ketama ring?',
        choices: ['About 1/4', 'About 3/4', 'All of them', 'None'],
        answer: 0,
        why: 'The new node takes small arcs from every node: about 1/(N+1) of the keys. hash mod N changes the divisor for every key, so about N/(N+1) move.',
      },
    },
  ],
};
