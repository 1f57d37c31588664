import { CAS_SIZE, FLAGS_SIZE, ITEM_HEADER_SIZE } from './settings';

const HEADER = ITEM_HEADER_SIZE;
const FLAGS = FLAGS_SIZE;
const CAS = CAS_SIZE;

/** One stored item, mirroring the fields of memcached's `struct _stritem` that matter. */
export interface Item {
  /** The key as a byte string (one char per byte, latin1). */
  key: string;
  /** The value without the trailing CRLF. */
  value: Uint8Array;
  flags: number;
  /** Relative expiry time in server seconds (0 = never). */
  exptime: number;
  /** Last LRU bump / link time in server seconds. */
  time: number;
  cas: number;
  /** Slab class whose LRU holds this item. */
  clsid: number;
  /** Which of the class's LRUs holds it: HOT, WARM, COLD or TEMP (lru.ts). */
  lru: number;
  /** ITEM_ntotal: header + key + NUL + flags suffix + data with CRLF + CAS. */
  ntotal: number;
  fetched: boolean;
  /** ITEM_ACTIVE: fetched again after its first fetch (segmented LRU only). */
  active: boolean;
  linked: boolean;
  /** Held by a command in progress: lru_pull_tail skips it (refcount != 2). */
  pinned: boolean;
  /** LRU neighbours: prev is towards the head (newer), next towards the tail (older). */
  prev: Item | null;
  next: Item | null;
  /** The key has a byte ≥ 0x80 (see ItemStore.highKeys). */
  highKey: boolean;
  /** Slab class the item's (header) chunk came from; 0 once freed. */
  headerClass: number;
  /** Classes of the body chunks of a large item (ntotal > slab_chunk_max), else null. */
  bodyChunks: number[] | null;
  /** ITEM_STALE: marked stale by `md … I` (meta protocol). */
  stale: boolean;
  /** ITEM_TOKEN_SENT: a client already won the recache token (meta `W`). */
  tokenSent: boolean;
  /** ITEM_KEY_BINARY: stored by `ms … b`; meta replies show its key base64-encoded. */
  keyBinary: boolean;
}

/** item_make_header + CAS: bytes an item needs. Flags take no space when zero (1.6 behaviour). */
export function itemTotal(
  nkey: number,
  flags: number,
  nbytesWithCrlf: number,
  useCas: boolean,
): number {
  return HEADER + nkey + 1 + (flags === 0 ? 0 : FLAGS) + nbytesWithCrlf + (useCas ? CAS : 0);
}
