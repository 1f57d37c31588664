// A hand-built DUMP payload of a small stream (one node [1-1 f v], one group whose PEL holds
// 1-1), written field by field so that single parts can be damaged or the 5.x-6.x layout
// (RDB_TYPE_STREAM_LISTPACKS) produced. Used by the stream codec's unit test and by the
// conformance test that RESTOREs the same bytes into redis-server.
import { ListpackWriter } from '../../src/engine/redis/rdb/listpack';
import { RdbWriter } from '../../src/engine/redis/rdb/writer';
import { crc64, writeCrc64LE } from '../../src/engine/redis/rdb/crc64';

/**
 * A DUMP payload for a one-node stream [1-1 f v] with one group whose PEL holds 1-1, written
 * field by field so single parts can be damaged; `v2` = RDB_TYPE_STREAM_LISTPACKS_2.
 */
export function streamPayload(
  opts: { v2?: boolean; lpCount?: number; owner?: boolean } = {},
): Uint8Array {
  const { v2 = true, lpCount = 4, owner = true } = opts;
  const lp = new ListpackWriter();
  for (const x of [1, 0, 1]) lp.appendInt(x);
  lp.appendString('f');
  for (const x of [0, 2, 0, 0]) lp.appendInt(x);
  lp.appendString('v');
  lp.appendInt(lpCount);
  const w = new RdbWriter(256);
  const id = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1);
  w.byte(v2 ? 19 : 15);
  w.len(1);
  w.len(16);
  w.bytes(id);
  w.blob(lp.finish());
  for (const n of v2 ? [1, 1, 1, 1, 1, 0, 0, 5] : [1, 1, 1]) w.len(n); // length, IDs, added
  w.len(1); // one group
  w.string('g');
  for (const n of v2 ? [1, 1, 1] : [1, 1]) w.len(n); // last ID (and entries read)
  w.len(1);
  w.bytes(id);
  w.millis(1_700_000_000_000);
  w.len(3);
  w.len(owner ? 1 : 0); // consumers
  if (owner) {
    w.string('alice');
    w.millis(1_700_000_000_000);
    w.len(1);
    w.bytes(id);
  }
  w.byte(10);
  w.byte(0);
  const crc = crc64(w.buf, 0, w.pos);
  w.bytes(new Uint8Array(8));
  writeCrc64LE(crc, w.buf, w.pos - 8);
  return w.buf.slice(0, w.pos);
}
