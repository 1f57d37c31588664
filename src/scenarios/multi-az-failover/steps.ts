/**
 * The multi-AZ failover lesson: the student fails, reboots and cuts off the primary of a
 * replication group and measures what each costs the app. Facts: docs/aws/failover.md (facts
 * sheet §3); what the simulator does and how long each step takes: docs/failover.md. Goals
 * judge what changed after the student's action (src/scenarios/framework/README.md).
 */
import type { StepDefinition } from '../framework';

export const steps: StepDefinition[] = [
  {
    id: 'replication',
    title: 'One primary, two replicas, three AZs',
    narration: [
      'A Valkey replication group, cluster mode disabled: the primary orders-001 in us-east-1a and two read replicas in us-east-1b and us-east-1c, Multi-AZ with automatic failover on. One app instance per AZ writes (SET) through the primary endpoint and reads (GET) through the reader endpoint; each caches those DNS names for 15 s.',
      'Replication is asynchronous: the primary answers a write at once and streams it to the replicas afterwards. Press Play and watch the stream flow from the primary to the replicas; each replica’s card shows its replication offset and how far behind it is.',
    ],
    goalText: 'Press Play and watch the replicas serve 100 reads (Replica reads rises by 100).',
    goal: { kind: 'metric', metric: 'ReplicaReads', op: '>=', value: 100, delta: true },
    showMe: { actions: [], windowUs: 3_000_000 },
    question: 'Who answers the app’s GETs, and how fresh is what they hold?',
    hints: [
      'Press Play. Click a replica on the canvas to see its offset next to the primary’s.',
      'ReplicationLag is how far behind the replicas are, in seconds (about 0.02 s here).',
    ],
    explanation:
      'Reads went to the replicas through the reader endpoint. Each replica’s offset trails the primary’s by the writes still on their way (ReplicationLag about 0.02 s here), and a read in that gap returns the old value — Stale reads counts them. That gap is also what a failover can lose.',
  },
  {
    id: 'test-failover',
    title: 'Rehearse a failover: TestFailover',
    narration: [
      'AWS offers the TestFailover API to rehearse exactly what happens when a primary fails: ElastiCache fails the primary on purpose, promotes the replica with the least replication lag, points the primary endpoint at it and replaces the old primary in its own AZ. It is limited to 15 shards in any rolling 24 hours.',
      'Call TestFailover (the button, or a node’s panel on the canvas), then watch the failover statechart, the events list and the writes.',
    ],
    goalText:
      'Call TestFailover and see a replica promoted, writes resume and the group recover (Failovers rises by 1, Acknowledged writes by 100, then Recoveries by 1).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'shard.testFailover' },
        { kind: 'metric', metric: 'Failovers', op: '>=', value: 1, delta: true },
        { kind: 'metric', metric: 'AcknowledgedWrites', op: '>=', value: 100, delta: true },
        { kind: 'metric', metric: 'Recoveries', op: '>=', value: 1, delta: true },
      ],
    },
    showMe: {
      actions: [{ type: 'shard.testFailover', params: { group: 'orders', shard: 1 } }],
      windowUs: 200_000_000,
    },
    question:
      'Between the primary dying and the app writing again, what has to happen — and which of it is in the app’s own DNS cache?',
    hints: [
      'Press “Test failover”, play at 1 s/s for the first 20 s, then run ahead about 3 minutes.',
      'Watch the statechart: healthy → promoting → recovering → healthy; and the events list.',
    ],
    explanation:
      'ElastiCache took 5 s to detect the failure and 2 s to promote the replica — AWS says writes resume “typically just a few seconds” after. But the apps kept the old primary’s address in their DNS cache for up to 15 s, so Seconds without writes is the longer of the two. The events list shows AWS’s own texts, from “Test Failover API called” to “Recovering cache nodes”; “Finished recovery” came once the replacement had synced, about 3 minutes later (Time to recovery). Acknowledged writes lost counts the writes the old primary had confirmed but not yet streamed to the promoted replica.',
  },
  {
    id: 'wait',
    title: 'WAIT 1: fewer lost writes, slower writes',
    narration: [
      'Asynchronous replication means a primary can confirm a write that no replica has yet. WAIT numreplicas timeout lets the app ask: “tell me when this many replicas have acknowledged my writes”. It blocks the connection until they have (or the timeout passes).',
      'Turn on WAIT 1 after writes and watch Write latency for a few seconds, then fail the primary — a real failure this time, not a rehearsal.',
    ],
    goalText:
      'With WAIT 1 on, fail the primary: writes stop for at least 5 s, resume, and the group recovers (Seconds without writes reaches 5, Acknowledged writes rises by 100, then Recoveries by 1).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'wait.set', params: { on: true }, initial: false },
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'primary.crash' },
            { kind: 'action', action: 'node.crash' },
          ],
        },
        { kind: 'metric', metric: 'SecondsWithoutWrites', op: '>=', value: 5 },
        { kind: 'metric', metric: 'AcknowledgedWrites', op: '>=', value: 100, delta: true },
        { kind: 'metric', metric: 'Recoveries', op: '>=', value: 1, delta: true },
      ],
    },
    showMe: {
      actions: [{ type: 'wait.set', params: { on: true } }, { type: 'primary.crash' }],
      windowUs: 200_000_000,
    },
    question:
      'If the app only counts a write as done once a replica has it, which writes can the promoted replica be missing?',
    hints: [
      'Switch on “WAIT 1 after writes”, run ahead 10 s, press “Fail the primary”, then run ahead about 3 minutes.',
      'Compare Acknowledged writes lost before and after.',
    ],
    explanation:
      'Every write the app was told “done” through WAIT had reached a replica first, so none of them is in Acknowledged writes lost — it grows only by writes confirmed before WAIT was on, if you failed the primary right after switching it on. Writes still died with the primary — but the app saw them fail instead of believing them saved. The price shows in Write latency: every write now waits for the trip to a replica and its acknowledgement back — tens of milliseconds here, where the replicas trail by 20 ms, against about a millisecond without WAIT. A connection blocked in WAIT holds the writes behind it, so one connection now carries about one write per round trip, and whenever no replica is running each WAIT waits out its full second. WAIT makes the loss visible to the app; it does not make replication synchronous.',
  },
  {
    id: 'reboot',
    title: 'A reboot is not a failover',
    narration: [
      'AWS distinguishes a node failure from a reboot you ask for. A customer-initiated reboot of the primary does not trigger a failover: the node restarts, and it restarts empty.',
      'Turn WAIT 1 off again (the writes that pile up during the reboot would otherwise each wait for a replica, one round trip at a time). Then reboot the primary — its panel on the canvas, or the button — and watch the writes, the statechart and the replicas’ keys.',
    ],
    goalText:
      'With WAIT off, reboot the primary and see writes stop for 30 s or more, then both replicas reload (Seconds without writes reaches 30, then Full syncs rises by 2).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'wait.set', params: { on: false }, initial: true },
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'primary.reboot' },
            { kind: 'action', action: 'node.reboot' },
          ],
        },
        { kind: 'metric', metric: 'SecondsWithoutWrites', op: '>=', value: 30 },
        { kind: 'metric', metric: 'FullSyncs', op: '>=', value: 2, delta: true },
      ],
    },
    showMe: {
      actions: [{ type: 'wait.set', params: { on: false } }, { type: 'primary.reboot' }],
      windowUs: 120_000_000,
    },
    question: 'Who promotes a replica when nobody thinks the primary has failed?',
    hints: [
      'Switch “WAIT 1 after writes” off, press “Reboot the primary”, then run ahead 2 minutes.',
      'Watch the failover statechart: does it leave “healthy”?',
    ],
    explanation:
      'The failover controller never left “healthy”: a reboot is not a failure, so no replica was promoted. The primary endpoint kept pointing at the rebooting node, so writes waited the whole minute. It came back empty, and the replicas then resynced from it — a full sync to an empty data set — so every key written before the reboot was gone from every node; only the writes the apps had queued meanwhile (and did not give up on) arrived afterwards.',
    correction: {
      claim: 'If a node is down there is no issue, no data is lost.',
      truth:
        'Only a failed primary with a replica and Multi-AZ is replaced by the replica, data included (minus the last writes not yet replicated). A reboot empties the primary and then its replicas; a node without replicas comes back empty.',
      source: 'docs/aws/failover.md',
      wasTrue: false,
    },
  },
  {
    id: 'partition',
    title: 'A partition: stale reads, no failover',
    narration: [
      'Now nothing crashes: the network between the primary’s AZ and the other two is cut. The primary keeps taking writes; the replicas stop receiving the stream, and the apps keep reading from them.',
      'Keep WAIT 1 off — with it on, every write would wait a full second for a replica that cannot answer. Cut the primary’s AZ off and watch Stale reads.',
    ],
    goalText:
      'With WAIT off, cut the network around the primary’s AZ and see the replicas serve stale reads (Stale reads rises by 50).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'wait.set', params: { on: false }, initial: true },
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'primary.partition' },
            { kind: 'action', action: 'az.partition' },
          ],
        },
        { kind: 'metric', metric: 'StaleReplicaReads', op: '>=', value: 50, delta: true },
      ],
    },
    showMe: {
      actions: [
        { type: 'wait.set', params: { on: false } },
        { type: 'primary.partition', params: { cut: true } },
      ],
      windowUs: 10_000_000,
    },
    question: 'What does a replica answer for a key written after its stream stopped?',
    hints: [
      'Switch “WAIT 1 after writes” off, press “Partition the primary’s AZ”, then play or run ahead 10 s.',
    ],
    explanation:
      'Every replica read of a key written since the cut returned the old value (or none): the replicas fell further behind each second, and no failover happened because no node failed. Heal the partition and the replicas catch up: with a partial resync if the primary’s replication backlog still holds what they missed, else with a full one.',
  },
  {
    id: 'multi-az-off',
    title: 'Replicas without Multi-AZ',
    narration: [
      'Heal the partition first. Then turn Multi-AZ off: the replicas stay, but ElastiCache no longer promotes one. A failed primary is replaced by a new node in its AZ, which copies a replica before it takes writes.',
      'Turn Multi-AZ off and fail the primary. Compare Seconds without writes with the failover you rehearsed.',
    ],
    goalText:
      'With Multi-AZ off, fail the primary and see writes stop for over a minute (Seconds without writes reaches 60).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'multiAz.set', params: { on: false }, initial: false },
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'primary.crash' },
            { kind: 'action', action: 'node.crash' },
          ],
        },
        { kind: 'metric', metric: 'SecondsWithoutWrites', op: '>=', value: 60 },
      ],
    },
    showMe: {
      actions: [
        { type: 'primary.partition', params: { cut: false } },
        { type: 'multiAz.set', params: { on: false } },
        { type: 'primary.crash' },
      ],
      windowUs: 70_000_000,
    },
    question:
      'With nobody promoted, what must exist before the primary endpoint can take a write again?',
    hints: [
      'Press “Heal the partition”, switch Multi-AZ off, press “Fail the primary”, then run ahead 70 s.',
    ],
    explanation:
      'No replica was promoted: the statechart went to “replacing the primary”. The new node needs the replacement time (about 3 minutes here) and a full copy of a replica before the endpoint takes writes again — minutes, not seconds. That is why AWS pairs replicas with Multi-AZ. With Multi-AZ off you may also promote a replica by hand (cluster mode disabled only).',
  },
  {
    id: 'no-replicas',
    title: 'No replicas: the node comes back empty',
    narration: [
      'Multi-AZ is off now, so the group may lose its replicas: set Read replicas to 0 and recreate the group. It starts empty and the apps fill it again with their writes.',
      'Let it run a minute, then fail the primary. With no replica, nothing holds a copy of the data: watch Items in the cache (CurrItems) and the reads that miss.',
    ],
    goalText:
      'With 0 replicas, fail the primary and see the group recover with an empty node (Recoveries rises by 1 while CurrItems falls below 100).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'group.configure', params: { replicas: 0 }, initial: false },
        {
          kind: 'any',
          goals: [
            { kind: 'action', action: 'primary.crash' },
            { kind: 'action', action: 'node.crash' },
          ],
        },
        {
          kind: 'all',
          goals: [
            { kind: 'metric', metric: 'Recoveries', op: '>=', value: 1, delta: true },
            { kind: 'metric', metric: 'CurrItems', op: '<', value: 100 },
          ],
        },
      ],
    },
    showMe: {
      actions: [
        { type: 'group.configure', params: { replicas: 0, placement: 'spread' } },
        { type: 'primary.crash' },
      ],
      windowUs: 200_000_000,
    },
    question:
      'When the only node that held the data is replaced, where does the new one get it from?',
    hints: [
      'Set Read replicas to 0, press “Recreate the group”, run ahead a minute, press “Fail the primary”, then run ahead about 3 minutes.',
      'Compare CurrItems before the failure and right after the replacement.',
    ],
    explanation:
      'ElastiCache detected the failure and replaced the node in its AZ, behind the same endpoint — but the replacement started empty: with no replica there was no copy to promote or to sync from. Every key had to be written again; an app that reads through the cache (cache-aside) would have sent each of those reads to its database at once. Restoring a backup or re-warming from the database are the only ways back; a replica is the way to avoid it.',
    correction: {
      claim: 'If a node is down there is no issue, no data is lost.',
      truth:
        'A group without replicas loses its whole data set when its node fails: the replacement starts empty. Only a replica keeps a copy (minus the last writes not yet replicated).',
      source: 'docs/aws/failover.md',
      wasTrue: false,
    },
  },
  {
    id: 'one-az',
    title: 'Replicas in one AZ: an AZ outage takes the group',
    narration: [
      'Replicas protect against a node failing. Do they protect against an Availability Zone failing? Only if they are somewhere else.',
      'Recreate the group with 2 replicas, all in the primary’s AZ (us-east-1a), turn Multi-AZ back on, and then take us-east-1a down: an AZ outage from a node’s panel on the canvas.',
    ],
    goalText:
      'With 2 replicas all in us-east-1a and Multi-AZ on, take us-east-1a down and see every node stop and writes stop for 30 s (Nodes up 0, Seconds without writes 30).',
    goal: {
      kind: 'sequence',
      goals: [
        {
          kind: 'setting',
          action: 'group.configure',
          params: { placement: 'one-az' },
          initial: false,
        },
        { kind: 'setting', action: 'multiAz.set', params: { on: true }, initial: true },
        { kind: 'action', action: 'az.outage', params: { az: 'use1-az1', down: true } },
        {
          kind: 'all',
          goals: [
            { kind: 'metric', metric: 'NodesUp', op: '==', value: 0 },
            { kind: 'metric', metric: 'SecondsWithoutWrites', op: '>=', value: 30 },
          ],
        },
      ],
    },
    showMe: {
      actions: [
        { type: 'group.configure', params: { replicas: 2, placement: 'one-az' } },
        { type: 'multiAz.set', params: { on: true } },
        { type: 'az.outage', params: { az: 'use1-az1', down: true } },
      ],
      windowUs: 40_000_000,
    },
    question: 'Which replica can ElastiCache promote when every replica is in the AZ that failed?',
    hints: [
      'Set Read replicas to 2 and Placement to “All in the primary’s AZ”, press “Recreate the group”, switch Multi-AZ on, then open a node’s panel and take its AZ down. Run ahead 40 s.',
      'Compare with the TestFailover you ran with the replicas spread: there a replica in another AZ took over within seconds.',
    ],
    explanation:
      'Every node was in us-east-1a, so the outage stopped all of them at once: no replica was left to promote, Multi-AZ or not, and the group had no node to write to until the AZ came back (its replacements wait for it). Spread over the AZs — the default the group started with — the same outage costs one failover: a replica in another AZ is promoted within seconds. That is why AWS places replicas in other AZs for Multi-AZ.',
  },
];
