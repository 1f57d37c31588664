/**
 * The Multi-AZ failover e-lecture (#/present/multi-az-failover): replication, TestFailover, a
 * real failure with WAIT, a reboot, a partition, and Multi-AZ off. AWS facts:
 * docs/aws/failover.md (TestFailover, triggers, Multi-AZ off) and
 * docs/aws/replication-groups.md; what the simulator does and how long each step takes:
 * docs/failover.md. The numbers in the notes were measured on this script with its seed
 * (lecture-contract.test.ts walks it).
 */
import { act, run, type LectureDefinition } from '../../ui/present';

const crash = {
  label: 'Fail the primary',
  description: 'The primary node fails: detection, promotion of the replica with the least lag.',
  actions: [{ type: 'primary.crash' }],
};

export const multiAzFailoverLecture: LectureDefinition = {
  scenario: 'multi-az-failover',
  title: 'Multi-AZ failover, measured',
  seed: 42,
  slides: [
    {
      id: 'replication',
      title: 'One primary, two replicas',
      caption:
        'Writes go to the primary; it streams them to replicas in two other AZs, which serve the reads.',
      notes: [
        'A Valkey replication group, cluster mode disabled: orders-001 in us-east-1a, replicas in us-east-1b and us-east-1c, Multi-AZ on.',
        'Replication is asynchronous: the primary answers a write at once and streams it afterwards. Each replica card shows its offset and how far behind it is.',
        'The apps cache the endpoints’ DNS names for 15 s.',
      ],
      script: [run(5)],
      faults: [crash],
    },
    {
      id: 'test-failover',
      title: 'Rehearsing a failover',
      caption:
        'TestFailover fails the primary on purpose: a replica is promoted, and writes stop for a few seconds.',
      notes: [
        'TestFailover is limited to 15 shards in any rolling 24 hours. AWS says writes resume “typically just a few seconds” after promotion.',
        'Here detection takes 5 s and promotion 2 s — but the apps cached the old address for up to 15 s, so Seconds without writes is the longer of the two: about 11 s measured on this script, with 1 acknowledged write lost.',
        'Watch the failover statechart and the events list: “Test Failover API called” … “Recovering cache nodes”.',
      ],
      script: [act('shard.testFailover', { group: 'orders', shard: 1 }), run(30)],
      question: {
        prompt:
          'Promotion takes seconds. What makes the apps wait longer before their writes succeed?',
        choices: [
          'The replica must first copy the whole data set',
          'The apps keep using the old primary’s address until their DNS cache expires',
          'ElastiCache blocks writes until the replacement node is in sync',
        ],
        answer: 1,
        why: 'The primary endpoint is a DNS name. It is repointed at once, but a client that cached the old answer keeps sending writes to the failed node until the TTL runs out.',
      },
    },
    {
      id: 'wait-and-crash',
      title: 'A real failure, with WAIT',
      caption: 'WAIT 1 makes each write wait for a replica. Then the primary fails for real.',
      notes: [
        'Without WAIT, writes the primary confirmed but had not streamed yet are lost in a failover: Acknowledged writes lost counts them.',
        'With WAIT 1, the app is told “done” only once a replica has the write. The cost is Write latency: a round trip to a replica for every write.',
        'WAIT makes loss visible to the app; it does not make replication synchronous.',
        'Measured on this script: Acknowledged writes lost stays at 1 (the one from the rehearsal); Seconds without writes about 15 s.',
      ],
      script: [run(170), act('wait.set', { on: true }), run(5), act('primary.crash'), run(20)],
      faults: [crash],
    },
    {
      id: 'reboot',
      title: 'A reboot is not a failure',
      caption:
        'A reboot you ask for never fails over: the primary restarts empty, and the replicas copy the empty data set.',
      notes: [
        'The failover controller stays “healthy”: no replica is promoted, and writes wait until the node is back.',
        'Then both replicas do a full sync from the empty primary: every key written before the reboot is gone.',
        'Measured on this script: Seconds without writes about 61 s.',
        'WAIT is turned off first, so writes queued during the reboot do not each wait for a replica.',
      ],
      script: [run(180), act('wait.set', { on: false }), act('primary.reboot'), run(90)],
      question: {
        prompt: 'Multi-AZ is on and the primary is rebooted from the console. What happens?',
        choices: [
          'A replica is promoted, as in a failure',
          'No failover: the primary restarts empty and the replicas resync from it',
          'Nothing is lost: the replicas keep the data and give it back',
        ],
        answer: 1,
        why: 'AWS: a customer-initiated reboot of the primary does not trigger failover; a rebooted node comes back empty, and its replicas follow it.',
      },
    },
    {
      id: 'partition',
      title: 'A network partition',
      caption:
        'The primary’s AZ is cut off. Nothing failed, so nothing fails over — and the replicas serve older and older data.',
      notes: [
        'The primary keeps taking writes; the replicas stop receiving the stream; the apps keep reading from them.',
        'Watch Stale reads climb: about 475 more in these 10 s on this script. Heal the partition (key 1) and the replicas catch up — partially if the backlog still holds what they missed.',
      ],
      script: [act('primary.partition', { cut: true }), run(10)],
      faults: [
        {
          label: 'Heal the partition',
          description: 'Reconnects the primary’s AZ: the replicas resync.',
          actions: [{ type: 'primary.partition', params: { cut: false } }],
        },
      ],
    },
    {
      id: 'multi-az-off',
      title: 'Multi-AZ off',
      caption:
        'Without Multi-AZ no replica is promoted: a new node replaces the primary and copies a replica first. Minutes, not seconds.',
      notes: [
        'The partition is healed, Multi-AZ turned off, and the primary fails.',
        'The statechart goes to “replacing the primary”: the new node needs the replacement time and a full copy of a replica before the endpoint takes writes again.',
        'Measured on this script: still no writes 70 s after the failure (Seconds without writes 70).',
        'That is why AWS pairs replicas with Multi-AZ.',
      ],
      script: [
        act('primary.partition', { cut: false }),
        run(10),
        act('multiAz.set', { on: false }),
        act('primary.crash'),
        run(70),
      ],
    },
  ],
};
