/**
 * Lists. Redis 7.0 keeps every list as a quicklist and saves it as RDB_TYPE_LIST_QUICKLIST_2:
 * the node count, then per node its container (2 = packed listpack) and the listpack blob.
 * Our list is one ring buffer, so the nodes are cut the way quicklist fills them by tail
 * pushes with list-max-listpack-size -2: an element joins the current node while the node's
 * listpack bytes + the element's length + 8 stay within 8 KB (_quicklistNodeAllowInsert).
 * Older forms (a plain element list, one ziplist, a quicklist of ziplists) load too.
 */
import type { BinStr } from '../../bytes';
import { RedisList } from '../../structures';
import type { TypeCodec } from '../codec';
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

/** list-max-listpack-size -2 → 8 KB per node (quicklist.c optimization_level[1]). */
const NODE_BYTES = 8192;
/** SIZE_ESTIMATE_OVERHEAD in quicklist.c. */
const INSERT_OVERHEAD = 8;

const lp = new ListpackWriter();

function saveList(w: RdbWriter, list: RedisList): void {
  const nodes: Uint8Array[] = [];
  lp.reset();
  const n = list.length;
  for (let i = 0; i < n; i++) {
    const v = list.at(i);
    if (lp.count > 0 && lp.bytes + v.length + INSERT_OVERHEAD > NODE_BYTES) {
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
  load: (r, rdbType) => {
    const list = new RedisList();
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
