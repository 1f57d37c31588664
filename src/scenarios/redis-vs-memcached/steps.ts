/**
 * The Redis-vs-Memcached lesson: the same workload on a node-based Memcached cluster and a
 * Valkey replication group, and experiments the student runs to fill the comparison table
 * (comparison.ts) with measured figures. Facts: docs/aws/memcached.md, docs/aws/snapshots.md,
 * docs/failover.md, docs/endpoints.md (facts sheet §1, §4, §5). Goals judge what changed after
 * the student's action (src/scenarios/framework/README.md).
 */
import type { StepDefinition } from '../framework';

export const steps: StepDefinition[] = [
  {
    id: 'same-workload',
    title: 'One workload, two caches',
    narration: [
      'Two caches on the same node type: a node-based Memcached cluster of three nodes (mc-0001 to mc-0003, one per AZ) and a Valkey replication group with a primary (valkey-001) and one replica (valkey-002), Multi-AZ on. Both start warm: every one of the app’s 3,000 keys is cached in each.',
      'Each app instance sends every request to both: a read is cache-aside (GET; on a miss the app reads the database and stores the value), a write stores a new value. The Memcached client finds the nodes through the configuration endpoint (Auto Discovery) and puts each key on one node with a ketama ring. Press Play and watch both answer the same reads.',
    ],
    goalText:
      'Press Play and let both caches answer reads (GetHits (Memcached) rises by 300 — the Valkey side answers the same reads).',
    goal: { kind: 'metric', metric: 'McHits', op: '>=', value: 300, delta: true },
    showMe: { actions: [], windowUs: 5_000_000 },
    question: 'The same key, asked of both caches: where does each one keep it?',
    hints: [
      'Press Play. Click a Memcached node: each holds about a third of the keys. Click valkey-002: the replica holds them all.',
      'Database reads (Memcached side) and Database reads (Valkey side) stay at 0 while both caches are warm.',
    ],
    explanation:
      'Both caches answered every read from memory, so neither side sent a read to the database. But they hold the keys differently: each Memcached node has its own third of them (the client’s ring decides which), with no copy anywhere else; the Valkey primary holds all of them and streams every write to its replica in another AZ.',
  },
  {
    id: 'leaderboard',
    title: 'A leaderboard: sorted set vs gets/cas',
    narration: [
      'A game keeps a top-10 of player scores, updated by several app threads at once. Valkey has a sorted set: ZINCRBY adds points to a player on the server. Memcached stores strings only: the board is one serialised list, and to change it safely each writer reads it with gets (which returns a CAS token), changes it, and writes it back with cas — which fails with EXISTS if someone else wrote first, and the writer starts over.',
      'Before you run it: which side will need more round trips for the same 200 updates, and how many more bytes? Then press “Run the leaderboard” (4 workers, 20 players).',
    ],
    goalText:
      'Run the leaderboard on both systems until it finishes (the Leaderboard run cells are filled).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'leaderboard.run' },
        { kind: 'metric', metric: 'LeaderboardMemcachedRun', op: '>=', value: 1, delta: true },
      ],
    },
    showMe: {
      actions: [{ type: 'leaderboard.run', params: { updates: 200, players: 20, workers: 4 } }],
      windowUs: 20_000_000,
    },
    question:
      'If two workers read the same list, each adds its points and writes it back, what happens to one of the updates without CAS?',
    hints: [
      'Press “Run the leaderboard” and play for a few seconds.',
      'Read the leaderboard rows: round trips, bytes, and the CAS conflicts on the Memcached side.',
    ],
    explanation:
      'Each ZINCRBY is one round trip of a few dozen bytes, and the server applies concurrent updates one after another — none is lost. On Memcached every update costs at least two round trips (gets and cas) carrying the whole list both ways, and every CAS conflict adds two more. Without cas, the second writer would silently overwrite the first one’s points. Both boards end with the same scores: the cas loop is correct, just costly — and it gets worse as the list grows (try 200 players).',
  },
  {
    id: 'kill-memcached',
    title: 'Kill a Memcached node',
    narration: [
      'Node-based Memcached has no replicas: each key lives on exactly one node. Before you act, decide what the app will feel when one of the three nodes dies — and what happens to the keys it held.',
      'Press “Kill a Memcached node” (or crash a node from its panel on the canvas). The comparison table fills its “Keys lost when a node fails” row from the nodes’ own contents at that instant.',
    ],
    goalText:
      'Kill a Memcached node and watch the database take over its reads (Database reads (Memcached side) rises by 200 after the kill).',
    goal: {
      kind: 'sequence',
      goals: [
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'memcached.killNode' },
            { kind: 'action', action: 'node.crash' },
          ],
        },
        { kind: 'metric', metric: 'McDatabaseReads', op: '>=', value: 200, delta: true },
      ],
    },
    showMe: {
      actions: [{ type: 'memcached.killNode', params: { node: 'mc-0002' } }],
      windowUs: 20_000_000,
    },
    question:
      'When the only copy of a key is on the node that died, where can the app get its value now?',
    hints: [
      'Press “Kill a Memcached node” (mc-0002 by default), then Play for a few seconds.',
      'Watch Database reads (Memcached side) against Database reads (Valkey side), and the table’s first row.',
    ],
    explanation:
      'The dead node’s keys were gone with its process: about a third of them (the table shows your run’s exact share, close to 1/3 for three nodes). Every read of those keys now goes to the database — a miss storm that the Valkey side, running the same requests, does not have. ElastiCache replaces the node behind the same endpoint, empty. The row also shows what consistent hashing promises: a ring without that node would send exactly the lost keys to the other two nodes and move nothing else.',
  },
  {
    id: 'kill-valkey',
    title: 'Kill the Valkey primary',
    narration: [
      'Now the same failure on the Valkey side: its primary’s engine process dies. The replica in the other AZ has been receiving every write.',
      'Press “Kill the Valkey primary”. The table’s Valkey cell in the same row is filled once ElastiCache has promoted the replica: it counts, of the keys the replica held at the crash, how many the new primary lacks.',
    ],
    goalText:
      'Kill the Valkey primary and let the failover finish (the Node-loss run (Valkey) cell is filled after the promotion).',
    goal: {
      kind: 'sequence',
      goals: [
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'valkey.killPrimary' },
            { kind: 'action', action: 'node.crash' },
          ],
        },
        { kind: 'metric', metric: 'NodeLossRedisRun', op: '>=', value: 1, delta: true },
      ],
    },
    showMe: { actions: [{ type: 'valkey.killPrimary' }], windowUs: 30_000_000 },
    question: 'Which node answers the app’s GETs after the primary dies, and what does it hold?',
    hints: [
      'Press “Kill the Valkey primary” and play for about 10 seconds at 1 s/s.',
      'Watch the failover statechart and valkey-002’s card: it becomes the primary.',
    ],
    explanation:
      'ElastiCache detected the failure (5 s) and promoted the replica, which already held the data: none of the replicated keys was lost, and Database reads (Valkey side) barely moved — the requests waited in the client’s queue and went to the new primary. What a failover can lose is the last writes the old primary had not yet streamed (the table counts them too). Serverless Memcached would also survive this: it replicates across AZs; node-based Memcached does not.',
  },
  {
    id: 'restore',
    title: 'Back up and restore vs reboot',
    narration: [
      'Replication protects against a node failing. A backup protects against losing the whole cache: a snapshot is a point-in-time copy in S3, and restoring it always creates a new cache.',
      'Press “Back up Valkey and restore”: the primary’s data is written as the engine’s own RDB file and loaded into a new cache. Then press “Reboot a Memcached node”: node-based Memcached cannot be backed up, so nothing is restored when it comes back (about 60 s).',
    ],
    goalText:
      'Restore Valkey from a snapshot and reboot a Memcached node until it is back (both cells of the restore row filled).',
    goal: {
      kind: 'all',
      goals: [
        {
          kind: 'sequence',
          goals: [
            { kind: 'action', action: 'valkey.restore' },
            { kind: 'metric', metric: 'RestoreRedisRun', op: '>=', value: 1 },
          ],
        },
        {
          kind: 'sequence',
          goals: [
            {
              kind: 'any',
              goals: [
                { kind: 'action', action: 'memcached.reboot' },
                { kind: 'action', action: 'node.reboot' },
              ],
            },
            { kind: 'metric', metric: 'RestoreMemcachedRun', op: '>=', value: 1, delta: true },
          ],
        },
      ],
    },
    showMe: {
      actions: [
        { type: 'valkey.restore' },
        { type: 'memcached.reboot', params: { node: 'mc-0001' } },
      ],
      windowUs: 90_000_000,
    },
    question: 'Where would a rebooted Memcached node get its keys back from?',
    hints: [
      'Press “Back up Valkey and restore”, then “Reboot a Memcached node” (mc-0001), and run ahead about a minute.',
      'The restore row fills in two steps: the Valkey cell at once, the Memcached cell when the node is back.',
    ],
    explanation:
      'The new Valkey cache held every key the snapshot had: an RDB file carries the data (the table shows its size). The rebooted Memcached node came back with 0 keys — node-based Memcached has no snapshots and no replicas, so the app refills it from the database, one miss at a time. Serverless Memcached does support snapshots: for a serverless cache the answer changes.',
    correction: {
      claim: 'The course notes list “data durability using AOF persistence” as Redis’s answer.',
      truth:
        'ElastiCache does not support AOF from Redis OSS 2.8.22 on; replicas with Multi-AZ failover and RDB snapshots in S3 took its place.',
      source: 'docs/aws/snapshots.md',
      wasTrue: true,
    },
  },
  {
    id: 'scale-out',
    title: 'Scaling out: a Memcached node, a Valkey shard',
    narration: [
      'A Memcached cluster grows by adding nodes, and the client decides where keys go. With a ketama ring, a new node takes over small arcs of the ring from every node; with a naive hash mod N, the divisor changes for every key. Valkey with cluster mode enabled grows by adding a shard: the 16,384 hash slots are rebalanced onto it, online, and each slot’s keys move with it.',
      'Predict, for a fourth Memcached node, the share of keys that would move to another node under each rule — and for a third Valkey shard, the share of slots that move and how many keys are lost. Then press “Add a Memcached node” and “Add a Valkey shard” (a two-shard cluster-mode-enabled copy of the Valkey data gets a third shard; the resharding takes about half a minute).',
    ],
    goalText:
      'Measure both scale-outs: three to four Memcached nodes, two to three Valkey shards (both Scale-out run cells filled).',
    goal: {
      kind: 'all',
      goals: [
        {
          kind: 'sequence',
          goals: [
            { kind: 'action', action: 'scaleOut.measure' },
            { kind: 'metric', metric: 'ScaleOutMemcachedRun', op: '>=', value: 1 },
          ],
        },
        {
          kind: 'sequence',
          goals: [
            { kind: 'action', action: 'valkey.addShard' },
            { kind: 'metric', metric: 'ScaleOutRedisRun', op: '>=', value: 1 },
          ],
        },
      ],
    },
    showMe: {
      actions: [{ type: 'scaleOut.measure' }, { type: 'valkey.addShard' }],
      windowUs: 60_000_000,
    },
    question: 'A key whose node changes: is its value on the new node yet?',
    hints: [
      'Press “Add a Memcached node” and “Add a Valkey shard”, then run ahead a minute.',
      'Compare the ring’s share of moved keys with hash mod N’s, and the Valkey cell’s keys lost, in the scale-out row.',
    ],
    explanation:
      'On the ring about a quarter of the keys moved (1/(N+1) for N = 3) — all of them to the new node — and the rest stayed where their values are, so they stay hits. With hash mod N about three quarters moved: right after such a change most reads miss and go to the database. That is why AWS recommends consistent hashing for Memcached clients. On Valkey a third of the slots (1/(N+1) for N = 2) moved to the new shard, and ElastiCache moved each slot’s keys with it — CLUSTER SETSLOT and MIGRATE, a few keys at a time, while clients kept working (ASK, then MOVED) — so no key was lost and nothing had to be refilled from the database. The cost is time: the resharding took the seconds the table shows, and AWS advises doing it when CPU is low.',
  },
  {
    id: 'limits',
    title: 'Item size and TTL rules',
    narration: [
      'Two rules the exam likes, asked of the engines themselves. Memcached stores items up to 1 MB by default; a Valkey string may be far larger. And a TTL: Memcached reads an expiry time of more than 30 days as an absolute Unix time, while Valkey’s EX is always a number of seconds from now.',
      'Predict what a 31-day TTL does on each side. Then press “Test item size and TTL”: the largest value each one stores, and a 30-day and a 31-day TTL, go into the table (the probe keys are deleted after).',
    ],
    goalText: 'Test the item size and TTL rules (the Limits run cell is filled).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'limits.measure' },
        { kind: 'metric', metric: 'LimitsMemcachedRun', op: '>=', value: 1 },
      ],
    },
    showMe: { actions: [{ type: 'limits.measure' }], windowUs: 2_000_000 },
    question: 'What moment is 2,678,400 seconds after 1 January 1970?',
    hints: ['Press “Test item size and TTL”.', 'Read the last two rows of the table.'],
    explanation:
      'Memcached’s largest value was a little under 1 MB — the limit counts the item’s header and key — and one byte more was refused as “object too large”. Valkey stored and read back a 2 MB string. A 31-day TTL kept the key on Valkey, but on Memcached the key was gone at once: 2,678,400 is more than 30 days, so memcached read it as a Unix time, 1 February 1970 — long past. To keep an item longer than 30 days, give Memcached an absolute Unix time in the future.',
  },
  {
    id: 'cpu',
    title: 'CPU: one main thread vs a thread per vCPU',
    narration: [
      'Memcached is multithreaded: ElastiCache runs one worker thread per vCPU, and each client connection is served by one of them. Valkey and Redis OSS execute every command on one main thread; on nodes with 4 or more vCPUs, enhanced I/O moves the socket reading and writing to other cores, but the commands still run one at a time.',
      'CloudWatch shows this with two metrics: CPUUtilization is the whole host, all vCPUs; EngineCPUUtilization (Valkey/Redis OSS only) is the main thread’s share of its one core. Predict both for Valkey on a 4-vCPU node whose main thread is full. Then press “Ramp up the load”: a load-test node of each engine, same node type, gets the same requests, rising step by step to the peak.',
    ],
    goalText: 'Ramp up the load on both engines until the ramp ends (the CPU run cell is filled).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'cpu.ramp' },
        { kind: 'metric', metric: 'CpuRedisRun', op: '>=', value: 1, delta: true },
      ],
    },
    showMe: {
      actions: [{ type: 'cpu.ramp', params: { nodeType: 'cache.m7g.xlarge', peak: 400_000 } }],
      windowUs: 4_000_000,
    },
    question:
      'A thread can use at most one core: what share of a 4-vCPU host is one full thread, and what do the other cores do?',
    hints: [
      'Keep cache.m7g.xlarge (4 vCPUs) and 400,000 requests/s, press “Ramp up the load” and play for 2 s.',
      'Watch EngineCPUUtilization now (Valkey, CPU ramp) reach 100 % while CPUUtilization now (Valkey, CPU ramp) stays under 50 %; then read the CPU row. Try 8 vCPUs, or a lower peak.',
    ],
    explanation:
      'Valkey’s main thread filled its core (EngineCPUUtilization 100 %) at the load the table shows, while CPUUtilization stayed under half: the other cores only ran the I/O threads. From then on more load only made requests wait in line behind the main thread. Memcached ran the same requests on all its worker threads, so its CPUUtilization kept rising with the load and nothing waited. That is why AWS says to watch EngineCPUUtilization on Valkey/Redis OSS nodes with 4 or more vCPUs — CPUUtilization can look calm while the engine is saturated — and why scaling Valkey’s command execution means more shards (cluster mode), not only more vCPUs. The figures come from the simulator’s CPU model (docs/cpu-model.md): per-request costs are ours, the threads are as AWS describes them.',
  },
];
