// proto_text.c _meta_flag_preparse (memcached 1.6.18): the flags of mg/ms/md/ma, checked for
// duplicates and unknown letters, their numbers parsed, the key base64-decoded for `b`.
import { base64Decode } from '../base64';
import { safeStrtol32, safeStrtoul32, safeStrtoull } from '../numbers';
import type { ItemStore } from '../store';

export interface MetaFlags {
  noUpdate: boolean;
  /** T, N, R, l or h: the item is fetched without a bump; the bump comes after the reply. */
  locked: boolean;
  vivify: boolean;
  value: boolean;
  setStale: boolean;
  noReply: boolean;
  hasCas: boolean;
  newTtl: boolean;
  keyBinary: boolean;
  /** M's character, or '' when absent. */
  mode: string;
  exptime: number;
  autovivExptime: number;
  recacheTime: number;
  clientFlags: number;
  reqCas: bigint;
  delta: bigint;
  initial: bigint;
}

export type Preparse = { ok: true; flags: MetaFlags; key: string } | { ok: false; error: string };

const BAD_TOKEN = 'CLIENT_ERROR bad token in command line format';

/**
 * Flags are tokens[start..]; the key is tokens[1]. Duplicates (or a first byte ≥ 127) and
 * unknown letters fail at once; bad values are remembered and fail after the whole scan, with
 * the message of the last one that set a message (`F` sets none).
 */
export function preparseMetaFlags(
  store: ItemStore,
  tokens: readonly string[],
  start: number,
): Preparse {
  const f: MetaFlags = {
    noUpdate: false,
    locked: false,
    vivify: false,
    value: false,
    setStale: false,
    noReply: false,
    hasCas: false,
    newTtl: false,
    keyBinary: false,
    mode: '',
    exptime: 0,
    autovivExptime: 0,
    recacheTime: 0,
    clientFlags: 0,
    reqCas: 0n,
    delta: 1n,
    initial: 0n,
  };
  let key = tokens[1]!;
  let error = 'CLIENT_ERROR bad command line format';
  let hasError = false;
  const seen = new Set<number>();
  const time = (tok: string): number | null => {
    const v = safeStrtol32(tok.slice(1));
    if (v === null) {
      error = BAD_TOKEN;
      hasError = true;
      return null;
    }
    return store.exptimeFromClient(v);
  };
  for (let i = start; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const o = tok.charCodeAt(0);
    if (o >= 127 || seen.has(o)) return { ok: false, error: 'CLIENT_ERROR duplicate flag' };
    seen.add(o);
    switch (tok[0]) {
      case 'b': {
        const decoded = base64Decode(key);
        if (decoded === null) {
          error = 'CLIENT_ERROR error decoding key';
          hasError = true;
        }
        key = decoded ?? '';
        f.keyBinary = true;
        break;
      }
      case 'N': {
        f.locked = f.vivify = true;
        const t = time(tok);
        if (t !== null) f.autovivExptime = t;
        break;
      }
      case 'T': {
        f.locked = true;
        const t = time(tok);
        if (t !== null) {
          f.exptime = t;
          f.newTtl = true;
        }
        break;
      }
      case 'R': {
        f.locked = true;
        const t = time(tok);
        if (t !== null) f.recacheTime = t;
        break;
      }
      case 'l':
      case 'h':
        f.locked = true;
        break;
      case 'O':
      case 'P':
      case 'L':
      case 'k':
      case 's':
      case 't':
      case 'c':
      case 'f':
        break;
      case 'v':
        f.value = true;
        break;
      case 'u':
        f.noUpdate = true;
        break;
      case 'q':
        f.noReply = true;
        break;
      case 'F': {
        const v = safeStrtoul32(tok.slice(1));
        if (v === null) hasError = true;
        else f.clientFlags = v;
        break;
      }
      case 'C': {
        const v = safeStrtoull(tok.slice(1));
        if (v === null) {
          error = BAD_TOKEN;
          hasError = true;
        } else {
          f.reqCas = v;
          f.hasCas = true;
        }
        break;
      }
      case 'M':
        if (tok.length !== 2) {
          error = 'CLIENT_ERROR incorrect length for M token';
          hasError = true;
        } else f.mode = tok[1]!;
        break;
      case 'J': {
        const v = safeStrtoull(tok.slice(1));
        if (v === null) {
          error = 'CLIENT_ERROR invalid numeric initial value';
          hasError = true;
        } else f.initial = v;
        break;
      }
      case 'D': {
        const v = safeStrtoull(tok.slice(1));
        if (v === null) {
          error = 'CLIENT_ERROR invalid numeric delta value';
          hasError = true;
        } else f.delta = v;
        break;
      }
      case 'I':
        f.setStale = true;
        break;
      default:
        return { ok: false, error: 'CLIENT_ERROR invalid flag' };
    }
  }
  return hasError ? { ok: false, error } : { ok: true, flags: f, key };
}
