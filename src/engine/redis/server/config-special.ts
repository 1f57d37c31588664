/**
 * The parameters config.c handles with their own code ("special" configs): save,
 * client-output-buffer-limit, oom-score-adj-values, notify-keyspace-events, bind, dir, replicaof
 * and latency-tracking-info-percentiles, plus the validators some plain parameters run.
 */
import { parseDouble } from '../args';
import { keyspaceEventsToString, parseKeyspaceEvents } from './notify';
import { cstr, memtoull, strtoll, type Parsed } from './config-values';

export interface SpecialParam {
  readonly def: unknown;
  /** args: the value split on spaces for MULTI parameters, else the one value. */
  set(args: readonly string[], prev: unknown): Parsed<unknown>;
  get(v: unknown): string;
}

type Obuf = Record<'normal' | 'slave' | 'pubsub', readonly [bigint, bigint, bigint]>;
const OBUF_CLASSES = {
  normal: 'normal',
  slave: 'slave',
  replica: 'slave',
  pubsub: 'pubsub',
} as const;

/** strtoll with the whole (C) string consumed: the check config.c's special setters make. */
function wholeInt(s: string): bigint | null {
  const r = strtoll(s);
  return r.rest === '' ? r.value : null;
}

export const SPECIAL: Readonly<Record<string, SpecialParam>> = {
  save: {
    def: [] as Array<[bigint, bigint]>,
    set: (args) => {
      const a = args.length === 1 && args[0] === '' ? [] : args;
      if (a.length % 2 !== 0) return { err: 'Invalid save parameters' };
      const pairs: Array<[bigint, bigint]> = [];
      for (let j = 0; j < a.length; j += 2) {
        const secs = wholeInt(a[j]!);
        const changes = wholeInt(a[j + 1]!);
        if (secs === null || changes === null || secs < 1n || changes < 0n)
          return { err: 'Invalid save parameters' };
        pairs.push([secs, BigInt.asIntN(32, changes)]); // changes is a C int
      }
      return { ok: pairs };
    },
    get: (v) => (v as Array<[bigint, bigint]>).map(([s, c]) => `${s} ${c}`).join(' '),
  },
  'client-output-buffer-limit': {
    def: {
      normal: [0n, 0n, 0n],
      slave: [268435456n, 67108864n, 60n],
      pubsub: [33554432n, 8388608n, 60n],
    } as Obuf,
    set: (args, prev) => {
      if (args.length % 4 !== 0)
        return { err: 'Wrong number of arguments in buffer limit configuration.' };
      const next: Partial<Record<keyof Obuf, readonly [bigint, bigint, bigint]>> = {};
      for (let j = 0; j < args.length; j += 4) {
        const cls = OBUF_CLASSES[cstr(args[j]!).toLowerCase() as keyof typeof OBUF_CLASSES];
        if (cls === undefined)
          return { err: 'Invalid client class specified in buffer limit configuration.' };
        const hard = memtoull(args[j + 1]!);
        const soft = memtoull(args[j + 2]!);
        const secs = wholeInt(args[j + 3]!);
        const seconds = secs === null ? -1n : BigInt.asIntN(32, secs); // stored in a C int
        if (hard === null || soft === null || seconds < 0n) {
          return {
            err: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.',
          };
        }
        next[cls] = [hard, soft, seconds];
      }
      return { ok: { ...(prev as Obuf), ...next } };
    },
    get: (v) => {
      const o = v as Obuf;
      return (['normal', 'slave', 'pubsub'] as const)
        .map((c) => `${c} ${o[c].join(' ')}`)
        .join(' ');
    },
  },
  'oom-score-adj-values': {
    def: [0n, 200n, 800n],
    set: (args) => {
      if (args.length !== 3) return { err: 'wrong number of arguments' };
      const vals: bigint[] = [];
      for (const a of args) {
        const v = wholeInt(a);
        if (v === null || v < -2000n || v > 2000n)
          return { err: 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.' };
        vals.push(v);
      }
      return { ok: vals };
    },
    get: (v) => (v as bigint[]).join(' '),
  },
  'notify-keyspace-events': {
    def: 0,
    set: (args) => {
      const flags = parseKeyspaceEvents(args[0]!);
      return flags === null
        ? { err: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." }
        : { ok: flags };
    },
    get: (v) => keyspaceEventsToString(v as number),
  },
  bind: {
    def: ['*', '-::*'],
    set: (args) => {
      if (args.length > 16) return { err: 'Too many bind addresses specified.' };
      return { ok: args.length === 1 && args[0] === '' ? [] : args.map(cstr) };
    },
    get: (v) => (v as string[]).join(' '),
  },
  dir: {
    // The simulated server has no filesystem: Debian's packaged redis.conf directory.
    def: '/var/lib/redis',
    set: (args) =>
      cstr(args[0]!) === '' ? { err: 'No such file or directory' } : { ok: cstr(args[0]!) },
    get: (v) => v as string,
  },
  replicaof: {
    def: null,
    set: (args) => {
      if (args.length !== 2) return { err: 'wrong number of arguments' };
      if (cstr(args[0]!).toLowerCase() === 'no' && cstr(args[1]!).toLowerCase() === 'one')
        return { ok: null };
      const port = wholeInt(args[1]!);
      if (port === null || port < 0n || port > 65535n) return { err: 'Invalid master port' };
      return { ok: [cstr(args[0]!), port] };
    },
    get: (v) => (v === null ? '' : (v as [string, bigint]).join(' ')),
  },
  'latency-tracking-info-percentiles': {
    def: [50, 99, 99.9],
    set: (args) => {
      const a = args.length === 1 && args[0] === '' ? [] : args;
      const out: number[] = [];
      for (const s of a) {
        const p = parseDouble(s);
        if (p === null || Number.isNaN(p))
          return { err: 'Invalid latency-tracking-info-percentiles parameters' };
        if (p > 100 || p < 0)
          return {
            err: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]',
          };
        out.push(p);
      }
      return { ok: out };
    },
    // %f then trimDoubleString: six decimals with trailing zeros (and a bare point) removed.
    get: (v) => (v as number[]).map((p) => p.toFixed(6).replace(/\.?0+$/, '')).join(' '),
  },
};

/** What proc-title-template variables expand to (redisProcTitleGetVariable). */
export interface TitleVars {
  readonly 'listen-addr': string;
  readonly port: string;
  readonly 'tls-port': string;
  readonly unixsocket: string;
}

/** The is_valid callbacks of plain parameters: an error text, or null when the value is fine. */
export function validate(name: string, value: unknown, vars: TitleVars): string | null {
  // Debian's redis-server 7.0 links the system jemalloc, without the defragmentation hint.
  if (name === 'activedefrag' && value === true) {
    return 'Active defragmentation cannot be enabled: it requires a Redis server compiled with a modified Jemalloc like the one shipped by default with the Redis source distribution';
  }
  if (name === 'dbfilename' && /[/\\]/.test(value as string))
    return "dbfilename can't be a path, just a filename";
  if (name === 'cluster-announce-hostname') {
    const s = value as string;
    if (s.length >= 256) return 'Hostnames must be less than 256 characters';
    if (!/^[A-Za-z0-9.-]*$/.test(s))
      return 'Hostnames may only contain alphanumeric characters, hyphens or dots';
  }
  if (name === 'proc-title-template' && !validTitleTemplate(value as string, vars)) {
    return 'template format is invalid or contains unknown variables';
  }
  if (
    (name === 'shutdown-on-sigint' || name === 'shutdown-on-sigterm') &&
    ((value as number) & 3) === 3
  ) {
    return "shutdown options SAVE and NOSAVE can't be used simultaneously";
  }
  return null;
}

/** validateProcTitleTemplate: known {variables} only, and something left after trimming spaces. */
function validTitleTemplate(t: string, known: TitleVars): boolean {
  const vars: Record<string, string> = {
    ...known,
    title: '',
    'server-mode': '',
    'config-file': '-',
  };
  let out = '';
  for (let i = 0; i < t.length;) {
    const open = t.indexOf('{', i);
    if (open < 0) {
      out += t.slice(i);
      break;
    }
    out += t.slice(i, open);
    if (open + 1 >= t.length) return false;
    if (t[open + 1] === '{') {
      out += '{';
      i = open + 2;
      continue;
    }
    const close = t.indexOf('}', open);
    if (close < 0) return false;
    const v = vars[t.slice(open + 1, close)];
    if (v === undefined) return false;
    out += v;
    i = close + 1;
  }
  return out.replace(/^ +| +$/g, '') !== '';
}
