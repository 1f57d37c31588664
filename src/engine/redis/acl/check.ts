/**
 * Permission checks (acl.c ACLCheckAllUserCommandPerm, ACLSelectorCheckCmd): a user may run
 * a command when one of its selectors allows the command, every key it names (with the
 * read/write access the key spec declares) and every channel it publishes or subscribes to.
 */
import type { Argv, Command } from '../command';
import type { FullKeySpec } from '../command-meta';
import { globMatch } from '../glob';
import { eqi } from '../bytes';
import { parseInt64Exact } from '../args';
import type { Selector } from './selector';
import { KEY_READ, KEY_WRITE } from './selector';
import type { AclUser } from './user';

export const ACL_OK = 0;
export const ACL_DENIED_CMD = 1;
export const ACL_DENIED_KEY = 2;
export const ACL_DENIED_AUTH = 3;
export const ACL_DENIED_CHANNEL = 4;

export interface AclDenial {
  readonly reason: typeof ACL_DENIED_CMD | typeof ACL_DENIED_KEY | typeof ACL_DENIED_CHANNEL;
  /** argv index of the key or channel refused (0 for a command). */
  readonly pos: number;
}

/** The ACL access bits a key-spec flag list asks for (ACCESS reads; INSERT/DELETE/UPDATE write). */
function accessOf(flags: readonly string[]): number {
  let f = 0;
  for (const x of flags) {
    if (x === 'ACCESS') f |= KEY_READ;
    else if (x === 'INSERT' || x === 'DELETE' || x === 'UPDATE') f |= KEY_WRITE;
  }
  return f;
}

/** getKeysUsingKeySpecs with GET_KEYSPEC_RETURN_PARTIAL: argv position → access bits. */
function specAccess(specs: readonly FullKeySpec[], argv: Argv): Map<number, number> {
  const out = new Map<number, number>();
  const argc = argv.length;
  for (const spec of specs) {
    if (spec.flags.includes('NOT_KEY')) continue;
    let first = 0;
    const b = spec.begin;
    if (b.type === 'index') first = b.pos;
    else if (b.type === 'keyword') {
      const start = b.startfrom > 0 ? b.startfrom : argc + b.startfrom;
      const end = b.startfrom > 0 ? argc - 1 : 1;
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (eqi(argv[i]!, b.keyword.toLowerCase())) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue;
    } else continue;
    let last: number;
    let step: number;
    const f = spec.find;
    if (f.type === 'range') {
      step = f.step;
      if (f.lastkey >= 0) last = first + f.lastkey;
      else if (f.limit === 0) last = argc + f.lastkey;
      else last = first + (Math.trunc((argc - first) / f.limit) + f.lastkey);
    } else if (f.type === 'keynum') {
      step = f.step;
      if (f.keynumidx >= argc) continue;
      const n = parseInt64Exact(argv[first + f.keynumidx] ?? '');
      if (n === null || n < 0n) continue;
      first += f.firstkey;
      last = first + Number(BigInt.asIntN(32, n)) - 1;
    } else continue;
    if (last >= argc || last < first || first >= argc) continue;
    const access = accessOf(spec.flags);
    for (let i = first; i <= last; i += step) out.set(i, access);
  }
  return out;
}

/** Key positions of argv with the access each needs (getKeysFromCommandWithSpecs' flags). */
export function keyAccess(cmd: Command, argv: Argv): Array<{ pos: number; access: number }> {
  const positions = cmd.getKeys ? cmd.getKeys(argv) : legacyPositions(cmd, argv);
  const name = cmd.fullName;
  // VARIABLE_FLAGS specs: the getkeys procs decide (db.c setGetKeys, bitfieldGetKeys).
  if (name === 'set') {
    // setGetKeys: a GET from argv[3] on reads too.
    const get = argv.slice(3).some((a) => eqi(a, 'get'));
    return [{ pos: 1, access: get ? KEY_READ | KEY_WRITE : KEY_WRITE }];
  }
  if (name === 'bitfield')
    return [{ pos: 1, access: bitfieldReadonly(argv) ? KEY_READ : KEY_READ | KEY_WRITE }];
  const specs = specAccess(cmd.meta.keySpecs, argv);
  return positions.map((pos) => {
    const a = specs.get(pos);
    if (a !== undefined) return { pos, access: a };
    // Native getkeys procs' flags (db.c sortGetKeys, migrateGetKeys; the rest give none).
    if (name === 'sort' || name === 'sort_ro')
      return { pos, access: pos === 1 ? KEY_READ : KEY_WRITE };
    if (name === 'migrate') return { pos, access: KEY_READ | KEY_WRITE };
    return { pos, access: 0 };
  });
}

/** bitfieldGetKeys: only GET and OVERFLOW operations (a syntax error counts as a write). */
function bitfieldReadonly(argv: Argv): boolean {
  for (let i = 2; i < argv.length; i++) {
    const rem = argv.length - i - 1;
    const a = argv[i]!;
    if (eqi(a, 'get') && rem >= 2) i += 2;
    else if ((eqi(a, 'set') || eqi(a, 'incrby')) && rem >= 3) return false;
    else if (eqi(a, 'overflow') && rem >= 1) i += 1;
    else return false;
  }
  return true;
}

function legacyPositions(cmd: Command, argv: Argv): number[] {
  const spec = cmd.keys;
  if (spec.first === 0) return [];
  const last = spec.last < 0 ? argv.length + spec.last : spec.last;
  const out: number[] = [];
  for (let i = spec.first; i <= last && i < argv.length; i += spec.step) out.push(i);
  return out;
}

function keyAllowed(s: Selector, key: string, access: number): boolean {
  if (s.allKeys) return true;
  for (const p of s.patterns) {
    if ((p.flags & access) !== access) continue;
    if (globMatch(p.pattern, key)) return true;
  }
  return false;
}

/** db.c commands_with_channels: [first, count (-1 = the rest), is a pattern]. */
function channelPositions(
  cmd: Command,
  argc: number,
): { from: number; to: number; pattern: boolean } | null {
  switch (cmd.fullName) {
    case 'subscribe':
    case 'ssubscribe':
      return { from: 1, to: argc, pattern: false };
    case 'psubscribe':
      return { from: 1, to: argc, pattern: true };
    case 'publish':
    case 'spublish':
      return { from: 1, to: Math.min(2, argc), pattern: false };
    default:
      return null;
  }
}

function channelAllowed(s: Selector, channel: string, isPattern: boolean): boolean {
  for (const p of s.channels) {
    if (isPattern ? p === channel : globMatch(p, channel)) return true;
  }
  return false;
}

/** ACLSelectorCheckCmd: ACL_OK, or the denial and its argv position. */
function checkSelector(s: Selector, cmd: Command, argv: Argv, out: { pos: number }): number {
  if (!s.allCommands && !cmd.isNoAuth && s.allowed[cmd.id] === 0) {
    const firsts = s.firstArgs?.get(cmd.id);
    if (argv.length < 2 || firsts === undefined) return ACL_DENIED_CMD;
    const arg = argv[cmd.parent ? 2 : 1];
    if (arg === undefined || !firsts.some((f) => f.toLowerCase() === arg.toLowerCase()))
      return ACL_DENIED_CMD;
  }
  if (
    !s.allKeys &&
    (cmd.getKeys !== undefined || cmd.meta.keySpecs.some((k) => !k.flags.includes('NOT_KEY')))
  ) {
    for (const { pos, access } of keyAccess(cmd, argv)) {
      if (!keyAllowed(s, argv[pos]!, access)) {
        out.pos = pos;
        return ACL_DENIED_KEY;
      }
    }
  }
  if (!s.allChannels) {
    const ch = channelPositions(cmd, argv.length);
    if (ch !== null) {
      for (let i = ch.from; i < ch.to; i++) {
        if (!channelAllowed(s, argv[i]!, ch.pattern)) {
          out.pos = i;
          return ACL_DENIED_CHANNEL;
        }
      }
    }
  }
  return ACL_OK;
}

/** ACLCheckAllUserCommandPerm: null when allowed, else the denial Redis reports and logs. */
export function checkCommand(u: AclUser, cmd: Command, argv: Argv): AclDenial | null {
  let relevant = ACL_DENIED_CMD;
  let lastIdx = 0;
  const local = { pos: 0 };
  for (const s of u.selectors) {
    const r = checkSelector(s, cmd, argv, local);
    if (r === ACL_OK) return null;
    if (r > relevant || (r === relevant && local.pos > lastIdx)) {
      relevant = r;
      lastIdx = local.pos;
    }
  }
  return { reason: relevant as AclDenial['reason'], pos: lastIdx };
}

/** ACLUserCheckChannelPerm (pub/sub clients kept after a rule change). */
export function channelPermitted(u: AclUser, channel: string, isPattern: boolean): boolean {
  return u.selectors.some((s) => s.allChannels || channelAllowed(s, channel, isPattern));
}
