/**
 * A node's data as the RDB file a backup holds: what ElastiCache exports to S3 for a Valkey /
 * Redis OSS snapshot, in the RDB version 10 format Redis OSS 7.0 writes, so redis-server (or any
 * RDB tool) loads it. Node-based Memcached has no snapshots at all (docs/aws/snapshots.md).
 */
import { saveRdb, type RedisEngine } from '../engine/redis/index';
import type { TopologySpec } from './topology';

export type SnapshotExport =
  { ok: true; fileName: string; bytes: Uint8Array; keys: number } | { ok: false; error: string };

/** What a model knows about the node asked for. */
export type SnapshotSource =
  | { kind: 'redis'; engine: RedisEngine; up: boolean }
  | { kind: 'memcached' }
  | { kind: 'other'; label: string }
  | undefined;

/**
 * `asOfMs` (optional) writes the file as of that wall-clock time, so the keys keep the TTLs they
 * have in the simulation when a real server loads it (saveRdb's asOfMs); without it the file
 * carries the simulation's own calendar (deterministic bytes).
 */
export function exportSnapshot(
  nodeId: string,
  source: SnapshotSource,
  asOfMs?: number,
): SnapshotExport {
  if (source === undefined) return { ok: false, error: `There is no node "${nodeId}".` };
  if (source.kind === 'memcached')
    return {
      ok: false,
      error:
        'Node-based Memcached cannot be backed up: it has no snapshots (only serverless Memcached does).',
    };
  if (source.kind === 'other')
    return {
      ok: false,
      error: `${source.label} is not a cache node; only Valkey / Redis OSS nodes have snapshots.`,
    };
  if (!source.up)
    return {
      ok: false,
      error: `${nodeId} is down: there is no running process to back up. Wait until it is available again.`,
    };
  const { engine } = source;
  let keys = 0;
  for (const db of engine.dbs) keys += db.size;
  return {
    ok: true,
    fileName: `${nodeId}.rdb`,
    bytes: saveRdb(engine, asOfMs === undefined ? {} : { asOfMs }),
    keys,
  };
}

/** A node of the topology that is not a cache (or no node at all: undefined). */
export function otherNode(topology: TopologySpec, nodeId: string): SnapshotSource {
  const node = topology.nodes.find((n) => n.id === nodeId);
  return node ? { kind: 'other', label: node.label } : undefined;
}
