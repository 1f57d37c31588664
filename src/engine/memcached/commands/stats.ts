import type { CommandContext } from '../context';
import { safeStrtoul32 } from '../numbers';
import { MAX_NUMBER_OF_SLAB_CLASSES, VERSION } from '../settings';
import type { Item } from '../item';
import { COLD } from '../lru';
import type { ItemStore } from '../store';
import type { Tokens } from '../tokenize';

type Stat = [string, string | number];

/**
 * process_stat: `stats`, `stats settings|items|slabs|sizes|detail|cachedump|reset`. Values
 * that describe the process rather than the cache (pid, rusage, buffers, connection structs,
 * libevent) are fixed plausible figures here; the differential test leaves them out.
 */
export function processStats(ctx: CommandContext, t: Tokens): void {
  const store = ctx.store;
  const sub = t.list[1];
  if (t.ntokens === 2) return writeStats(ctx, [...generalStats(store)]);
  if (sub === 'reset') {
    resetStats(store);
    return ctx.reply('RESET');
  }
  if (sub === 'detail') {
    const arg = t.ntokens < 4 ? '' : t.list[2]!;
    if (arg === 'on' || arg === 'off') return ctx.reply('OK');
    if (arg === 'dump') return ctx.out.raw('END\r\n');
    return ctx.reply('CLIENT_ERROR usage: stats detail on|off|dump');
  }
  if (sub === 'settings') return writeStats(ctx, settingsStats(store));
  if (sub === 'cachedump') {
    if (t.ntokens < 5) return ctx.reply('CLIENT_ERROR bad command line');
    const id = safeStrtoul32(t.list[2]!);
    const limit = id === null ? null : safeStrtoul32(t.list[3]!);
    if (id === null || limit === null) return ctx.reply('CLIENT_ERROR bad command line format');
    if (id >= MAX_NUMBER_OF_SLAB_CLASSES) return ctx.reply('CLIENT_ERROR Illegal slab id');
    return cachedump(ctx, id, limit);
  }
  if (sub === 'items') return writeStats(ctx, itemStats(store));
  if (sub === 'slabs') return writeStats(ctx, slabStats(store));
  if (sub === 'sizes') return writeStats(ctx, [['sizes_status', 'disabled']]);
  ctx.reply('ERROR');
}

function writeStats(ctx: CommandContext, stats: Stat[]): void {
  for (const [k, v] of stats) ctx.out.raw(`STAT ${k} ${v}\r\n`);
  ctx.out.raw('END\r\n');
}

function resetStats(store: ItemStore): void {
  const c = store.counters;
  for (const k of [
    'getCmds',
    'getMisses',
    'getExpired',
    'getFlushed',
    'touchCmds',
    'touchMisses',
    'deleteMisses',
    'incrMisses',
    'decrMisses',
    'casMisses',
    'storeTooLarge',
    'storeNoMemory',
    'flushCmds',
    'metaCmds',
    'bytesRead',
    'bytesWritten',
    'totalItems',
    'totalConns',
  ] as const)
    c[k] = 0;
  for (const p of store.slabs.classes) {
    p.evicted = p.evictedNonzero = p.evictedTime = p.evictedUnfetched = p.outofmemory = 0;
    p.reclaimed = p.expiredUnfetched = p.lrutailReflocked = p.directReclaims = 0;
    p.getHits = p.setCmds = p.deleteHits = p.incrHits = p.decrHits = 0;
    p.casHits = p.casBadval = p.touchHits = 0;
    p.evictedActive = p.movesToCold = p.movesToWarm = p.movesWithinLru = 0;
    p.hitsTo = [0, 0, 0, 0];
  }
  if (store.maintainer !== null) store.maintainer.juggles = 0;
}

function sum(store: ItemStore, f: (p: ItemStore['slabs']['classes'][number]) => number): number {
  let total = 0;
  for (const p of store.slabs.classes) total += f(p);
  return total;
}

/** memcached's hash table starts at 2^16 buckets and doubles once items exceed 1.5x buckets. */
function hashPower(items: number): number {
  let power = 16;
  while (items > ((1 << power) * 3) / 2) power++;
  return power;
}

function generalStats(store: ItemStore): Stat[] {
  const c = store.counters;
  const s = store.settings;
  const now = store.currentTime;
  const power = hashPower(c.currItems);
  const m = store.maintainer;
  return [
    ['pid', 1],
    ['uptime', now - 60],
    ['time', now + store.processStarted],
    ['version', VERSION],
    ['libevent', '2.1.12-stable'],
    ['pointer_size', 64],
    ['rusage_user', '0.000000'],
    ['rusage_system', '0.000000'],
    ['max_connections', s.maxconns],
    ['curr_connections', c.currConns],
    ['total_connections', c.totalConns],
    ['rejected_connections', 0],
    ['connection_structures', c.currConns + 1],
    ['response_obj_oom', 0],
    ['response_obj_count', 1],
    ['response_obj_bytes', 16384],
    ['read_buf_count', 8],
    ['read_buf_bytes', 131072],
    ['read_buf_bytes_free', 49152],
    ['read_buf_oom', 0],
    ['reserved_fds', 20],
    ['cmd_get', c.getCmds],
    ['cmd_set', sum(store, (p) => p.setCmds)],
    ['cmd_flush', c.flushCmds],
    ['cmd_touch', c.touchCmds],
    ['cmd_meta', c.metaCmds],
    ['get_hits', sum(store, (p) => p.getHits)],
    ['get_misses', c.getMisses],
    ['get_expired', c.getExpired],
    ['get_flushed', c.getFlushed],
    ['delete_misses', c.deleteMisses],
    ['delete_hits', sum(store, (p) => p.deleteHits)],
    ['incr_misses', c.incrMisses],
    ['incr_hits', sum(store, (p) => p.incrHits)],
    ['decr_misses', c.decrMisses],
    ['decr_hits', sum(store, (p) => p.decrHits)],
    ['cas_misses', c.casMisses],
    ['cas_hits', sum(store, (p) => p.casHits)],
    ['cas_badval', sum(store, (p) => p.casBadval)],
    ['touch_hits', sum(store, (p) => p.touchHits)],
    ['touch_misses', c.touchMisses],
    ['store_too_large', c.storeTooLarge],
    ['store_no_memory', c.storeNoMemory],
    ['auth_cmds', 0],
    ['auth_errors', 0],
    ['bytes_read', c.bytesRead],
    ['bytes_written', c.bytesWritten],
    ['limit_maxbytes', s.maxbytes],
    ['accepting_conns', 1],
    ['listen_disabled_num', 0],
    ['time_in_listen_disabled_us', 0],
    ['threads', s.numThreads],
    ['conn_yields', 0],
    ['hash_power_level', power],
    ['hash_bytes', 8 * 2 ** power],
    ['hash_is_expanding', 0],
    ['slab_reassign_rescues', 0],
    ['slab_reassign_chunk_rescues', 0],
    ['slab_reassign_evictions_nomem', 0],
    ['slab_reassign_inline_reclaim', 0],
    ['slab_reassign_busy_items', 0],
    ['slab_reassign_busy_deletes', 0],
    ['slab_reassign_running', 0],
    ['slabs_moved', 0],
    // The maintainer kicks the LRU crawler once at start-up (an empty cache); its later
    // autoexpire crawls, at least 65 s apart, are not modelled (docs/memcached-lru.md).
    ...(s.lruCrawler
      ? ([
          ['lru_crawler_running', 0],
          ['lru_crawler_starts', m ? 1 : 0],
        ] as Stat[])
      : []),
    ...(m ? ([['lru_maintainer_juggles', m.juggles]] as Stat[]) : []),
    ['malloc_fails', 0],
    ['log_worker_dropped', 0],
    ['log_worker_written', 0],
    ['log_watcher_skipped', 0],
    ['log_watcher_sent', 0],
    ['log_watchers', 0],
    ['unexpected_napi_ids', 0],
    ['round_robin_fallback', 0],
    ['bytes', c.currBytes],
    ['curr_items', c.currItems],
    ['total_items', c.totalItems],
    ['slab_global_page_pool', 0],
    ['expired_unfetched', sum(store, (p) => p.expiredUnfetched)],
    ['evicted_unfetched', sum(store, (p) => p.evictedUnfetched)],
    ...(m ? ([['evicted_active', sum(store, (p) => p.evictedActive)]] as Stat[]) : []),
    ['evictions', sum(store, (p) => p.evicted)],
    ['reclaimed', sum(store, (p) => p.reclaimed)],
    ['crawler_reclaimed', 0],
    ['crawler_items_checked', 0],
    ['lrutail_reflocked', sum(store, (p) => p.lrutailReflocked)],
    ...(m
      ? ([
          ['moves_to_cold', sum(store, (p) => p.movesToCold)],
          ['moves_to_warm', sum(store, (p) => p.movesToWarm)],
          ['moves_within_lru', sum(store, (p) => p.movesWithinLru)],
          ['direct_reclaims', sum(store, (p) => p.directReclaims)],
          // The bump queue is unbounded here; memcached drops bumps past 8192 queued per thread.
          ['lru_bumps_dropped', 0],
        ] as Stat[])
      : []),
  ];
}

function settingsStats(store: ItemStore): Stat[] {
  const s = store.settings;
  return [
    ['maxbytes', s.maxbytes],
    ['maxconns', s.maxconns],
    ['tcpport', s.tcpPort],
    ['udpport', 0],
    ['inter', s.tcpPort ? '127.0.0.1' : 'NULL'],
    ['verbosity', s.verbose],
    ['oldest', s.oldestLive],
    ['evictions', s.evictToFree ? 'on' : 'off'],
    ['domain_socket', 'NULL'],
    ['umask', 700],
    ['shutdown_command', 'no'],
    ['growth_factor', s.factor.toFixed(2)],
    ['chunk_size', s.chunkSize],
    ['num_threads', s.numThreads],
    ['num_threads_per_udp', s.numThreads],
    ['stat_key_prefix', ':'],
    ['detail_enabled', 'no'],
    ['reqs_per_event', 20],
    ['cas_enabled', s.useCas ? 'yes' : 'no'],
    ['tcp_backlog', 1024],
    ['binding_protocol', 'auto-negotiate'],
    ['auth_enabled_sasl', 'no'],
    ['auth_enabled_ascii', 'no'],
    ['item_size_max', s.itemSizeMax],
    ['maxconns_fast', 'yes'],
    ['hashpower_init', 0],
    ['slab_reassign', 'yes'],
    ['slab_automove', 1],
    ['slab_automove_ratio', '0.80'],
    ['slab_automove_window', 30],
    ['slab_chunk_max', s.slabChunkSizeMax],
    ['lru_crawler', s.lruCrawler ? 'yes' : 'no'],
    ['lru_crawler_sleep', 100],
    ['lru_crawler_tocrawl', 0],
    ['tail_repair_time', 0],
    ['flush_enabled', s.flushEnabled ? 'yes' : 'no'],
    ['dump_enabled', 'yes'],
    ['hash_algorithm', 'murmur3'],
    ['lru_maintainer_thread', s.lruMaintainer ? 'yes' : 'no'],
    ['lru_segmented', s.lruSegmented ? 'yes' : 'no'],
    ['hot_lru_pct', s.hotLruPct],
    ['warm_lru_pct', s.warmLruPct],
    ['hot_max_factor', s.hotMaxFactor.toFixed(2)],
    ['warm_max_factor', s.warmMaxFactor.toFixed(2)],
    ['temp_lru', s.tempLru ? 'yes' : 'no'],
    ['temporary_ttl', s.temporaryTtl],
    ['idle_timeout', 0],
    ['watcher_logbuf_size', 262144],
    ['worker_logbuf_size', 65536],
    ['read_buf_mem_limit', 0],
    ['track_sizes', 'no'],
    ['inline_ascii_response', 'no'],
    ['ext_item_size', 512],
    ['ext_item_age', 4294967295],
    ['ext_low_ttl', 0],
    ['ext_recache_rate', 2000],
    ['ext_wbuf_size', 4194304],
    ['ext_compact_under', 0],
    ['ext_drop_under', 0],
    ['ext_max_sleep', 1000000],
    ['ext_max_frag', '0.80'],
    ['slab_automove_freeratio', '0.010'],
    ['ext_drop_unread', 'no'],
    ['ssl_enabled', 'no'],
    ['ssl_chain_cert', '(null)'],
    ['ssl_key', '(null)'],
    ['ssl_verify_mode', 0],
    ['ssl_keyformat', 1],
    ['ssl_ciphers', 'NULL'],
    ['ssl_ca_cert', 'NULL'],
    ['ssl_wbuf_size', 16384],
    ['ssl_session_cache', 'no'],
    ['ssl_kernel_tls', 'no'],
    ['ssl_min_version', 'tlsv1.2'],
    ['num_napi_ids', '(null)'],
    ['memory_file', '(null)'],
  ];
}

function itemStats(store: ItemStore): Stat[] {
  const out: Stat[] = [];
  const now = store.currentTime;
  const maint = store.maintainer !== null;
  const ageOf = (it: Item | null): number => (it ? now - it.time : 0);
  for (const p of store.slabs.classes) {
    if (p.count === 0) continue;
    const n = p.id;
    const [hot, warm, cold, temp] = p.lrus;
    out.push([`items:${n}:number`, p.count]);
    if (maint) {
      out.push(
        [`items:${n}:number_hot`, hot.count],
        [`items:${n}:number_warm`, warm.count],
        [`items:${n}:number_cold`, cold.count],
      );
      if (store.settings.tempLru) out.push([`items:${n}:number_temp`, temp.count]);
      out.push([`items:${n}:age_hot`, ageOf(hot.tail)], [`items:${n}:age_warm`, ageOf(warm.tail)]);
    }
    out.push(
      [`items:${n}:age`, ageOf(cold.tail)],
      [`items:${n}:mem_requested`, p.bytes],
      [`items:${n}:evicted`, p.evicted],
      [`items:${n}:evicted_nonzero`, p.evictedNonzero],
      [`items:${n}:evicted_time`, p.evictedTime],
      [`items:${n}:outofmemory`, p.outofmemory],
      [`items:${n}:tailrepairs`, 0],
      [`items:${n}:reclaimed`, p.reclaimed],
      [`items:${n}:expired_unfetched`, p.expiredUnfetched],
      [`items:${n}:evicted_unfetched`, p.evictedUnfetched],
    );
    if (maint) out.push([`items:${n}:evicted_active`, p.evictedActive]);
    out.push(
      [`items:${n}:crawler_reclaimed`, 0],
      [`items:${n}:crawler_items_checked`, 0],
      [`items:${n}:lrutail_reflocked`, p.lrutailReflocked],
    );
    if (maint) {
      out.push(
        [`items:${n}:moves_to_cold`, p.movesToCold],
        [`items:${n}:moves_to_warm`, p.movesToWarm],
        [`items:${n}:moves_within_lru`, p.movesWithinLru],
        [`items:${n}:direct_reclaims`, p.directReclaims],
        [`items:${n}:hits_to_hot`, p.hitsTo[0]],
        [`items:${n}:hits_to_warm`, p.hitsTo[1]],
        [`items:${n}:hits_to_cold`, p.hitsTo[2]],
        [`items:${n}:hits_to_temp`, p.hitsTo[3]],
      );
    }
  }
  return out;
}

function slabStats(store: ItemStore): Stat[] {
  const out: Stat[] = [];
  let active = 0;
  for (const p of store.slabs.classes) {
    if (p.pages === 0) continue;
    const i = p.id;
    out.push(
      [`${i}:chunk_size`, p.size],
      [`${i}:chunks_per_page`, p.perslab],
      [`${i}:total_pages`, p.pages],
      [`${i}:total_chunks`, p.pages * p.perslab],
      [`${i}:used_chunks`, p.pages * p.perslab - p.free],
      [`${i}:free_chunks`, p.free],
      [`${i}:free_chunks_end`, 0],
      [`${i}:get_hits`, p.getHits],
      [`${i}:cmd_set`, p.setCmds],
      [`${i}:delete_hits`, p.deleteHits],
      [`${i}:incr_hits`, p.incrHits],
      [`${i}:decr_hits`, p.decrHits],
      [`${i}:cas_hits`, p.casHits],
      [`${i}:cas_badval`, p.casBadval],
      [`${i}:touch_hits`, p.touchHits],
    );
    active++;
  }
  out.push(['active_slabs', active], ['total_malloced', store.slabs.malloced]);
  return out;
}

/** item_cachedump: newest first, "ITEM key [bytes b; exptime s]" (2 MB output cap not modelled). */
function cachedump(ctx: CommandContext, id: number, limit: number): void {
  const store = ctx.store;
  const p = store.slabs.classes[id];
  let shown = 0;
  // The COLD LRU only, as item_cachedump walks heads[id | COLD_LRU].
  for (
    let it = p ? p.lrus[COLD].head : null;
    it !== null && (limit === 0 || shown < limit);
    it = it.next
  ) {
    const exp = it.exptime === 0 ? 0 : it.exptime + store.processStarted;
    ctx.out.raw(`ITEM ${it.key} [${it.value.length} b; ${exp} s]\r\n`);
    shown++;
  }
  ctx.out.raw('END\r\n');
}
