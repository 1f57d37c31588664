import type { MemcachedObservation } from '../../engine/memcached/index';
import { MemcachedNode } from '../nodes/memcached-node';
import { CacheNode, type CacheNodeOptions, type CacheNodeStats } from './cache-node';
import type { NodeConnection } from './node-connection';
import { memcachedItemMemoryMb } from './node-types';

/** What a Memcached client sends: the text protocol's storage, retrieval and config commands. */
export type MemcachedRequest =
  | { op: 'get'; key: string }
  | { op: 'set'; key: string; value: string; exptime: number }
  /** `gets`: the value with its CAS token, for a later `cas`. */
  | { op: 'gets'; key: string }
  /** `add`: store only if the key holds nothing (NOT_STORED otherwise). */
  | { op: 'add'; key: string; value: string; exptime: number }
  /** `cas`: store only if the item's CAS token is still `cas` (EXISTS: someone wrote since). */
  | { op: 'cas'; key: string; value: string; exptime: number; cas: number }
  | { op: 'delete'; key: string }
  /** ElastiCache's Auto Discovery command (`config get cluster`, Memcached 1.4.14+). */
  | { op: 'config-get-cluster' };

/** The reply, typed; `line` is what memcached prints for outcomes other than a value. */
export type MemcachedResponse =
  | { kind: 'value'; value: string; cas: number }
  | { kind: 'miss' }
  | { kind: 'ok'; line: 'STORED' | 'DELETED' | 'NOT_FOUND' | 'NOT_STORED' | 'EXISTS' }
  | { kind: 'error'; line: string }
  | { kind: 'config'; version: number; endpoints: string[]; text: string };

export interface MemcachedCacheNodeOptions extends CacheNodeOptions {
  /** memcached_connections_overhead in MB (modifiable; default 100). */
  connectionsOverheadMb?: number;
}

/** The cluster's Auto Discovery metadata, held by every node (docs/endpoints.md). */
export interface DiscoveryConfig {
  version: number;
  /** Node endpoints with their ports, in the order the reply lists them. */
  nodes: readonly { endpoint: string; port: number }[];
}

const decoder = new TextDecoder();

/**
 * A Memcached node: the real engine (slab classes, LRU, memcached's expiry rules) with the
 * node type's item memory (max_cache_memory less the connection overhead), and the `config
 * get cluster` reply ElastiCache adds for Auto Discovery.
 */
export class MemcachedCacheNode extends CacheNode<MemcachedRequest, MemcachedResponse> {
  readonly engine = 'memcached' as const;
  readonly process: MemcachedNode;
  readonly itemMemoryMb: number;
  /** Set by the cluster: the metadata this node answers `config get cluster` with. */
  discovery: () => DiscoveryConfig = () => ({ version: 0, nodes: [] });

  constructor(options: MemcachedCacheNodeOptions) {
    super(options);
    this.itemMemoryMb = memcachedItemMemoryMb(options.nodeType, options.connectionsOverheadMb);
    this.process = new MemcachedNode(options.ctx.kernel, this.itemMemoryMb);
    this.listen();
    if (!this.up) this.process.up = false;
  }

  stats(): CacheNodeStats {
    const s = this.process.engine.stats();
    return {
      items: Number(s.curr_items ?? 0),
      bytesUsed: Number(s.bytes ?? 0),
      maxBytes: this.itemMemoryMb * 1024 * 1024,
      evictions: Number(s.evictions ?? 0),
      reclaimed: Number(s.reclaimed ?? 0),
      currConnections: this.currConnections,
    };
  }

  protected execute(_conn: NodeConnection, req: MemcachedRequest) {
    const e = this.process.engine;
    switch (req.op) {
      case 'get':
      case 'gets': {
        const v = e.get(req.key);
        // `get <key>\r\n` in; `END\r\n`, or the VALUE line, the data and END, out.
        const bytesIn = req.key.length + 6;
        if (!v) return { reply: { kind: 'miss' } as const, bytes: req.key.length + 10, bytesIn };
        return {
          reply: { kind: 'value', value: decoder.decode(v.value), cas: v.cas } as const,
          bytes: req.key.length + v.value.length + 30,
          bytesIn,
        };
      }
      case 'set':
      case 'add':
      case 'cas': {
        const opts = { exptime: req.exptime };
        const r =
          req.op === 'set'
            ? e.set(req.key, req.value, opts)
            : req.op === 'add'
              ? e.add(req.key, req.value, opts)
              : e.cas(req.key, req.value, req.cas, opts);
        const reply: MemcachedResponse =
          r === 'STORED' || r === 'NOT_STORED' || r === 'EXISTS' || r === 'NOT_FOUND'
            ? { kind: 'ok', line: r }
            : { kind: 'error', line: r };
        const bytes = req.key.length + req.value.length + 30;
        return { reply, bytes, bytesIn: bytes - r.length - 2 };
      }
      case 'delete': {
        const r = e.delete(req.key);
        const reply: MemcachedResponse =
          r === 'DELETED' || r === 'NOT_FOUND'
            ? { kind: 'ok', line: r }
            : { kind: 'error', line: r };
        const bytes = req.key.length + 20;
        return { reply, bytes, bytesIn: bytes - r.length - 2 };
      }
      case 'config-get-cluster': {
        const reply = configReply(this.discovery());
        // `config get cluster\r\n` is 20 bytes.
        return { reply, bytes: reply.text.length + 20, bytesIn: 20 };
      }
    }
  }

  protected bootProcess(): void {
    this.process.replace();
    this.listen();
  }

  protected killProcess(): void {
    // The items die with the process: a stopped node holds nothing (a fresh engine, kept down).
    this.process.replace();
    this.process.up = false;
    this.listen();
  }

  /** Evictions, lazy expiries and tail reclaims, from the engine's observation of each command. */
  private listen(): void {
    this.process.engine.observe((o: MemcachedObservation) => {
      if (o.expired && o.key !== null) this.notify({ type: 'expired', key: o.key });
      for (const key of o.reclaimed) this.notify({ type: 'expired', key });
      for (const key of o.evicted) this.notify({ type: 'evicted', key });
    });
  }
}

/**
 * The `config get cluster` reply as ElastiCache prints it: a CONFIG header, the version line
 * (LF only), the node list (`host|ip|port`, space separated, LF then CRLF), END. The header's
 * length is the data block's without the final CRLF, as memcached counts a VALUE block (AWS's
 * own example header does not add up, so the protocol rule decides). The simulator has no IP
 * addresses, so the middle field is empty — as AWS prints it when the private IP is unknown.
 */
export function configReply(cfg: DiscoveryConfig): Extract<MemcachedResponse, { kind: 'config' }> {
  const list = cfg.nodes.map((n) => `${n.endpoint}||${n.port}`).join(' ');
  const payload = `${cfg.version}\n${list}\n`;
  return {
    kind: 'config',
    version: cfg.version,
    endpoints: cfg.nodes.map((n) => n.endpoint),
    text: `CONFIG cluster 0 ${payload.length}\r\n${payload}\r\nEND\r\n`,
  };
}
