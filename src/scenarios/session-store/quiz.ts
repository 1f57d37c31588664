/**
 * Quiz items for the session-store lesson, in our own words. Items marked fromCourseNotes restate
 * the course notes' session-store use case and their stateful vs stateless table; where a note is
 * outdated the explanation says what is true today (docs/aws/course-notes.md).
 */
import type { QuizItem } from '../framework';

export const quiz: QuizItem[] = [
  {
    id: 'exam-session-store',
    kind: 'choice',
    fromCourseNotes: true,
    prompt:
      'A user logs in through app instance 1, which writes the session to ElastiCache. Their next request reaches app instance 2. What happens?',
    choices: [
      {
        id: 'a',
        text: 'Instance 2 reads the session from ElastiCache: the user is still logged in.',
      },
      { id: 'b', text: 'The user must log in again, because instance 2 did not handle the login.' },
      { id: 'c', text: 'The load balancer sends the request back to instance 1.' },
    ],
    answer: 'a',
    explanation:
      'That is the point of a shared session store: the session is not tied to an instance, so any instance can serve any request — what you saw after switching to the ElastiCache store and terminating an instance.',
  },
  {
    id: 'table-where',
    kind: 'choice',
    fromCourseNotes: true,
    prompt:
      'In the stateful vs stateless table, where does a stateless web tier keep its session data?',
    choices: [
      { id: 'local', text: 'In the memory or on the disk of the instance that created it.' },
      { id: 'external', text: 'Outside the instances, in a shared store such as ElastiCache.' },
      { id: 'cookie-lb', text: 'In the load balancer’s stickiness cookie.' },
    ],
    answer: 'external',
    explanation:
      'Stateless means the instances hold nothing a user needs on the next request: the session lives in an external store. The stickiness cookie only names an instance — the session itself is still in that instance’s memory (stateful).',
  },
  {
    id: 'table-redirect',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'round-robin',
    prompt: 'In a stateful app, what happens when a user is redirected to another instance?',
    choices: [
      {
        id: 'lost',
        text: 'The session is not there: the user appears logged out and must log in again.',
      },
      { id: 'copied', text: 'The new instance copies the session from the old one.' },
      { id: 'db', text: 'The session is reloaded from the database automatically.' },
    ],
    answer: 'lost',
    explanation:
      'Nothing moves sessions between instances’ memories. The round-robin step showed it: every request that landed on another instance came back as “302 /login (session lost)”.',
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
        text: 'It needs sticky sessions, so new instances get little of the existing load, and removing an instance logs its users out.',
      },
      { id: 'cpu', text: 'Keeping sessions in memory uses too much CPU.' },
      { id: 'none', text: 'It is not harder: Auto Scaling moves the sessions for you.' },
    ],
    answer: 'sticky',
    explanation:
      'Users stay pinned to the instances they started on (the LoadSkew you measured after scaling out), and scaling in or losing an instance logs out the users pinned to it. A stateless tier can add or remove instances freely.',
  },
  {
    id: 'why-survive',
    kind: 'choice',
    afterStep: 'sticky-terminate',
    prompt: 'Why must sessions survive the loss of an app instance?',
    choices: [
      {
        id: 'routine',
        text: 'Instances disappear routinely — scale-in, failed health checks, deployments, AZ failures — and each loss would log out its users and empty their carts.',
      },
      { id: 'rare', text: 'They need not: instances practically never fail on AWS.' },
      { id: 'security', text: 'Because sessions contain passwords that must be kept.' },
    ],
    answer: 'routine',
    explanation:
      'In an elastic web tier, instances are meant to come and go. If a session dies with its instance, every scale-in or replacement is a wave of logouts and lost carts — exactly the users pinned to the instance you terminated.',
  },
  {
    id: 'predict-restart',
    kind: 'predict',
    afterStep: 'elasticache',
    prompt:
      'Sessions are in ElastiCache, on a single node without a replica. The node restarts. What happens to the logged-in users?',
    choices: [
      { id: 'none', text: 'Nothing: ElastiCache keeps the data through a restart.' },
      {
        id: 'some',
        text: 'Only users whose sessions were written in the last second are logged out.',
      },
      { id: 'all', text: 'All of them are logged out: the node comes back empty.' },
    ],
    answer: 'all',
    actions: [{ type: 'mode.set', params: { mode: 'elasticache' } }, { type: 'cache.restart' }],
    runUs: 2_000_000,
    observe: ['UnexpectedLogouts', 'LoggedInUsers', 'CurrItems'],
    explanation:
      'A node without a replica restarts empty (AWS: rebooting a primary empties it). Every session key is gone, so every logged-in user is sent to the login page. A replica with Multi-AZ failover would have kept them.',
  },
  {
    id: 'node-down-claim',
    kind: 'choice',
    fromCourseNotes: true,
    afterStep: 'cache-restart',
    prompt:
      'One course note says: “If a node is down there is no issue, no data is lost.” Is that right for an ElastiCache session store?',
    choices: [
      { id: 'always', text: 'Yes, always: ElastiCache keeps a hidden copy of every node.' },
      {
        id: 'replicas',
        text: 'Only with replicas: a single node, or a whole shard, comes back empty.',
      },
      { id: 's3', text: 'Yes, because ElastiCache writes every key to S3.' },
    ],
    answer: 'replicas',
    explanation:
      'Outdated: without replicas a failed or rebooted node is replaced empty. With a replica in another AZ and Multi-AZ, the replica is promoted — though asynchronous replication can lose the last writes. S3 holds snapshots (backups), not a live copy behind the cache.',
  },
  {
    id: 'ttl-active',
    kind: 'choice',
    afterStep: 'ttl',
    prompt:
      'The session TTL is 60 s and refreshed on every request. A user clicks every 10 s for an hour. Are they logged out?',
    choices: [
      { id: 'no', text: 'No: each click pushes the expiry 60 s further.' },
      { id: 'yes', text: 'Yes, 60 s after logging in.' },
      { id: 'hour', text: 'Yes, after the TTL has been refreshed 60 times.' },
    ],
    answer: 'no',
    explanation:
      'EXPIRE on every request restarts the countdown, so only a gap longer than the TTL ends the session — the idle users, never the active ones.',
  },
  {
    id: 'engine-choice',
    kind: 'choice',
    prompt: 'For a session store, when is Memcached acceptable instead of Valkey/Redis OSS?',
    choices: [
      {
        id: 'loss-ok',
        text: 'When losing sessions (users logging in again) is acceptable: Memcached has no replicas or failover.',
      },
      { id: 'always', text: 'Always: Memcached replicates across AZs like Redis.' },
      { id: 'never', text: 'Never: Memcached cannot store a value with a TTL.' },
    ],
    answer: 'loss-ok',
    explanation:
      'AWS suggests Valkey/Redis OSS for session stores when the sessions should survive node failures (replicas, Multi-AZ), and Memcached when losing them is acceptable. Memcached items do take a TTL.',
  },
];
