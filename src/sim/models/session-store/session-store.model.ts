import { createActor } from 'xstate';
import { activeStateIds, machineSpecOf } from '../../machine-spec';
import type { ApplyOutcome, ScenarioModel, SimContext, UserAction } from '../../model';
import { RedisNode } from '../../nodes/redis-node';
import { redisConsoleLine } from '../../nodes/redis-console';
import { simulatedAccounts, type AccountsDb } from './accounts-db';
import { ACTIONS, ACTION_TYPES } from './actions';
import { describeAction } from '../../action-params';
import { DEFAULT_CONFIG, updateConfig, type SessionConfig } from './config';
import {
  azOutage,
  azRestore,
  launch,
  onKeyspaceEvent,
  restartCache,
  sweep,
  SWEEP_EVERY_US,
  terminate,
} from './failures';
import { schedule } from './flow';
import { createInstances, LoadBalancer } from './instances';
import { sessionLifecycleMachine } from './session-lifecycle.machine';
import { sessionMetrics, sessionNodeStatus } from './status';
import { SessionStats } from './stats';
import { exportSnapshot, otherNode } from '../../snapshot-export';
import { SESSION_TOPOLOGY, INITIAL_INSTANCES, APP_SLOTS, CACHE_MAXMEMORY } from './topology';
import { assignIdlers, createUser, thinkTimeUs } from './users';
import { instanceLabel, note, type World } from './world';

export interface SessionStoreModelOptions {
  /** The user accounts behind the login (default: the explicit cost model in accounts-db.ts). */
  accounts?: () => AccountsDb | Promise<AccountsDb>;
  config?: Partial<SessionConfig>;
  /** Trace detail from the start: 'summary' for fast runs (experiments). */
  detail?: 'full' | 'summary';
  /** Releases what the accounts back end holds (the PGlite instance). */
  dispose?: () => void | Promise<void>;
}

export interface SessionStoreModel extends ScenarioModel {
  /** The configuration in force (read-only view, for tests and status lines). */
  readonly config: Readonly<SessionConfig>;
  dispose(): void | Promise<void>;
}

/**
 * The session-store scenario: simulated users log in, browse, fill a cart and check out through
 * a load balancer and app instances in two AZs; their sessions live in the instance's memory
 * (round robin or sticky) or in a real Redis engine (ElastiCache profile) as hashes with a TTL
 * refreshed on activity. Instances, AZs and the unreplicated cache node can fail live.
 */
export function createSessionStoreModel(options: SessionStoreModelOptions = {}): SessionStoreModel {
  const cfg: SessionConfig = { ...DEFAULT_CONFIG, ...options.config };
  const lifecycle = createActor(sessionLifecycleMachine).start();
  let w: World | null = null;
  const detail: 'full' | 'summary' = options.detail ?? 'full';

  const refuse = (error: string): ApplyOutcome => ({ ok: false, error });

  function startUser(world: World, index: number): void {
    const u = world.users[index]!;
    // Spread the first clicks over one think time so users do not arrive in lockstep.
    schedule(world, u, 1 + world.workload.int(Math.max(1, world.cfg.thinkMs * 1000)));
  }

  function setUsers(world: World, n: number): void {
    while (world.users.length < n)
      world.users.push(
        createUser(world.users.length, world.workload, world.accounts?.users ?? 2000),
      );
    world.users.forEach((u, i) => {
      const present = i < n;
      if (present === u.present) return;
      u.present = present;
      if (!present && u.next) {
        world.ctx.kernel.cancel(u.next);
        u.next = null;
      }
    });
    assignIdlers(world.users, world.cfg.idleShare);
    if (world.cfg.traffic) {
      world.users.forEach((u, i) => {
        if (u.present && !u.next && !u.inFlight) startUser(world, i);
      });
    }
  }

  function setTraffic(world: World, on: boolean): void {
    world.cfg.traffic = on;
    for (const u of world.users) {
      if (!on && u.next) {
        world.ctx.kernel.cancel(u.next);
        u.next = null;
      } else if (on && u.present && !u.next && !u.inFlight) {
        schedule(world, u, thinkTimeUs(world.workload, world.cfg.thinkMs));
      }
    }
  }

  function resolveAz(world: World, raw: unknown): { id: string; label: string } | string {
    const az = world.ctx.topology.azs.find((a) => a.id === raw || a.label === raw);
    if (!az)
      return `"az" must be one of ${world.ctx.topology.azs.map((a) => `${a.id} (${a.label})`).join(', ')}.`;
    return az;
  }

  function act(world: World, action: UserAction): ApplyOutcome | null {
    const p = action.params;
    switch (action.type) {
      case 'mode.set':
      case 'ttl.set':
      case 'workload.set':
      case 'traffic.set': {
        const next = updateConfig(world.cfg, action.type, p);
        if (typeof next === 'string') return refuse(next);
        const prev = world.cfg;
        world.cfg = next;
        if (action.type === 'mode.set' && prev.mode !== next.mode) {
          world.stats.logoutFree = 0;
          note(world, 'lb', modeNote(next.mode));
        }
        if (action.type === 'workload.set') setUsers(world, next.users);
        if (action.type === 'traffic.set' && prev.traffic !== next.traffic)
          setTraffic(world, next.traffic);
        return null;
      }
      case 'instance.terminate': {
        const id = p?.id;
        const inst = world.instances.find((i) => i.id === id);
        if (!inst)
          return refuse(
            `"id" must be one of ${APP_SLOTS.join(', ')} (got ${JSON.stringify(id ?? null)}).`,
          );
        if (!inst.inService)
          return refuse(`${instanceLabel(inst.id)} is not running (${inst.downReason}).`);
        const r = terminate(world, inst, 'was terminated');
        note(world, inst.id, terminateNote(world, inst.id, r.sessions, r.users));
        return null;
      }
      case 'scale.out': {
        const slot = world.instances.find((i) => !i.inService && !world.outages.has(i.az));
        if (!slot)
          return refuse(
            'Every instance slot whose AZ is up is already running; terminate or scale in first.',
          );
        launch(world, slot);
        note(
          world,
          slot.id,
          `${instanceLabel(slot.id)} launched and registered with the load balancer (empty memory).`,
        );
        return null;
      }
      case 'scale.in': {
        const running = world.instances.filter((i) => i.inService);
        if (running.length <= 1)
          return refuse(
            'Only one instance is in service: scaling in would leave the load balancer with no target.',
          );
        const last = running[running.length - 1]!;
        const r = terminate(world, last, 'was scaled in');
        note(world, last.id, terminateNote(world, last.id, r.sessions, r.users));
        return null;
      }
      case 'az.outage': {
        const az = resolveAz(world, p?.az);
        if (typeof az === 'string') return refuse(az);
        if (world.outages.has(az.id)) return refuse(`The AZ ${az.label} is already out.`);
        note(world, '', `${az.label} is out: ${azOutage(world, az.id, az.label)} went down.`);
        return null;
      }
      case 'az.restore': {
        const az = resolveAz(world, p?.az);
        if (typeof az === 'string') return refuse(az);
        if (!world.outages.has(az.id)) return refuse(`The AZ ${az.label} is not out.`);
        azRestore(world, az.id);
        note(
          world,
          '',
          `${az.label} is back: its instances relaunch with empty memory, and a replaced cache node starts empty.`,
        );
        return null;
      }
      case 'cache.restart': {
        if (!world.cache.up)
          return refuse('The cache node is down with its AZ; restore the AZ first.');
        const n = restartCache(world);
        note(
          world,
          'cache',
          `The cache node restarted without a replica: ${n} sessions are gone. With Multi-AZ and a replica, a replica would have been promoted with the data.`,
        );
        return null;
      }
      case 'console': {
        if (p?.target !== 'redis') return refuse('"target" must be redis in this scenario.');
        const line = p.line;
        if (typeof line !== 'string')
          return refuse('"line" must be the text typed in the console.');
        if (line.length > 64 * 1024) return refuse('That console line is longer than 64 KB.');
        return { ok: true, output: redisConsoleLine(world.cache, line) };
      }
      default:
        return refuse(
          `Unknown action "${action.type}". This scenario offers: ${ACTION_TYPES.join(', ')}.`,
        );
    }
  }

  return {
    id: 'session-store',
    topology: SESSION_TOPOLOGY,
    actions: ACTIONS,
    get config() {
      return w?.cfg ?? cfg;
    },
    start(ctx: SimContext) {
      const workload = ctx.rng.stream('workload');
      const instances = createInstances((id) => ctx.topology.node(id).az, INITIAL_INSTANCES);
      const world: World = {
        ctx,
        cfg: { ...cfg },
        detail,
        workload,
        ids: ctx.rng.stream('session-ids'),
        hops: ctx.rng.stream('hops'),
        users: [],
        instances,
        lb: new LoadBalancer(instances),
        cache: null as unknown as RedisNode,
        cacheBaseline: 0,
        stored: new Map(),
        accounts: null,
        rdsUp: true,
        outages: new Set(),
        stats: new SessionStats(),
        lifecycle,
        nextRequest: 1,
      };
      world.cache = new RedisNode(
        ctx.kernel,
        ctx.rng.stream('cache-engine'),
        { maxmemory: CACHE_MAXMEMORY, policy: 'volatile-lru' },
        (event, key) => onKeyspaceEvent(world, event, key),
      );
      world.cacheBaseline = world.cache.engine.usedMemory();
      w = world;
      const tick = (): void => {
        sweep(world);
        ctx.kernel.after(SWEEP_EVERY_US, tick);
      };
      ctx.kernel.after(SWEEP_EVERY_US, tick);
      const begin = (accounts: AccountsDb): void => {
        world.accounts = accounts;
        setUsers(world, world.cfg.users);
      };
      const accounts = (options.accounts ?? (() => simulatedAccounts()))();
      if (!(accounts instanceof Promise)) return begin(accounts);
      ctx.wait(accounts, begin, (err) => {
        // The lesson still works without PGlite: logins then cost the model's fixed figure.
        ctx.emit('scenario.note', 'rds', '', {
          text: `The database could not start (${err instanceof Error ? err.message : String(err)}); logins use the model's query cost instead.`,
        });
        begin(simulatedAccounts());
      });
    },
    apply(action, ctx) {
      if (!w) return refuse('The simulation is still starting; try again in a moment.');
      const out = act(w, action);
      if (out) return out;
      ctx.emit('action.applied', '', '', describeAction(ACTIONS, action));
      return { ok: true };
    },
    setDetail(next) {
      if (w) w.detail = next;
    },
    exportSnapshot: (nodeId, asOfMs) =>
      exportSnapshot(
        nodeId,
        nodeId === 'cache' && w
          ? { kind: 'redis', engine: w.cache.engine, up: w.cache.up }
          : otherNode(SESSION_TOPOLOGY, nodeId),
        asOfMs,
      ),
    nodeStatus: () => (w ? sessionNodeStatus(w) : {}),
    metrics: () => (w ? sessionMetrics(w) : {}),
    machines: () => [machineSpecOf(sessionLifecycleMachine, 'The session of user u01')],
    machineStates: () => ({ session: activeStateIds(lifecycle.getSnapshot().value) }),
    dispose: () => options.dispose?.(),
  };
}

function modeNote(mode: SessionConfig['mode']): string {
  switch (mode) {
    case 'in-memory':
      return 'Sessions now live in each instance’s memory, and the load balancer spreads requests round robin.';
    case 'sticky':
      return 'The load balancer now pins each browser to one instance with a cookie (sticky sessions).';
    case 'elasticache':
      return 'Sessions now live in ElastiCache as hashes with a TTL: any instance can serve any user.';
  }
}

function terminateNote(w: World, id: string, sessions: number, users: number): string {
  const name = instanceLabel(id);
  if (w.cfg.mode === 'elasticache' && users === 0) {
    // Sessions left in its memory from an earlier mode belong to nobody any more.
    return `${name} is gone. No user's session was on it: the next requests go to the other instances, which read the sessions from ElastiCache.`;
  }
  return `${name} is gone with the ${sessions} sessions in its memory: ${users} user${users === 1 ? '' : 's'} will be logged out on their next request.`;
}
