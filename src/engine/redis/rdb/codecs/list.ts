/**
 * Lists. Redis 7.0 keeps every list as a quicklist and saves it as RDB_TYPE_LIST_QUICKLIST_2:
 * the node count, then per node its container (2 = packed listpack) and the listpack blob.
 * Our list is one ring buffer, so the nodes are cut the way quicklist fills them by tail
 * pushes (_quicklistNodeAllowInsert): with list-max-listpack-size -2 (the default) an element
 * joins the current node while the node's listpack bytes + the element's length + 8 stay
 * within 8 KB; -1..-5 mean 4..64 KB; a positive fill caps the element count (within 8 KB).
 * Older forms (a plain element list, one ziplist, a quicklist of ziplists) load too.
 */
import type { BinStr } from '../../bytes';
import { RedisList } from '../../structures';
import type { CodecContext, TypeCodec } from '../codec';
import type { RdbWriter } from '../writer';
import {
  QUICKLIST_NODE_CONTAINER_PACKED,
  QUICKLIST_NODE_CONTAINER_PLAIN,
  RDB_TYPE_LIST,
  RDB_TYPE_LIST_QUICKLIST,
  RDB_TYPE_LIST_QUICKLIST_2,
  RDB_TYPE_LIST_ZIPLIST,
} from '../format';
import { ListpackWriter, decodeListpack } from '../listpack';
import { bytesToBinStr, corrupt } from '../reader';
import { decodeZiplist } from '../ziplist';

/** quicklist.c: optimization_level (fill -1 … -5), SIZE_SAFETY_LIMIT, SIZE_ESTIMATE_OVERHEAD. */
const FILL_BYTES = [4096, 8192, 16384, 32768, 65536];
const SAFETY_LIMIT = 8192;
const INSERT_OVERHEAD = 8;
/** redis.conf's default list-max-listpack-size. */
const DEFAULT_FILL = -2;

/** _quicklistNodeAllowInsert for a node of `bytes` listpack bytes holding `count` elements. */
export function nodeAllowsInsert(fill: number, bytes: number, count: number, len: number): boolean {
  const newSize = bytes + len + INSERT_OVERHEAD;
  const level = fill < 0 ? FILL_BYTES[-fill - 1] : undefined;
  if (level !== undefined && newSize <= level) return true;
  if (newSize > SAFETY_LIMIT) return false;
  return count < fill;
}

/** The server's list-max-listpack-size (a parameter group setting where the config has it). */
function listFill(ctx: CodecContext): number {
  const fill = (ctx.config as { 'list-max-listpack-size'?: number })['list-max-listpack-size'];
  return fill ?? DEFAULT_FILL;
}

const lp = new ListpackWriter();

function saveList(w: RdbWriter, list: RedisList, ctx: CodecContext): void {
  const fill = listFill(ctx);
  const nodes: Uint8Array[] = [];
  lp.reset();
  const n = list.length;
  for (let i = 0; i < n; i++) {
    const v = list.at(i);
    if (lp.count > 0 && !nodeAllowsInsert(fill, lp.bytes, lp.count, v.length)) {
      nodes.push(lp.finish().slice());
      lp.reset();
    }
    lp.appendString(v);
  }
  if (lp.count > 0) nodes.push(lp.finish().slice());
  w.len(nodes.length);
  for (const node of nodes) {
    w.len(QUICKLIST_NODE_CONTAINER_PACKED);
    w.blob(node);
  }
}

function fill(items: readonly BinStr[], list: RedisList): void {
  for (const v of items) list.pushTail(v);
}

export const listCodec: TypeCodec<'list'> = {
  rdbTypes: [
    RDB_TYPE_LIST,
    RDB_TYPE_LIST_ZIPLIST,
    RDB_TYPE_LIST_QUICKLIST,
    RDB_TYPE_LIST_QUICKLIST_2,
  ],
  rdbType: () => RDB_TYPE_LIST_QUICKLIST_2,
  save: saveList,
  load: (r, rdbType, ctx) => {
    const list = new RedisList(ctx.config);
    if (rdbType === RDB_TYPE_LIST) {
      for (let n = r.len(); n > 0; n--) list.pushTail(r.string());
    } else if (rdbType === RDB_TYPE_LIST_ZIPLIST) {
      fill(decodeZiplist(r.blob(), 'List ziplist'), list);
    } else {
      for (let nodes = r.len(); nodes > 0; nodes--) {
        let container = QUICKLIST_NODE_CONTAINER_PACKED;
        if (rdbType === RDB_TYPE_LIST_QUICKLIST_2) {
          container = r.len();
          if (
            container !== QUICKLIST_NODE_CONTAINER_PACKED &&
            container !== QUICKLIST_NODE_CONTAINER_PLAIN
          ) {
            corrupt('Quicklist integrity check failed.');
          }
        }
        const data = r.blob();
        if (data.length === 0) corrupt('Quicklist integrity check failed.');
        if (container === QUICKLIST_NODE_CONTAINER_PLAIN)
          list.pushTail(bytesToBinStr(data, 0, data.length));
        else if (rdbType === RDB_TYPE_LIST_QUICKLIST_2) fill(decodeListpack(data), list);
        else fill(decodeZiplist(data), list);
      }
    }
    return list.length === 0 ? null : list;
  },
};
