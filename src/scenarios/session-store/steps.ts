/**
 * The session-store lesson steps: each makes the student *see* where a web session lives and
 * what that costs when instances or the cache node go away (course notes' stateful vs stateless
 * table; docs/aws/failover.md and caching-strategies.md), checked on the simulator's own metrics.
 */
import type { StepDefinition } from '../framework';

export const steps: StepDefinition[] = [
  {
    id: 'round-robin',
    title: 'Sessions in the instance’s memory',
    narration: [
      'Forty simulated users log in, browse products, put them in a cart and check out. The load balancer spreads their requests round robin over three app instances in two Availability Zones; every packet’s label starts with the user’s id (u01, u02 …).',
      'The app keeps each session in the memory of the instance that handled the login — a stateful web tier. Watch what happens to a user’s next request, which the load balancer sends to another instance: that instance has never heard of the session.',
    ],
    goalText: 'Watch 20 users get logged out (UnexpectedLogouts reaches 20).',
    goal: { kind: 'metric', metric: 'UnexpectedLogouts', op: '>=', value: 20 },
    hints: [
      'Press Play and raise the speed to 1 s/s or more (the links then show rates), or press Fast-forward: users click every 0.1 s of simulated time on average.',
      'Follow one user’s packets: a response labelled “302 /login (session lost)” sends that user back to the login page.',
    ],
    explanation:
      'Almost every second request landed on an instance that did not hold the session, so the user appeared logged out and the cart was gone (CartsLost). A session kept in one server’s memory only works if every request of that user goes back to that server.',
  },
  {
    id: 'sticky',
    title: 'Sticky sessions',
    narration: [
      'The classic fix is stickiness: the load balancer sets a cookie (AWSALB on an Application Load Balancer) and sends every later request of that browser to the same instance.',
      'Switch the session mode to sticky sessions. Users whose session sits on the wrong instance are logged out once; after that, each user stays on “their” instance. Each app instance now shows how many users are pinned to it.',
    ],
    goalText:
      'Switch to sticky sessions and serve 500 requests in a row without an unexpected logout.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'sticky' }, initial: false },
        { kind: 'metric', metric: 'LogoutFreeRequests', op: '>=', value: 500 },
      ],
    },
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
    goalText: 'With sticky sessions, terminate an instance and see its users logged out.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'sticky' }, initial: false },
        { kind: 'action', action: 'instance.terminate', fresh: true },
        { kind: 'metric', metric: 'UnexpectedLogouts', op: '>=', value: 1, delta: true },
      ],
    },
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
      'Scale out and compare the per-instance request counts and LoadSkew (busiest ÷ least busy instance over 5 s).',
    ],
    goalText: 'With sticky sessions, scale out and see LoadSkew reach 3 or more.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'sticky' }, initial: false },
        { kind: 'action', action: 'scale.out', fresh: true },
        { kind: 'metric', metric: 'LoadSkew', op: '>=', value: 3, minRequests: 500 },
      ],
    },
    hints: ['Press “Scale out”, then let a few seconds of simulated time pass (Fast-forward).'],
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
      'With the ElastiCache store, terminate an instance and serve 1,000 requests without an unexpected logout.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'elasticache' }, initial: false },
        { kind: 'action', action: 'instance.terminate', fresh: true },
        { kind: 'metric', metric: 'LogoutFreeRequests', op: '>=', value: 1000 },
      ],
    },
    hints: [
      'Choose “ElastiCache session store”, terminate any running instance, then fast-forward.',
      'If every instance is gone, press “Scale out” first: the load balancer needs a target.',
    ],
    explanation:
      'The terminated instance held no sessions, so its users’ next requests went to other instances, which read the sessions from ElastiCache. Nobody noticed. Compare UnexpectedLogouts with the sticky step.',
  },
  {
    id: 'look-inside',
    title: 'Look inside the session store',
    narration: [
      'The sessions are ordinary Redis keys in the cache engine. Open the Redis console and look: KEYS session:* lists them, HGETALL session:<id> shows one (user, cart, updated), TTL session:<id> shows the seconds left — run it twice and see the TTL jump back up when the user clicks.',
      'BytesPerSession in the metrics panel is what one session costs the node, from the engine’s memory model.',
    ],
    goalText: 'Run a command in the Redis console (for example HGETALL on a session key).',
    goal: { kind: 'action', action: 'console', params: { target: 'redis' }, fresh: true },
    hints: ['Type KEYS session:* in the Redis console, copy a key, then HGETALL it and TTL it.'],
    explanation:
      'One hash per session with a TTL refreshed on every request: the pattern AWS describes for session stores. Active users never reach the end of their TTL; idle ones do.',
  },
  {
    id: 'cache-restart',
    title: 'One cache node, no replica',
    narration: [
      'The store is now the only place sessions live. This cluster has a single node and no replica. Restart it — a reboot, a failed node being replaced, a patch — and see what it comes back with.',
    ],
    goalText:
      'With the ElastiCache store, restart the cache node and watch 20 users get logged out.',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'setting', action: 'mode.set', params: { mode: 'elasticache' }, initial: false },
        { kind: 'action', action: 'cache.restart', fresh: true },
        { kind: 'metric', metric: 'UnexpectedLogouts', op: '>=', value: 20, delta: true },
      ],
    },
    hints: ['Press “Restart the cache node”, then fast-forward.'],
    explanation:
      'The node came back empty, so every session was gone at once: everybody logged in was logged out, carts and all. For a session store, run Valkey/Redis OSS with at least one replica in another AZ and Multi-AZ automatic failover: a replica is promoted with the data (apart from the last writes not yet replicated). Use Memcached only if losing sessions is acceptable.',
    correction: {
      claim: 'If a node is down there is no issue, no data is lost.',
      truth:
        'Only with replicas. A single node (or a whole shard) that fails or reboots comes back empty, as you just saw; with replicas and Multi-AZ a replica is promoted, and asynchronous replication can still lose the last acknowledged writes.',
      source: 'AWS ElastiCache docs: Minimizing downtime with Multi-AZ; Mitigating failures',
    },
  },
  {
    id: 'ttl',
    title: 'TTL: idle users expire, active users stay',
    narration: [
      'Each request refreshes the session’s TTL, so an active user never reaches the end of it. A fifth of the users (u01 among them — follow the statechart) leave the tab open for 1.5 to 4 minutes between visits.',
      'Set the session TTL to 60 seconds. Sessions refresh to the new TTL at their next request; an idle user whose pause is longer than that comes back to find the session expired.',
    ],
    goalText: 'Set a short TTL and see idle users’ sessions expire (SessionsExpired rises by 3).',
    goal: {
      kind: 'sequence',
      goals: [
        { kind: 'action', action: 'ttl.set', fresh: true },
        { kind: 'metric', metric: 'SessionsExpired', op: '>=', value: 3, delta: true },
      ],
    },
    hints: [
      'Set the TTL to 60 s and press “Apply TTL”, then fast-forward a few times (idle pauses last minutes).',
    ],
    explanation:
      'Only users idle for longer than the TTL lost their session (ExpiredLogouts); active users kept theirs because every click pushed the expiry back. That is what TTL-with-refresh buys: abandoned sessions free memory without logging out anyone who is still there.',
  },
];
