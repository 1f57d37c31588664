/**
 * Streams → RDB_TYPE_STREAM_LISTPACKS_2 (rdb.c rdbSaveObject / rdbLoadObject, 7.0): the node
 * count, then per node its master ID as a 16-byte big-endian key and its listpack exactly as
 * redis-server holds it (master entry, entries with flags and ID deltas, tombstones included);
 * then length, last ID, first ID, largest deleted ID, entries added; then every consumer group
 * in name order: name, last ID, entries read, the PEL (raw 128-bit ID, delivery time, delivery
 * count) and the consumers (name, seen time, the IDs of their pending entries).
 * Loading also reads 5.x–6.x RDB_TYPE_STREAM_LISTPACKS (no first ID, deleted ID, counters) and
 * checks each listpack as streamValidateListpackIntegrity does with deep sanitisation.
 */
import type { BinStr } from '../../bytes';
import { parseInt64Exact } from '../../args';
import { jemallocSize } from '../../keyspace/memory';
import { FLAG_DELETED, FLAG_SAMEFIELDS, RedisStream, StreamNode } from '../../structures';
import type { ConsumerGroup } from '../../structures';
import type { StreamId } from '../../structures';
import { estimateDistance } from '../../structures';
import type { TypeCodec } from '../codec';
import { RDB_TYPE_STREAM_LISTPACKS, RDB_TYPE_STREAM_LISTPACKS_2 } from '../format';
import { ListpackWriter, decodeListpack } from '../listpack';
import { corrupt } from '../reader';
import type { RdbReader } from '../reader';
import type { RdbWriter } from '../writer';

const lp = new ListpackWriter();
const U64 = (1n << 64n) - 1n;

// ---- lengths and raw IDs beyond 2^53 ----------------------------------------------------------

/** rdbSaveLen for a uint64. */
function writeLen(w: RdbWriter, v: bigint): void {
  if (v <= BigInt(Number.MAX_SAFE_INTEGER)) return w.len(Number(v));
  w.byte(0x81);
  w.bytes(beBytes(v, 8));
}

/** rdbLoadLen as a uint64. */
function readLen(r: RdbReader): bigint {
  const first = r.buf[r.pos];
  if (first === 0x81) {
    r.byte();
    return fromBe(r.take(8));
  }
  return BigInt(r.len());
}

function beBytes(v: bigint, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function fromBe(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** streamEncodeID: the 128-bit big-endian form used as rax key and in PELs. */
function idBytes(id: StreamId): Uint8Array {
  const out = new Uint8Array(16);
  out.set(beBytes(id.ms, 8), 0);
  out.set(beBytes(id.seq, 8), 8);
  return out;
}

function idFromBytes(b: Uint8Array): StreamId {
  return { ms: fromBe(b.subarray(0, 8)), seq: fromBe(b.subarray(8, 16)) };
}

// ---- nodes ------------------------------------------------------------------------------------

/** A node's listpack, element by element as streamAppendItem wrote it. */
function nodeListpack(n: StreamNode): Uint8Array {
  lp.reset();
  lp.appendInt(n.live);
  lp.appendInt(n.deleted);
  lp.appendInt(n.masterFields.length);
  for (const f of n.masterFields) lp.appendString(f);
  lp.appendInt(0);
  for (const e of n.entries) {
    lp.appendInt(e.flags);
    lp.appendString(BigInt.asIntN(64, e.id.ms - n.master.ms).toString());
    lp.appendString(BigInt.asIntN(64, e.id.seq - n.master.seq).toString());
    if (e.fields !== null) {
      lp.appendInt(e.fields.length);
      for (let i = 0; i < e.fields.length; i++) {
        lp.appendString(e.fields[i]!);
        lp.appendString(e.values[i]!);
      }
    } else {
      for (const v of e.values) lp.appendString(v);
    }
    lp.appendInt(e.values.length + 3 + (e.fields === null ? 0 : e.fields.length + 1));
  }
  return lp.finish();
}

const BAD_LISTPACK = 'Stream listpack integrity check failed.';

/** A node from its key and listpack (streamValidateListpackIntegrity, deep). */
function loadNode(master: StreamId, blob: Uint8Array): StreamNode {
  const el = decodeListpack(blob, 'Stream listpack');
  if (el.length === 0) corrupt('Empty listpack inside stream');
  let p = 0;
  const next = (): BinStr => (p < el.length ? el[p++]! : corrupt(BAD_LISTPACK));
  const int = (): bigint => parseInt64Exact(next()) ?? corrupt(BAD_LISTPACK);
  const small = (): number => {
    const v = int();
    return v < 0n || v > 0xffffffffn ? corrupt(BAD_LISTPACK) : Number(v);
  };
  const live = small();
  const deleted = small();
  const nf = small();
  const fields: BinStr[] = [];
  for (let i = 0; i < nf; i++) fields.push(next());
  if (int() !== 0n) corrupt(BAD_LISTPACK);
  const node = new StreamNode(master, fields, 0);
  let dead = 0;
  for (let k = 0; k < live + deleted; k++) {
    const flags = small();
    const id = {
      ms: BigInt.asUintN(64, master.ms + int()),
      seq: BigInt.asUintN(64, master.seq + int()),
    };
    const same = (flags & FLAG_SAMEFIELDS) !== 0;
    const n = same ? nf : small();
    const own: BinStr[] | null = same ? null : [];
    const values: BinStr[] = [];
    for (let i = 0; i < n; i++) {
      if (own !== null) own.push(next());
      values.push(next());
    }
    if (small() !== n + 3 + (same ? 0 : n + 1)) corrupt(BAD_LISTPACK);
    if ((flags & FLAG_DELETED) !== 0) dead++;
    const prev = node.entries[node.entries.length - 1];
    if (
      prev !== undefined &&
      (prev.id.ms > id.ms || (prev.id.ms === id.ms && prev.id.seq >= id.seq))
    )
      corrupt(BAD_LISTPACK);
    node.push({ id, flags, fields: own, values });
  }
  if (p !== el.length || dead !== deleted) corrupt(BAD_LISTPACK);
  node.live = live;
  node.deleted = deleted;
  // rdbGenericLoadStringObject allocates the listpack at its exact size.
  node.alloc = jemallocSize(node.bytes);
  return node;
}

// ---- groups -----------------------------------------------------------------------------------

function saveGroup(w: RdbWriter, g: ConsumerGroup): void {
  w.string(g.name);
  writeLen(w, g.lastId.ms);
  writeLen(w, g.lastId.seq);
  writeLen(w, BigInt.asUintN(64, g.entriesRead));
  w.len(g.pel.size);
  for (const n of g.pel.all()) {
    w.bytes(idBytes(n.id));
    w.millis(n.deliveryTime);
    writeLen(w, n.deliveryCount);
  }
  const consumers = g.sortedConsumers();
  w.len(consumers.length);
  for (const c of consumers) {
    w.string(c.name);
    w.millis(c.seenTime);
    w.len(c.pel.size);
    for (const n of c.pel.all()) w.bytes(idBytes(n.id));
  }
}

function loadGroup(r: RdbReader, s: RedisStream, v2: boolean): void {
  const name = r.string();
  const lastId = { ms: readLen(r), seq: readLen(r) };
  const entriesRead = v2 ? BigInt.asIntN(64, readLen(r)) : estimateDistance(s, lastId);
  const g =
    s.createGroup(name, lastId, entriesRead) ?? corrupt(`Duplicated consumer group name ${name}`);
  for (let n = r.len(); n > 0; n--) {
    const id = idFromBytes(r.take(16));
    const deliveryTime = r.millis();
    const nack = { id, deliveryTime, deliveryCount: readLen(r), consumer: null };
    if (!g.addNack(nack)) corrupt('Duplicated global PEL entry loading stream consumer group');
  }
  for (let n = r.len(); n > 0; n--) {
    const c = g.createConsumer(r.string(), 0) ?? corrupt('Duplicate stream consumer detected.');
    c.seenTime = r.millis();
    for (let m = r.len(); m > 0; m--) {
      const nack =
        g.pel.get(idFromBytes(r.take(16))) ??
        corrupt('Consumer entry not found in group global PEL');
      if (nack.consumer !== null)
        corrupt('Duplicated consumer PEL entry  loading a stream consumer group');
      g.assign(nack, c);
    }
  }
  if (g.pel.all().some((n) => n.consumer === null)) corrupt('Stream CG PEL entry without consumer');
}

export const streamCodec: TypeCodec<'stream'> = {
  rdbTypes: [RDB_TYPE_STREAM_LISTPACKS, RDB_TYPE_STREAM_LISTPACKS_2],
  rdbType: () => RDB_TYPE_STREAM_LISTPACKS_2,
  save: (w, s) => {
    w.len(s.nodes.length);
    for (const n of s.nodes) {
      w.len(16); // rdbSaveRawString of the 16-byte key (too short for LZF, too long for INT)
      w.bytes(idBytes(n.master));
      w.blob(nodeListpack(n));
    }
    writeLen(w, BigInt(s.length));
    for (const id of [s.lastId, s.firstId, s.maxDeletedId]) {
      writeLen(w, id.ms);
      writeLen(w, id.seq);
    }
    writeLen(w, s.entriesAdded);
    const groups = s.sortedGroups();
    w.len(groups.length);
    for (const g of groups) saveGroup(w, g);
  },
  load: (r, rdbType) => {
    const v2 = rdbType === RDB_TYPE_STREAM_LISTPACKS_2;
    const s = new RedisStream();
    const nodes: StreamNode[] = [];
    for (let n = r.len(); n > 0; n--) {
      const key = r.string();
      if (key.length !== 16) corrupt('Stream node key entry is not the size of a stream ID');
      const master = idFromBytes(Uint8Array.from(key, (ch) => ch.charCodeAt(0)));
      const prev = nodes[nodes.length - 1];
      if (
        prev !== undefined &&
        (prev.master.ms > master.ms ||
          (prev.master.ms === master.ms && prev.master.seq >= master.seq))
      ) {
        // Redis's rax keeps keys sorted and refuses a repeated one.
        corrupt('Listpack re-added with existing key');
      }
      nodes.push(loadNode(master, r.blob()));
    }
    const length = readLen(r);
    const lastId = { ms: readLen(r), seq: readLen(r) };
    let live = 0;
    for (const n of nodes) live += n.live;
    if (length !== BigInt(live)) corrupt('Stream length inconsistent with rax entries');
    s.restore(nodes, lastId);
    if (v2) {
      s.firstId = { ms: readLen(r), seq: readLen(r) };
      s.maxDeletedId = { ms: readLen(r), seq: readLen(r) };
      s.entriesAdded = readLen(r) & U64;
    } else {
      s.entriesAdded = length;
      s.refreshFirstId();
    }
    for (let n = r.len(); n > 0; n--) loadGroup(r, s, v2);
    return s;
  },
};

/** For tests: the listpack bytes of a node (what redis-server's rax holds). */
export { nodeListpack };
