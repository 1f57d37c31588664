/**
 * The session-store e-lecture (#/present/session-store): in-memory sessions, sticky sessions,
 * an instance lost, ElastiCache as the session store, and a reboot of its only node. AWS facts:
 * docs/aws/caching-strategies.md (session store) and docs/aws/failover.md (a reboot never
 * fails over). The numbers in the notes were measured on this script with its seed
 * (lecture-contract.test.ts walks it).
 */
import { act, run, type LectureDefinition } from '../../ui/present';

export const sessionStoreLecture: LectureDefinition = {
  scenario: 'session-store',
  title: 'Keeping web sessions in ElastiCache',
  seed: 42,
  slides: [
    {
      id: 'in-memory',
      title: 'Sessions in the web tier',
      caption:
        'Each app instance keeps the sessions it created. The load balancer sends the next request elsewhere: logged out.',
      notes: [
        'Forty simulated users log in, browse, fill a cart and check out. The load balancer spreads requests round robin over three instances in two AZs.',
        'Each packet label starts with the user id (u01, u02 …). Press Space and follow one user across instances.',
        'Measured on this script: 653 unexpected logouts in the first 5 s.',
      ],
      script: [run(5)],
      question: {
        prompt:
          'Round robin over three instances, sessions in each instance’s memory: how often does a user find their session?',
        choices: [
          'Always — the load balancer remembers it',
          'About one request in three',
          'Never — sessions are not kept at all',
        ],
        answer: 1,
        why: 'Only the instance that handled the login has the session; round robin lands there one time in three.',
      },
    },
    {
      id: 'sticky',
      title: 'Sticky sessions',
      caption:
        'Stickiness: a cookie pins each browser to one instance, so its session is always there — while that instance lives.',
      notes: [
        'On an Application Load Balancer the cookie is AWSALB. Users whose session sat on another instance are logged out once, then stay put.',
        'Each instance card now shows how many users are pinned to it. Measured: Load skew about 1.2 after 10 s.',
      ],
      script: [act('mode.set', { mode: 'sticky' }), run(10)],
      faults: [
        {
          label: 'Terminate app-2',
          description: 'Auto Scaling removes app-2: the sessions in its memory go with it.',
          actions: [{ type: 'instance.terminate', params: { id: 'app-2' } }],
        },
        {
          label: 'Scale out',
          description: 'A new instance joins: only browsers without a cookie reach it.',
          actions: [{ type: 'scale.out' }],
        },
      ],
    },
    {
      id: 'instance-lost',
      title: 'An instance goes away',
      caption:
        'app-2 was terminated. Its pinned users are re-pinned elsewhere — where no session waits for them.',
      notes: [
        'Instances go away all the time: unhealthy replacements, scale-in at night, an AZ outage.',
        'Every user pinned to app-2 must log in again. Stickiness also skews load: a new instance only gets new browsers.',
      ],
      script: [act('instance.terminate', { id: 'app-2' }), run(5)],
      faults: [
        {
          label: 'Scale out',
          description: 'A new instance joins; sticky users stay where they are.',
          actions: [{ type: 'scale.out' }],
        },
      ],
    },
    {
      id: 'elasticache',
      title: 'Sessions in ElastiCache',
      caption:
        'Each session is now a Redis hash in ElastiCache with a TTL. Any instance can serve any user.',
      notes: [
        'session:<id> holds user, cart and last update; every request reads it (HGETALL) and writes it back with a fresh TTL (HSET + EXPIRE).',
        'The web tier is stateless: press 1 to terminate an instance — nobody is logged out this time.',
        'Measured on this script: about 312 bytes per session on the node.',
      ],
      script: [act('mode.set', { mode: 'elasticache' }), run(10)],
      faults: [
        {
          label: 'Terminate app-1',
          description: 'Removes app-1: its users move to other instances and keep their sessions.',
          actions: [{ type: 'instance.terminate', params: { id: 'app-1' } }],
        },
        {
          label: 'Reboot the cache node',
          description: 'A customer-initiated reboot: the node comes back empty.',
          actions: [{ type: 'cache.restart' }],
        },
      ],
    },
    {
      id: 'reboot',
      title: 'Rebooting the only node',
      caption:
        'A reboot of the session store’s only node: it comes back empty, and every user logs in again.',
      notes: [
        'AWS distinguishes three events. A reboot never fails over and flushes the node. A node failure in a group with a replica and Multi-AZ promotes the replica, data included. A planned replacement keeps serving (Redis OSS 5.0.6+).',
        'So a session store that matters needs a replica and Multi-AZ — a single node is a single point of failure.',
      ],
      script: [act('cache.restart'), run(5)],
      faults: [
        {
          label: 'Reboot the cache node again',
          description: 'Another customer-initiated reboot.',
          actions: [{ type: 'cache.restart' }],
        },
      ],
      question: {
        prompt: 'With a replica and Multi-AZ on, what does a reboot of the primary you ask for do?',
        choices: [
          'Promotes the replica, so no session is lost',
          'Restarts the primary without a failover; its data is gone, and the replicas resync to the empty data set',
          'Nothing: ElastiCache persists sessions to disk before it reboots',
        ],
        answer: 1,
        why: 'Only a failure (or TestFailover) promotes a replica. A customer-initiated reboot restarts the node empty, and replicas copy that.',
      },
    },
  ],
};
