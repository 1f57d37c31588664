/**
 * The session-store lesson steps: each makes the student *see* where a web session lives and
 * what that costs when instances or the cache node go away (course notes' stateful vs stateless
 * table; docs/aws/failover.md and caching-strategies.md), judged on what changed after the
 * student's action (src/scenarios/framework/README.md, the authoring contract).
 */
import type { StepDefinition } from '../framework';

export const steps: StepDefinition[] = [
  {
    id: 'round-robin',
    title: 'Sessions in the instance’s memory',
    narration: [
      'Forty simulated users log in, browse products, put them in a cart and check out. The load balancer spreads their requests round robin over three app instances in two Availability Zones; every packet’s label starts with the user’s id (u01, u02 …).',
      'The app keeps each session in the memory of the instance that handled the login — a stateful web tier. The simulation is paused: press Play and follow a user’s next request, which the load balancer sends to another instance.',
    ],
    goalText: 'Press Play and watch 20 users get logged out (Unexpected logouts rises by 20).',
    goal: { kind: 'metric', metric: 'UnexpectedLogouts', op: '>=', value: 20, delta: true },
    showMe: { actions: [], windowUs: 2_000_000 },
    question:
      'The next request goes to another instance. What does that instance know about the user?',
    hints: [
      'Press Play and raise the speed to 1 s/s or more (the links then show rates), or use “Run ahead”: users click every 0.1 s of simulated time on average.',
      'Follow one user’s packets: a response labelled “302 /login (session lost)” sends that user back to the login page.',
    ],
    explanation:
      'Almost every second request landed on an instance that did not hold the session, so the user appeared logged out and the cart was gone (Carts lost). A session kept in one server’s memory only works if every request of that user goes back to that server.',
  },
  {
    id: 'sticky',
    title: 'Sticky sessions',
    narration: [
      'The classic fix is stickiness: the load balancer sets a cookie (AWSALB on an Application Load Balancer) and sends every later request of that browser to the same instance.',
      'Switch the session mode to sticky sessions. Users whose session sits on the wrong instance are logged out once; after that, each user stays on “their” instance. Each app instance now shows how many users are pinned to it.',
    ],
    goalText:
      'Switch to sticky sessions and serve 500 requests in a row without an unexpected logout (Requests since the last unexpected logout reaches 500).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'sticky' }, initial: false },
        { kind: 'metric', metric: 'LogoutFreeRequests', op: '>=', value: 500 },
      ],
    },
    showMe: { actions: [{ type: 'mode.set', params: { mode: 'sticky' } }], windowUs: 3_000_000 },
    question: 'What if every request of a user went back to the instance that holds their session?',
    hints: [
      'Choose “Sticky sessions” under “Where sessions live”, then let it play or fast-forward.',
    ],
    explanation:
      'With stickiness every request of a user goes to the instance that holds the session, so nobody is logged out any more — as long as nothing happens to that instance.',
  },
  {
    id: 'sticky-terminate',
    title: 'Sticky sessions and a lost instance',
    narration: [
      'Instances do go away: Auto Scaling replaces an unhealthy one, scales in at night, or an AZ fails. With sticky sessions, the sessions in that instance’s memory go with it.',
      'Read how many users are pinned to one instance (its status line), then terminate it. The load balancer re-pins those users to the remaining instances — where no session waits for them.',
    ],
    goalText:
      'With sticky sessions, terminate an instance and see its users logged out (Unexpected logouts rises).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'sticky' }, initial: false },
        { kind: 'action', action: 'instance.terminate' },
        { kind: 'metric', metric: 'UnexpectedLogouts', op: '>=', value: 1, delta: true },
      ],
    },
    showMe: {
      actions: [{ type: 'instance.terminate', params: { id: 'app-2' } }],
      windowUs: 2_000_000,
    },
    question:
      'Where are the sessions of the users pinned to an instance, and what happens to them with it?',
    hints: [
      'Pick an instance under “Terminate an instance” and press the button; then fast-forward a minute so idle users come back too.',
    ],
    explanation:
      'Exactly the users pinned to the terminated instance were logged out, and their carts were lost; everyone else kept going. Sticky sessions make instance loss a user-visible event.',
  },
  {
    id: 'sticky-skew',
    title: 'Sticky sessions skew the load',
    narration: [
      'Scaling out should spread the load. But sticky users stay where they are: a new instance only gets browsers that have no stickiness cookie yet (new users, or users re-pinned after a failure).',
      'Scale out and compare the per-instance request counts and Load skew (busiest ÷ least busy instance over 5 s).',
    ],
    goalText: 'With sticky sessions, scale out and see Load skew reach 3× or more.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'sticky' }, initial: false },
        { kind: 'action', action: 'scale.out' },
        { kind: 'metric', metric: 'LoadSkew', op: '>=', value: 3, minRequests: 500 },
      ],
    },
    showMe: { actions: [{ type: 'scale.out' }], windowUs: 6_000_000 },
    question: 'Which users can a brand-new instance receive while everyone else is pinned?',
    hints: ['Press “Scale out”, then let a few seconds of simulated time pass (Run ahead).'],
    explanation:
      'The new instance stayed nearly idle while the old ones kept their pinned users: the extra capacity did not help the users already logged in. That is the “scaling is harder” row of the stateful column.',
  },
  {
    id: 'elasticache',
    title: 'A shared session store: ElastiCache',
    narration: [
      'Now keep sessions out of the instances: each session becomes a Redis hash, session:<id>, in an ElastiCache node. Every request reads it (HGETALL) and writes it back with a fresh TTL (HSET + EXPIRE). Any instance can serve any user — the web tier is stateless.',
      'Switch to the ElastiCache session store (users whose session was in an instance’s memory log in once more), then terminate an instance again.',
    ],
    goalText:
      'With the ElastiCache store, terminate an instance and serve 1,000 requests without an unexpected logout (Requests since the last unexpected logout reaches 1,000).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'elasticache' }, initial: false },
        { kind: 'action', action: 'instance.terminate' },
        { kind: 'metric', metric: 'LogoutFreeRequests', op: '>=', value: 1000 },
      ],
    },
    showMe: {
      actions: [
        { type: 'mode.set', params: { mode: 'elasticache' } },
        { type: 'instance.terminate', params: { id: 'app-1' } },
      ],
      windowUs: 4_000_000,
    },
    question: 'If no instance holds a session, what does losing an instance cost its users?',
    hints: [
      'Choose “ElastiCache session store”, terminate any running instance, then fast-forward.',
      'If every instance is gone, press “Scale out” first: the load balancer needs a target.',
    ],
    explanation:
      'The terminated instance held no sessions, so its users’ next requests went to other instances, which read the sessions from ElastiCache. Nobody noticed. Compare Unexpected logouts with the sticky step.',
  },
  {
    id: 'look-inside',
    title: 'Look inside the session store',
    narration: [
      'The sessions are ordinary Redis keys in the cache engine. Open the Redis console and look: KEYS session:* lists them, HGETALL session:<id> shows one (user, cart, updated), TTL session:<id> shows the seconds left — run it twice and see the TTL jump back up when the user clicks.',
      'Bytes per session in the metrics panel is what one session costs the node, from the engine’s memory model.',
    ],
    goalText: 'Run a command in the Redis console (for example HGETALL on a session key).',
    goal: { kind: 'action', action: 'console', params: { target: 'redis' } },
    showMe: {
      actions: [{ type: 'console', params: { target: 'redis', line: 'KEYS session:*' } }],
      windowUs: 1_000_000,
    },
    question: 'What data structure would hold a user, a cart and a timestamp under one key?',
    hints: ['Type KEYS session:* in the Redis console, copy a key, then HGETALL it and TTL it.'],
    explanation:
      'One hash per session with a TTL refreshed on every request: the pattern AWS describes for session stores. Active users never reach the end of their TTL; idle ones do.',
  },
  {
    id: 'cache-restart',
    title: 'Rebooting the only cache node',
    narration: [
      'The store is now the only place sessions live, on a single node with no replica. Reboot it — a customer-initiated reboot, as from the console — and see what it comes back with.',
      'AWS distinguishes three events. A reboot never fails over: the node flushes its data (and, in a group, its replicas then resync that empty data set). A node failure in a group with a replica and Multi-AZ promotes the replica, data included. A planned replacement (a patch) swaps nodes while writes go on (Redis OSS 5.0.6+).',
    ],
    goalText:
      'With the ElastiCache store, reboot the cache node and watch 20 users get logged out (Unexpected logouts rises by 20).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'elasticache' }, initial: false },
        { kind: 'action', action: 'cache.restart' },
        { kind: 'metric', metric: 'UnexpectedLogouts', op: '>=', value: 20, delta: true },
      ],
    },
    showMe: { actions: [{ type: 'cache.restart' }], windowUs: 2_000_000 },
    question: 'What is in a cache node’s memory right after it reboots?',
    hints: ['Press “Reboot the cache node”, then run ahead a few seconds.'],
    explanation:
      'The node came back empty, so every session was gone at once: everybody logged in was logged out, carts and all. A replica would not have saved them from a reboot — a reboot does not fail over, and the replicas empty too. What a replica with Multi-AZ protects against is a node failure: the replica is promoted with the data (apart from the last writes not yet replicated). Use node-based Memcached only if losing sessions is acceptable.',
    correction: {
      claim: 'If a node is down there is no issue, no data is lost.',
      truth:
        'Not for a node without replicas: failed or rebooted, it comes back empty — this step shows it. With a replica and Multi-AZ, a failed primary is replaced by the promoted replica (asynchronous replication can still lose the last writes); a reboot is never a failover.',
      source: 'docs/aws/failover.md; docs/node-lifecycle.md',
      wasTrue: false,
    },
  },
  {
    id: 'ttl',
    title: 'TTL: idle users expire, active users stay',
    narration: [
      'Each request refreshes the session’s TTL, so an active user never reaches the end of it. A fifth of the users (u01 among them — follow the statechart) leave the tab open for 1.5 to 4 minutes between visits.',
      'Set the session TTL to 60 seconds. Sessions refresh to the new TTL at their next request; an idle user whose pause is longer than that comes back to find the session expired.',
    ],
    goalText: 'Set a short TTL and see idle users’ sessions expire (Sessions expired rises by 3).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'ttl.set' },
        { kind: 'metric', metric: 'SessionsExpired', op: '>=', value: 3, delta: true },
      ],
    },
    showMe: { actions: [{ type: 'ttl.set', params: { seconds: 60 } }], windowUs: 200_000_000 },
    question: 'Who reaches the end of a TTL that every request pushes back?',
    hints: [
      'Set the TTL to 60 s and press “Apply TTL”, then fast-forward a few times (idle pauses last minutes).',
    ],
    explanation:
      'Only users idle for longer than the TTL lost their session (Expired logouts); active users kept theirs because every click pushed the expiry back. That is what TTL-with-refresh buys: abandoned sessions free memory without logging out anyone who is still there.',
  },
];
