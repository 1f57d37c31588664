/**
 * Moving a slot between engine nodes, step by step as `redis-cli --cluster reshard` does
 * (clusterManagerMoveSlot): IMPORTING on the target, MIGRATING on the source, MIGRATE the keys
 * ten at a time, then SETSLOT NODE on the target (which takes a new epoch and tells everyone),
 * the source and every other master. Every step is a real command on the nodes.
 */
import type { RedisEngine } from '../engine';
import type { Client } from '../client';
import type { Reply } from '../reply';

/** redis-cli's defaults: CLUSTER_MANAGER_MIGRATE_PIPELINE and _TIMEOUT. */
const PIPELINE = 10;
const TIMEOUT_MS = 60000;

export type MoveSlotResult =
  { readonly ok: true; readonly keys: number } | { readonly ok: false; readonly error: string };

const admins = new WeakMap<RedisEngine, Client>();
function admin(n: RedisEngine): Client {
  let c = admins.get(n);
  if (c === undefined || c.closed) admins.set(n, (c = n.connect({ name: 'reshard' })));
  return c;
}

const errorOf = (r: Reply | undefined): string | undefined =>
  r !== undefined && r.kind === 'error' ? r.message : undefined;

export function moveSlot(
  nodes: readonly RedisEngine[],
  slot: number,
  from: RedisEngine,
  to: RedisEngine,
): MoveSlotResult {
  const fromId = from.cluster!.myself.id;
  const toNode = to.cluster!.myself;
  const s = String(slot);
  let err =
    errorOf(admin(to).exec(['CLUSTER', 'SETSLOT', s, 'IMPORTING', fromId])) ??
    errorOf(admin(from).exec(['CLUSTER', 'SETSLOT', s, 'MIGRATING', toNode.id]));
  if (err !== undefined) return { ok: false, error: err };
  let moved = 0;
  for (;;) {
    const r = admin(from).exec(['CLUSTER', 'GETKEYSINSLOT', s, String(PIPELINE)]);
    if (r === undefined || r.kind !== 'array')
      return { ok: false, error: errorOf(r) ?? 'GETKEYSINSLOT failed' };
    if (r.items.length === 0) break;
    const keys = r.items.map((k) => (k.kind === 'bulk' ? k.value : ''));
    const m = admin(from).exec([
      'MIGRATE',
      toNode.ip,
      String(toNode.port),
      '',
      '0',
      String(TIMEOUT_MS),
      'KEYS',
      ...keys,
    ]);
    err = errorOf(m);
    if (err !== undefined) return { ok: false, error: err };
    moved += keys.length;
  }
  err = errorOf(admin(to).exec(['CLUSTER', 'SETSLOT', s, 'NODE', toNode.id]));
  if (err !== undefined) return { ok: false, error: err };
  // A source that just gave away its last slot became a replica: not an error (issue #9223).
  err = errorOf(admin(from).exec(['CLUSTER', 'SETSLOT', s, 'NODE', toNode.id]));
  if (err !== undefined && err !== 'ERR Please use SETSLOT only with masters.')
    return { ok: false, error: err };
  for (const n of nodes) {
    if (n === from || n === to || !n.cluster!.myself.isMaster) continue;
    err = errorOf(admin(n).exec(['CLUSTER', 'SETSLOT', s, 'NODE', toNode.id]));
    if (err !== undefined) return { ok: false, error: err };
  }
  return { ok: true, keys: moved };
}
