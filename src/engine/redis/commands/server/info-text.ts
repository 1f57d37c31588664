/** INFO's text, section by section, in redis-server 7.0's field order (subset we model). */
import type { RedisEngine } from '../../engine';
import { linkCount } from '../../cluster/describe';
import { replicationInfo } from '../../replication/info';

export const DEFAULT_SECTIONS = [
  'server',
  'clients',
  'memory',
  'persistence',
  'stats',
  'replication',
  'cpu',
  'cluster',
  'keyspace',
];

/** bytesToHuman from redis: B, K, M, G with two decimals. */
export function bytesToHuman(n: number): string {
  if (n < 1024) return `${n}B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(2)}K`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(2)}M`;
  if (n < 1024 ** 4) return `${(n / 1024 ** 3).toFixed(2)}G`;
  return `${(n / 1024 ** 4).toFixed(2)}T`;
}

function lines(title: string, fields: Array<[string, string | number]>): string {
  return `# ${title}\r\n${fields.map(([k, v]) => `${k}:${v}\r\n`).join('')}`;
}

export function infoSection(e: RedisEngine, name: string): string | undefined {
  const now = e.clock.nowMs();
  const used = e.usedMemory();
  switch (name) {
    case 'server': {
      const up = Math.floor((now - e.startedAt) / 1000);
      return lines('Server', [
        ['redis_version', '7.0.15'],
        ['redis_mode', e.cluster !== null ? 'cluster' : 'standalone'],
        ['os', e.profile === 'elasticache' ? 'Amazon ElastiCache' : 'Simulated'],
        ['arch_bits', 64],
        ['process_id', 1],
        ['run_id', e.runId],
        ['tcp_port', e.tcpPort],
        ['server_time_usec', Math.floor(now * 1000)],
        ['uptime_in_seconds', up],
        ['uptime_in_days', Math.floor(up / 86400)],
        ['hz', e.config.hz],
        ['configured_hz', e.config.hz],
        ['executable', '/simulated/redis-server'],
        ['config_file', ''],
      ]);
    }
    case 'clients': {
      let blocked = 0;
      let pubsub = 0;
      let watching = 0;
      for (const c of e.clients.values()) {
        if (c.blocked) blocked++;
        if (c.subscriptionCount) pubsub++;
        if (c.watched.length) watching++;
      }
      return lines('Clients', [
        ['connected_clients', e.clients.size],
        ['cluster_connections', e.cluster !== null ? linkCount(e.cluster) : 0],
        ['maxclients', e.config.maxclients],
        ['blocked_clients', blocked],
        ['tracking_clients', 0],
        ['clients_in_timeout_table', blocked],
        ['pubsub_clients', pubsub],
        ['watching_clients', watching],
      ]);
    }
    case 'memory':
      return lines('Memory', [
        ['used_memory', used],
        ['used_memory_human', bytesToHuman(used)],
        ['used_memory_peak', Math.max(used, e.peakMemory)],
        ['used_memory_peak_human', bytesToHuman(Math.max(used, e.peakMemory))],
        ['used_memory_dataset', used - 876152],
        ['maxmemory', e.config.maxmemory],
        ['maxmemory_human', bytesToHuman(e.config.maxmemory)],
        ['maxmemory_policy', e.config['maxmemory-policy']],
        ['mem_allocator', 'jemalloc-5.3.0'],
      ]);
    case 'persistence':
      return lines('Persistence', [
        ['loading', 0],
        ['async_loading', 0],
        ['rdb_changes_since_last_save', 0],
        ['rdb_bgsave_in_progress', 0],
        ['rdb_last_save_time', Math.floor(e.persistence.lastSaveMs / 1000)],
        ['rdb_last_bgsave_status', e.persistence.lastBgsaveOk ? 'ok' : 'err'],
        ['rdb_saves', e.persistence.saves],
        ['rdb_last_load_keys_expired', e.persistence.lastLoadKeysExpired],
        ['rdb_last_load_keys_loaded', e.persistence.lastLoadKeysLoaded],
        ['aof_enabled', 0],
        ['aof_rewrite_in_progress', 0],
      ]);
    case 'stats': {
      const s = e.stats;
      return lines('Stats', [
        ['total_connections_received', s.totalConnections],
        ['total_commands_processed', s.totalCommands],
        ['instantaneous_ops_per_sec', 0],
        ['total_net_input_bytes', s.totalNetInput],
        ['total_net_output_bytes', s.totalNetOutput],
        ['rejected_connections', s.rejectedConnections],
        ['sync_full', e.repl.stats.syncFull],
        ['sync_partial_ok', e.repl.stats.syncPartialOk],
        ['sync_partial_err', e.repl.stats.syncPartialErr],
        ['expired_keys', s.expiredKeys],
        ['evicted_keys', s.evictedKeys],
        ['keyspace_hits', s.keyspaceHits],
        ['keyspace_misses', s.keyspaceMisses],
        ['pubsub_channels', e.pubsub.channels.size],
        ['pubsub_patterns', e.pubsub.patterns.size],
        ['total_error_replies', s.errorReplies],
      ]);
    }
    case 'replication':
      return lines('Replication', replicationInfo(e));
    case 'cpu':
      return lines('CPU', [
        ['used_cpu_sys', '0.000000'],
        ['used_cpu_user', '0.000000'],
      ]);
    case 'cluster':
      return lines('Cluster', [['cluster_enabled', e.cluster !== null ? 1 : 0]]);
    case 'keyspace': {
      const f: Array<[string, string]> = [];
      for (const db of e.dbs) {
        if (db.size === 0) continue;
        f.push([
          `db${db.id}`,
          `keys=${db.size},expires=${db.volatileCount},avg_ttl=${db.averageTtl(now)}`,
        ]);
      }
      return lines('Keyspace', f);
    }
    default:
      return undefined;
  }
}
