/**
 * Quiz items for the session-store lesson, in our own words. Items marked fromCourseNotes restate
 * the course notes' session-store use case and their stateful vs stateless table; where a note is
 * wrong or outdated the explanation says what is true today (docs/aws/course-notes.md,
 * docs/aws/failover.md, docs/aws/memcached.md). Every distractor has its own `why`.
 */
import type { QuizItem } from '../framework';

export const quiz: QuizItem[] = [
  {
    id: 'table-redirect',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'round-robin',
    prompt: 'In a stateful app, what happens when a user is redirected to another instance?',
    choices: [
      {
        id: 'lost',
        text: 'The session is not there: the user appears logged out.',
        why: 'Right: nothing moves sessions between instances’ memories — the “302 /login (session lost)” you watched.',
      },
      {
        id: 'copied',
        text: 'The new instance asks the old one for the session over the VPC and carries on.',
        why: 'App instances do not share memory or ask each other; that would be a session store, built by you.',
      },
      {
        id: 'db',
        text: 'The load balancer replays the login so the new instance creates the session again.',
        why: 'A load balancer forwards requests; it never logs users in on their behalf.',
      },
    ],
    answer: 'lost',
    explanation:
      'Nothing moves sessions between instances’ memories. The round-robin step showed it: every request that landed on another instance came back as “302 /login (session lost)”.',
  },
  {
    id: 'why-survive',
    kind: 'choice',
    afterStep: 'sticky-terminate',
    prompt: 'Why must sessions survive the loss of an app instance?',
    choices: [
      {
        id: 'routine',
        text: 'Instances come and go routinely — scale-in, failed health checks, deployments, AZ failures — and each loss would log its users out.',
        why: 'Right: in an elastic web tier instances are meant to come and go.',
      },
      {
        id: 'rare',
        text: 'They need not: EC2 instances practically never fail, so the loss is rare.',
        why: 'Failures are only one cause; Auto Scaling removes instances on purpose all the time.',
      },
      {
        id: 'security',
        text: 'Because a lost session leaks the user’s password to the next instance.',
        why: 'A lost session is gone, not leaked; the cost is users logged out and carts lost.',
      },
    ],
    answer: 'routine',
    explanation:
      'If a session dies with its instance, every scale-in or replacement is a wave of logouts and lost carts — exactly the users pinned to the instance you terminated.',
  },
  {
    id: 'table-scaling',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'sticky-skew',
    prompt: 'Why is a stateful web tier harder to scale than a stateless one?',
    choices: [
      {
        id: 'sticky',
        text: 'Pinned users stay put: new instances get little load, and removing one logs its users out.',
        why: 'Right: the Load skew you measured after scaling out, and the logouts on terminate.',
      },
      {
        id: 'cpu',
        text: 'Keeping sessions in memory uses so much CPU that each instance serves fewer users.',
        why: 'A session is a few hundred bytes; the problem is where it lives, not what it costs.',
      },
      {
        id: 'none',
        text: 'It is not harder: Auto Scaling copies the sessions to new instances when it launches them.',
        why: 'Auto Scaling knows nothing about sessions in an instance’s memory.',
      },
    ],
    answer: 'sticky',
    explanation:
      'Users stay pinned to the instances they started on, and scaling in or losing an instance logs out the users pinned to it. A stateless tier can add or remove instances freely.',
  },
  {
    id: 'exam-session-store',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'elasticache',
    prompt:
      'A user logs in through app instance 1, which writes the session to ElastiCache. Their next request reaches app instance 2. What happens?',
    choices: [
      {
        id: 'a',
        text: 'Instance 2 reads the session from ElastiCache: still logged in.',
        why: 'Right: the session is not tied to an instance.',
      },
      {
        id: 'b',
        text: 'The user must log in again, because instance 2 did not handle the login.',
        why: 'That is the stateful tier of step 1; with a shared store any instance finds the session.',
      },
      {
        id: 'c',
        text: 'The load balancer sends the request back to instance 1, which has the session cached.',
        why: 'That is stickiness; with a shared store it is not needed.',
      },
    ],
    answer: 'a',
    explanation:
      'That is the point of a shared session store: any instance can serve any request — what you saw after switching to the ElastiCache store and terminating an instance.',
  },
  {
    id: 'table-where',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'elasticache',
    prompt:
      'In the stateful vs stateless table, where does a stateless web tier keep its session data?',
    choices: [
      {
        id: 'local',
        text: 'On each instance’s local disk, so that it survives a restart of the app process.',
        why: 'Still on the instance: it is lost with it, and other instances cannot read it.',
      },
      {
        id: 'external',
        text: 'Outside the instances, in a shared store such as ElastiCache.',
        why: 'Right: the instances hold nothing a user needs on the next request.',
      },
      {
        id: 'cookie-lb',
        text: 'In the load balancer’s stickiness cookie.',
        why: 'The cookie only names an instance; the session itself is still in that instance’s memory.',
      },
    ],
    answer: 'external',
    explanation:
      'Stateless means the instances hold nothing a user needs on the next request: the session lives in an external store.',
  },
  {
    id: 'predict-restart',
    kind: 'predict',
    afterStep: 'look-inside',
    prompt:
      'Predict: sessions are in ElastiCache, on a single node without a replica. You reboot the node. Over the next 2 s, what happens to the logged-in users?',
    choices: [
      {
        id: 'none',
        text: 'Nothing: ElastiCache keeps the data through a reboot.',
        why: 'A reboot flushes the node’s memory (docs/node-lifecycle.md).',
      },
      {
        id: 'some',
        text: 'Only users whose sessions were written in the last second are logged out; the rest are reloaded from the last snapshot.',
        why: 'A reboot does not reload a snapshot: the node comes back empty.',
      },
      {
        id: 'all',
        text: 'All of them are logged out: the node comes back empty.',
        why: 'Right: every session key is gone.',
      },
    ],
    answer: 'all',
    actions: [{ type: 'mode.set', params: { mode: 'elasticache' } }, { type: 'cache.restart' }],
    periodUs: 2_000_000,
    observe: [
      { metric: 'UnexpectedLogouts', as: 'change' },
      { metric: 'LoggedInUsers', as: 'mean' },
      { metric: 'CurrItems', as: 'mean' },
    ],
    explanation:
      'A rebooted node comes back empty, and a reboot never fails over — even with replicas, they empty too. What a replica with Multi-AZ protects against is a node failure.',
  },
  {
    id: 'node-down-claim',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'cache-restart',
    prompt:
      'One course note says: “If a node is down there is no issue, no data is lost.” Is that right for an ElastiCache session store?',
    choices: [
      {
        id: 'always',
        text: 'Yes: ElastiCache keeps a hidden standby copy of every node, even without replicas, and swaps it in.',
        why: 'There is no hidden copy: without replicas a failed node is replaced empty.',
      },
      {
        id: 'replicas',
        text: 'Only with a replica to promote, and not on a reboot: a node without one comes back empty.',
        why: 'Right: failure, reboot and replacement are different events.',
      },
      {
        id: 's3',
        text: 'Yes, because ElastiCache writes every key to S3.',
        why: 'S3 holds snapshots (backups), not a live copy behind the cache.',
      },
    ],
    answer: 'replicas',
    explanation:
      'Never true as a blanket claim: a node without replicas is replaced empty; with a replica and Multi-AZ the replica is promoted — though asynchronous replication can lose the last writes — and a reboot is not a failover at all.',
  },
  {
    id: 'engine-choice',
    kind: 'choice',
    afterStep: 'cache-restart',
    prompt:
      'For a session store, when is node-based Memcached acceptable instead of Valkey / Redis OSS?',
    choices: [
      {
        id: 'loss-ok',
        text: 'When losing sessions is acceptable: node-based Memcached has no replicas or failover.',
        why: 'Right (serverless Memcached is different: it replicates across AZs).',
      },
      {
        id: 'always',
        text: 'Always: node-based Memcached replicates each item to a second node in another AZ.',
        why: 'Node-based Memcached has no replication; a lost node loses its items.',
      },
      {
        id: 'never',
        text: 'Never, because Memcached cannot store a value with a TTL.',
        why: 'Memcached items do take a TTL (the exptime of set).',
      },
    ],
    answer: 'loss-ok',
    explanation:
      'AWS suggests Valkey / Redis OSS for session stores when sessions should survive node failures (replicas, Multi-AZ), and Memcached when losing them is acceptable. Serverless Memcached does copy data across AZs.',
  },
  {
    id: 'ttl-active',
    kind: 'choice',
    afterStep: 'ttl',
    prompt:
      'The session TTL is 60 s and refreshed on every request. A user clicks every 10 s for an hour. Are they logged out?',
    choices: [
      {
        id: 'no',
        text: 'No: each click pushes the expiry 60 s further.',
        why: 'Right: only a gap longer than the TTL ends the session.',
      },
      {
        id: 'yes',
        text: 'Yes, 60 s after logging in, whatever they do.',
        why: 'That would be a TTL set once; here EXPIRE runs on every request.',
      },
      {
        id: 'hour',
        text: 'Yes: Redis caps how many times a key’s TTL can be refreshed.',
        why: 'There is no such cap; EXPIRE can be applied any number of times.',
      },
    ],
    answer: 'no',
    explanation:
      'EXPIRE on every request restarts the countdown, so only a gap longer than the TTL ends the session — the idle users, never the active ones.',
  },
];
