/**
 * Quiz items for the multi-AZ failover lesson, in our own words. Predictions run in a fork of
 * the simulation before the step that shows the answer; items marked fromCourseNotes restate a
 * course note, and where the note is wrong the explanation says what is true today and why
 * (docs/aws/failover.md; facts sheet §0 and §3). Every option has its own `why`.
 */
import type { QuizItem } from '../framework';

export const quiz: QuizItem[] = [
  {
    id: 'predict-failover-writes',
    kind: 'predict',
    afterStep: 'replication',
    prompt:
      'You are about to call TestFailover. Over the 10 s after the call, how many writes will the app see acknowledged, compared with the 10 s before?',
    choices: [
      {
        id: 'same',
        text: 'About as many: a replica is standing by, so the switch is instant.',
        why: 'The replica has the data, but first the failure must be noticed (5 s), the replica promoted (2 s) and the apps’ DNS caches must let go of the old address.',
      },
      {
        id: 'fewer',
        text: 'Far fewer: writes stop for several seconds.',
        why: 'Right: detection, promotion and the DNS cache all pass before writes reach the new primary.',
      },
      {
        id: 'more',
        text: 'More: for a moment two primaries accept writes at once.',
        why: 'The old primary is failed first; ElastiCache never runs two primaries of a shard.',
      },
    ],
    answer: 'fewer',
    explanation:
      'A promotion is quick but not instant: ElastiCache detects the failure, promotes the least-lagged replica and repoints the primary endpoint, and each app keeps its cached DNS answer until its TTL runs out.',
    actions: [{ type: 'shard.testFailover', params: { group: 'orders', shard: 1 } }],
    periodUs: 10_000_000,
    observe: [{ metric: 'AcknowledgedWrites', as: 'change' }],
  },
  {
    id: 'manual-promotion',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'test-failover',
    prompt: 'A course note says a replica cannot be promoted to primary manually. Is that so?',
    choices: [
      {
        id: 'never',
        text: 'Yes: only ElastiCache’s automatic failover can promote a replica.',
        why: 'That is the note’s claim, and it is wrong: ModifyReplicationGroup can name a new primary.',
      },
      {
        id: 'multiaz-off',
        text: 'No: with Multi-AZ off, in a cluster-mode-disabled group, you can promote one.',
        why: 'Right: with Multi-AZ on, ElastiCache chooses the primary itself; with it off, you may.',
      },
      {
        id: 'always',
        text: 'No: any replica can be promoted at any time, Multi-AZ or not, cluster mode or not.',
        why: 'Manual promotion needs Multi-AZ off and cluster mode disabled.',
      },
    ],
    answer: 'multiaz-off',
    explanation:
      'The note is wrong. In a cluster-mode-disabled group with Multi-AZ turned off you can promote a replica yourself; with Multi-AZ on, ElastiCache picks the replica with the least replication lag when the primary fails.',
  },
  {
    id: 'test-failover-quota',
    kind: 'choice',
    afterStep: 'test-failover',
    prompt: 'How often may you call TestFailover?',
    choices: [
      {
        id: 'unlimited',
        text: 'As often as you like: it is only a test.',
        why: 'It really fails a node, so AWS limits it and may refuse it during large-scale events.',
      },
      {
        id: 'fifteen',
        text: 'On up to 15 shards in any rolling 24 hours.',
        why: 'Right (older pages say 5). Beyond that the API refuses the call.',
      },
      {
        id: 'once',
        text: 'Once per replication group, when it is created.',
        why: 'It can be repeated; within one cluster-mode-enabled group, wait until the previous replacement has finished.',
      },
    ],
    answer: 'fifteen',
    explanation:
      'TestFailover works per shard (node group), up to 15 shards in any rolling 24 hours. It is meant for testing your application’s reaction, not for operating the cache.',
  },
  {
    id: 'predict-reboot',
    kind: 'predict',
    afterStep: 'wait',
    prompt:
      'You are about to reboot the primary. Over the next 20 s, how many replicas will ElastiCache promote?',
    choices: [
      {
        id: 'one',
        text: 'One: the replica with the least replication lag, as in the failover.',
        why: 'A promotion follows a failure; a reboot you asked for is not one.',
      },
      {
        id: 'none',
        text: 'None.',
        why: 'Right: a customer-initiated reboot does not trigger a failover.',
      },
      {
        id: 'same-az',
        text: 'One, but only a replica in the primary’s own AZ.',
        why: 'A promotion may pick a replica in any AZ — and here there is no promotion at all.',
      },
    ],
    answer: 'none',
    explanation:
      'AWS says a reboot of the primary does not fail over. The node restarts empty behind the same endpoint, and its replicas then resync to that empty data set.',
    actions: [{ type: 'primary.reboot' }],
    periodUs: 20_000_000,
    observe: [{ metric: 'Failovers', as: 'change' }],
  },
  {
    id: 'predict-partition',
    kind: 'predict',
    afterStep: 'reboot',
    prompt:
      'You are about to cut the network around the primary’s AZ. Over the next 10 s, what will Stale reads do?',
    choices: [
      {
        id: 'rise',
        text: 'Rise: the replicas keep answering with what they had.',
        why: 'Right: reads still reach the replicas, which no longer get the primary’s writes.',
      },
      {
        id: 'flat',
        text: 'Stay flat: ElastiCache fails over to a replica straight away.',
        why: 'No node failed, so nothing triggers a failover.',
      },
      {
        id: 'fail',
        text: 'Stay flat: a replica cut off from its primary refuses all reads until it can sync again.',
        why: 'A replica keeps serving what it holds (replica-serve-stale-data is on by default).',
      },
    ],
    answer: 'rise',
    explanation:
      'The replicas keep serving, but every key written since the cut is stale on them. Replication lag is invisible to a plain GET.',
    actions: [{ type: 'primary.partition', params: { cut: true } }],
    periodUs: 10_000_000,
    observe: [{ metric: 'StaleReplicaReads', as: 'change' }],
  },
  {
    id: 'lost-writes',
    kind: 'choice',
    afterStep: 'partition',
    prompt: 'Which writes can a Multi-AZ failover lose?',
    choices: [
      {
        id: 'none',
        text: 'None: Multi-AZ keeps a synchronous copy in another AZ.',
        why: 'Replication in a replication group is asynchronous; Multi-AZ is about promotion, not synchronous copies.',
      },
      {
        id: 'all',
        text: 'All of them: the promoted replica starts empty and reloads from the database.',
        why: 'The replica keeps its data; only a node without replicas, or a whole lost shard, starts empty.',
      },
      {
        id: 'tail',
        text: 'The last writes the primary confirmed but had not yet sent to the promoted replica.',
        why: 'Right: exactly those past the promoted replica’s replication offset.',
      },
    ],
    answer: 'tail',
    explanation:
      'Acknowledged writes lost counts exactly these: writes the failed primary confirmed whose place in the replication stream lies past the promoted replica’s offset. WAIT can make the app wait for a replica, at the cost of latency.',
  },
  {
    id: 'one-az',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'one-az',
    prompt:
      'A group has a primary and two replicas, all in us-east-1a, and us-east-1a goes down. What happens?',
    choices: [
      {
        id: 'promote',
        text: 'A replica is promoted, as in any failover.',
        why: 'Every replica is in the failed AZ too: there is nothing running to promote.',
      },
      {
        id: 'lost',
        text: 'The group is unavailable until the AZ returns, then comes back empty.',
        why: 'Right: replacements wait for their AZ, and the whole shard lost means all data lost.',
      },
      {
        id: 'moved',
        text: 'ElastiCache recreates the three nodes in us-east-1b with their data.',
        why: 'Replacements go into the failed nodes’ own AZs and wait for it; their data is gone.',
      },
    ],
    answer: 'lost',
    explanation:
      'Spreading replicas over AZs is what makes Multi-AZ work: with every node in one AZ an AZ outage takes the whole shard, the replacements wait for that AZ, and the cache comes back cold. “If a node is down there is no issue” holds only when a replica elsewhere survives.',
  },
];
