/** INFO's # Replication section, field for field as redis-server 7.0's genRedisInfoString. */
import type { RedisEngine } from '../engine';

export function replicationInfo(e: RedisEngine): Array<[string, string | number]> {
  const repl = e.repl;
  const r = repl.role;
  const p = repl.primary;
  const secs = (ms: number): number => Math.floor(ms / 1000);
  const now = e.clock.nowMs();
  const f: Array<[string, string | number]> = [['role', r.host === null ? 'master' : 'slave']];
  if (r.host !== null) {
    const link = r.link;
    const applied = link !== null ? link.reploff : r.cached !== null ? r.cached.reploff : 1;
    const read = link !== null ? link.readReploff : r.cached !== null ? r.cached.readReploff : 1;
    f.push(
      ['master_host', r.host],
      ['master_port', r.port],
      ['master_link_status', r.state === 'connected' ? 'up' : 'down'],
      ['master_last_io_seconds_ago', link !== null ? secs(now) - secs(link.lastInteraction) : -1],
      ['master_sync_in_progress', r.state === 'sync' ? 1 : 0],
      ['slave_read_repl_offset', read],
      ['slave_repl_offset', applied],
    );
    if (r.state === 'sync') {
      const size = r.transferSize;
      f.push(
        ['master_sync_total_bytes', size],
        ['master_sync_read_bytes', r.transferRead],
        ['master_sync_left_bytes', size - r.transferRead],
        ['master_sync_perc', (size > 0 ? (r.transferRead / size) * 100 : 0).toFixed(2)],
        ['master_sync_last_io_seconds_ago', secs(now) - secs(r.transferLastIo)],
      );
    }
    if (r.state !== 'connected') {
      f.push([
        'master_link_down_since_seconds',
        r.downSince !== 0 ? secs(now) - secs(r.downSince) : -1,
      ]);
    }
    f.push(
      ['slave_priority', e.config['replica-priority']],
      ['slave_read_only', e.config['replica-read-only'] === 'yes' ? 1 : 0],
      ['replica_announced', e.config['replica-announced'] === 'yes' ? 1 : 0],
    );
  }
  f.push(['connected_slaves', p.replicas.length]);
  p.replicas.forEach((x, i) => {
    const lag = x.state === 'online' ? secs(now) - secs(x.ackTime) : 0;
    f.push([
      `slave${i}`,
      `ip=${x.addr},port=${x.listeningPort},state=${x.state},offset=${x.ackOffset},lag=${lag}`,
    ]);
  });
  const b = p.backlog;
  f.push(
    ['master_failover_state', 'no-failover'],
    ['master_replid', p.replid],
    ['master_replid2', p.replid2],
    ['master_repl_offset', p.offset],
    ['second_repl_offset', p.secondReplOffset],
    ['repl_backlog_active', b !== null ? 1 : 0],
    ['repl_backlog_size', e.config['repl-backlog-size']],
    ['repl_backlog_first_byte_offset', b !== null ? b.offset : 0],
    ['repl_backlog_histlen', b !== null ? b.histlen : 0],
  );
  return f;
}
