import { numberParam, booleanParam } from '../../action-params';
import { SlotMigration, type CacheFleet, type CachePlan } from '../../cache/index';
import type { ActionSpec, ApplyOutcome, SimContext, UserAction } from '../../model';

const NODE_ACTIONS = ['node.crash', 'node.reboot', 'node.replace'] as const;

/** What the fleet model offers a student, from its plans (the choices are the plans' names). */
export function fleetActionSpecs(
  plans: readonly CachePlan[],
  azIds: readonly string[],
): ActionSpec[] {
  const nodeIds = plans.flatMap((p) => p.nodes.map((n) => n.id));
  const groups = plans.filter((p) => p.spec.kind === 'replication-group').map((p) => p.spec.id);
  const clustered = plans
    .filter((p) => p.spec.kind === 'replication-group' && p.spec.clusterMode)
    .map((p) => p.spec.id);
  const maxShards = Math.max(1, ...plans.map((p) => p.shards.length));
  const specs: ActionSpec[] = NODE_ACTIONS.map((type) => ({
    type,
    label: {
      'node.crash': 'Crash a node',
      'node.reboot': 'Reboot a node',
      'node.replace': 'Replace a node',
    }[type],
    description: {
      'node.crash':
        'The engine process dies; ElastiCache detects it, fails over if it was a primary with Multi-AZ, and replaces it.',
      'node.reboot':
        'A customer-initiated reboot: the node comes back empty and no failover happens.',
      'node.replace': 'A new, empty node takes over behind the same endpoint.',
    }[type],
    params: [
      { kind: 'choice', name: 'node', label: 'Node', options: nodeIds, default: nodeIds[0]! },
    ],
    // Offered in a cache node's panel on the canvas, for that node.
    target: { kinds: ['cache'], param: { name: 'node', from: 'id' } },
  }));
  if (groups.length > 0)
    specs.push({
      type: 'shard.testFailover',
      label: 'Test failover',
      description:
        "The TestFailover API: the shard's primary is failed on purpose and its least-lagged replica promoted (15 shards in any rolling 24 hours).",
      params: [
        {
          kind: 'choice',
          name: 'group',
          label: 'Replication group',
          options: groups,
          default: groups[0]!,
        },
        {
          kind: 'number',
          name: 'shard',
          label: 'Shard',
          min: 1,
          max: maxShards,
          step: 1,
          default: 1,
        },
      ],
    });
  if (clustered.length > 0)
    specs.push({
      type: 'cluster.reshard',
      label: 'Move slots',
      description:
        'Online resharding: slots move one by one to another shard while clients keep working (they get ASK, then MOVED).',
      params: [
        {
          kind: 'choice',
          name: 'group',
          label: 'Cluster',
          options: clustered,
          default: clustered[0]!,
        },
        {
          kind: 'number',
          name: 'from',
          label: 'From shard',
          min: 1,
          max: maxShards,
          step: 1,
          default: 1,
        },
        {
          kind: 'number',
          name: 'to',
          label: 'To shard',
          min: 1,
          max: maxShards,
          step: 1,
          default: 2,
        },
        {
          kind: 'number',
          name: 'slots',
          label: 'Slots',
          min: 1,
          max: 16_384,
          step: 1,
          default: 100,
        },
      ],
    });
  if (azIds.length > 1)
    specs.push({
      type: 'az.partition',
      label: 'Partition between AZs',
      description:
        'The network between two AZs is cut (or heals): replication across it stops, so replicas on the far side fall behind and serve stale reads. No node fails, so nothing fails over.',
      params: [
        { kind: 'choice', name: 'a', label: 'AZ', options: azIds, default: azIds[0]! },
        { kind: 'choice', name: 'b', label: 'Other AZ', options: azIds, default: azIds[1]! },
        { kind: 'boolean', name: 'cut', label: 'Cut', default: true },
      ],
    });
  specs.push({
    type: 'az.outage',
    label: 'AZ outage',
    description:
      'Every node in the AZ stops; failed primaries fail over elsewhere and the replacements wait until the AZ is back.',
    params: [
      { kind: 'choice', name: 'az', label: 'AZ', options: azIds, default: azIds[0]! },
      { kind: 'boolean', name: 'down', label: 'Down', default: true },
    ],
    target: { kinds: ['cache'], param: { name: 'az', from: 'az' } },
  });
  return specs;
}

/** Applies one fleet action, or refuses it with a sentence (the fleet untouched). */
export function applyFleetAction(
  fleet: CacheFleet,
  plans: readonly CachePlan[],
  azIds: readonly string[],
  action: UserAction,
  ctx: SimContext,
): ApplyOutcome {
  const p = action.params;
  const applied = (to: string, detail: string): ApplyOutcome => {
    ctx.emit('action.applied', to, '', { action: action.type, detail });
    return { ok: true };
  };
  const choice = (name: string, options: readonly string[]): string | { error: string } => {
    const v = p?.[name];
    if (typeof v === 'string' && options.includes(v)) return v;
    return {
      error: `"${name}" must be one of ${options.join(', ')} (got ${JSON.stringify(v ?? null)}).`,
    };
  };
  if ((NODE_ACTIONS as readonly string[]).includes(action.type)) {
    const nodeIds = plans.flatMap((x) => x.nodes.map((n) => n.id));
    const id = choice('node', nodeIds);
    if (typeof id !== 'string') return { ok: false, ...id };
    const node = fleet.nodes.get(id)!;
    const refusal =
      action.type === 'node.crash'
        ? node.crash()
        : action.type === 'node.reboot'
          ? node.reboot()
          : node.replace();
    if (refusal) return { ok: false, error: refusal };
    return applied(id, id);
  }
  if (action.type === 'shard.testFailover') {
    const id = choice(
      'group',
      fleet.groups.map((g) => g.id),
    );
    if (typeof id !== 'string') return { ok: false, ...id };
    const g = fleet.group(id)!;
    const shard = numberParam(p, 'shard', 1, g.shards.length);
    if (typeof shard === 'string') return { ok: false, error: shard };
    const refusal = g.failover.testFailover(Math.round(shard) - 1);
    if (refusal) return { ok: false, error: refusal };
    return applied(g.primary(Math.round(shard) - 1)?.id ?? id, `${id} shard ${shard}`);
  }
  if (action.type === 'cluster.reshard') {
    const clustered = fleet.groups.filter((g) => g.cluster !== null);
    const id = choice(
      'group',
      clustered.map((g) => g.id),
    );
    if (typeof id !== 'string') return { ok: false, ...id };
    const g = fleet.group(id)!;
    const from = numberParam(p, 'from', 1, g.shards.length);
    const to = numberParam(p, 'to', 1, g.shards.length);
    const slots = numberParam(p, 'slots', 1, 16_384);
    for (const v of [from, to, slots]) if (typeof v === 'string') return { ok: false, error: v };
    const m = SlotMigration.plan(
      ctx,
      g.cluster!,
      (s) => g.primary(s),
      Math.round(slots as number),
      Math.round(from as number) - 1,
      Math.round(to as number) - 1,
    );
    if (typeof m === 'string') return { ok: false, error: m };
    m.run((r) =>
      ctx.emit('cache.event', '', '', {
        cache: id,
        text: r.ok
          ? `Resharding finished: ${r.slots} slots and ${r.keys} keys moved from shard ${from} to shard ${to}`
          : `Resharding stopped: ${r.error}`,
      }),
    );
    return applied(
      m.slots.length > 0 ? g.primary(Math.round(to as number) - 1)!.id : id,
      `${m.slots.length} slots`,
    );
  }
  if (action.type === 'az.outage') {
    const az = choice('az', azIds);
    if (typeof az !== 'string') return { ok: false, ...az };
    const down = booleanParam(p, 'down');
    if (typeof down === 'string') return { ok: false, error: down };
    fleet.azOutage(az, down);
    return applied('', `${az} ${down ? 'down' : 'back'}`);
  }
  if (action.type === 'az.partition') {
    const a = choice('a', azIds);
    if (typeof a !== 'string') return { ok: false, ...a };
    const b = choice('b', azIds);
    if (typeof b !== 'string') return { ok: false, ...b };
    if (a === b) return { ok: false, error: 'A partition is between two different AZs.' };
    const cut = booleanParam(p, 'cut');
    if (typeof cut === 'string') return { ok: false, error: cut };
    fleet.partition(a, b, cut);
    return applied('', `${a} ↔ ${b} ${cut ? 'cut' : 'healed'}`);
  }
  return { ok: false, error: `Unknown action "${action.type}".` };
}
