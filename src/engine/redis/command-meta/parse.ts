/**
 * Reads the compact lines of data-*.ts (generated from redis 7.0.15's src/commands/*.json by
 * scripts/gen-command-meta.ts) into command flags, explicit ACL categories, tips and key specs.
 */

/** A key spec as COMMAND INFO shows it (server.c addReplyCommandKeySpecs). */
export interface FullKeySpec {
  readonly notes?: string;
  /** Redis's key-spec flag names, upper case as in the JSON: RO, RW, OW, RM, ACCESS, … */
  readonly flags: readonly string[];
  readonly begin:
    | { readonly type: 'index'; readonly pos: number }
    | { readonly type: 'keyword'; readonly keyword: string; readonly startfrom: number }
    | { readonly type: 'unknown' };
  readonly find:
    | {
        readonly type: 'range';
        readonly lastkey: number;
        readonly step: number;
        readonly limit: number;
      }
    | {
        readonly type: 'keynum';
        readonly keynumidx: number;
        readonly firstkey: number;
        readonly step: number;
      }
    | { readonly type: 'unknown' };
}

export interface CommandMeta {
  /** command_flags of the JSON, upper case (WRITE, READONLY, NO_AUTH…). */
  readonly flags: readonly string[];
  /** acl_categories of the JSON (the explicit ones), upper case. */
  readonly categories: readonly string[];
  readonly tips: readonly string[];
  readonly keySpecs: readonly FullKeySpec[];
  /** The command has a get_keys_function (so COMMAND INFO shows movablekeys). */
  readonly getkeys: boolean;
}

const words = (s: string): string[] => (s === '' ? [] : s.split(' '));

function parseSpec(text: string): FullKeySpec {
  const hash = text.indexOf('#');
  const body = hash === -1 ? text : text.slice(0, hash);
  const at = body.indexOf('@');
  const gt = body.indexOf('>', at);
  const b = body.slice(at + 1, gt);
  const f = body.slice(gt + 1);
  let begin: FullKeySpec['begin'] = { type: 'unknown' };
  if (b[0] === 'i') begin = { type: 'index', pos: Number(b.slice(1)) };
  else if (b[0] === 'k') {
    const comma = b.indexOf(',');
    begin = { type: 'keyword', startfrom: Number(b.slice(1, comma)), keyword: b.slice(comma + 1) };
  }
  let find: FullKeySpec['find'] = { type: 'unknown' };
  const n = f.slice(1).split(',').map(Number);
  if (f[0] === 'r') find = { type: 'range', lastkey: n[0]!, step: n[1]!, limit: n[2]! };
  else if (f[0] === 'n') find = { type: 'keynum', keynumidx: n[0]!, firstkey: n[1]!, step: n[2]! };
  return {
    ...(hash === -1 ? {} : { notes: text.slice(hash + 1) }),
    flags: words(body.slice(0, at)),
    begin,
    find,
  };
}

export function parseMeta(line: string): CommandMeta {
  const [flags = '', categories = '', tips = '', specs = ''] = line.split('|');
  const f = words(flags);
  return {
    flags: f.filter((x) => x !== 'getkeys'),
    categories: words(categories),
    tips: words(tips),
    keySpecs: specs === '' ? [] : specs.split(';').map(parseSpec),
    getkeys: f.includes('getkeys'),
  };
}
