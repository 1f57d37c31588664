import type { Reply } from '../../engine/redis/index';
import type { SlotMapEntry } from './cluster-client-contract';

/**
 * A slot map from a `CLUSTER SHARDS` reply (RESP2: each shard a flat list `slots [a b …]
 * nodes [[id … port … endpoint … role … health …] …]`): one entry per slot range, naming nodes
 * by `endpoint:port` — the address the cluster announces and MOVED / ASK name. Replicas are
 * listed only when healthy (`online`), as clients leave out ones still loading or failed. Null
 * when the reply is an error or serves no slot (a node that has not joined yet).
 */
export function parseClusterShards(r: Reply): SlotMapEntry[] | null {
  if (r.kind !== 'array') return null;
  const out: SlotMapEntry[] = [];
  for (const shard of r.items) {
    const f = fields(shard);
    const slots = f.get('slots');
    const nodes = f.get('nodes');
    if (slots?.kind !== 'array' || nodes?.kind !== 'array') continue;
    let primary: string | null = null;
    const replicas: string[] = [];
    for (const n of nodes.items) {
      const nf = fields(n);
      const addr = `${text(nf.get('endpoint'))}:${text(nf.get('port'))}`;
      if (text(nf.get('role')) === 'master') primary = addr;
      else if (text(nf.get('health')) === 'online') replicas.push(addr);
    }
    if (primary === null) continue;
    for (let i = 0; i + 1 < slots.items.length; i += 2)
      out.push({
        first: Number(text(slots.items[i])),
        last: Number(text(slots.items[i + 1])),
        primary,
        replicas,
      });
  }
  out.sort((a, b) => a.first - b.first);
  return out.length > 0 ? out : null;
}

function fields(r: Reply | undefined): Map<string, Reply> {
  const m = new Map<string, Reply>();
  if (r?.kind !== 'array') return m;
  for (let i = 0; i + 1 < r.items.length; i += 2) m.set(text(r.items[i]), r.items[i + 1]!);
  return m;
}

function text(r: Reply | undefined): string {
  if (r === undefined) return '';
  if (r.kind === 'bulk' || r.kind === 'simple') return r.value;
  if (r.kind === 'int') return String(r.value);
  return '';
}
