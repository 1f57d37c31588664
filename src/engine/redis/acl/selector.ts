/**
 * An ACL selector (acl.c aclSelector): which commands (a bitmap over command ids, plus the
 * allowed first arguments of otherwise denied commands), key patterns (with %R/%W
 * permissions) and channel patterns it allows, and ACLSetSelector's rule language.
 */
import type { BinStr } from '../bytes';
import type { Command, CommandTable } from '../command';
import { categoryFlagByName } from './categories';

export const KEY_READ = 1;
export const KEY_WRITE = 2;
export const KEY_ALL = KEY_READ | KEY_WRITE;

export interface KeyPattern {
  readonly pattern: BinStr;
  flags: number;
}

/** errno values of ACLSetUser / ACLSetSelector (their messages are in rules.ts). */
export type AclErrno = 'ENOENT' | 'EINVAL' | 'EEXIST' | 'EISDIR' | 'ENODEV' | 'EBADMSG' | 'ECHILD';

/** What rule parsing needs from the server: the command table and acl-pubsub-default. */
export interface AclContext {
  readonly table: CommandTable;
  /** acl-pubsub-default is allchannels: new selectors (and `reset`) allow every channel. */
  readonly pubsubAll: () => boolean;
}

/** acl.c ACLLookupCommand: `name` or `container|sub` in any case; at most one `|`. */
export function lookupAclCommand(table: CommandTable, name: BinStr): Command | undefined {
  if (name === '') return undefined;
  const parts = name.split('|');
  if (parts.length > 2) return undefined;
  const base = table.get(parts[0]!);
  if (base === undefined) return undefined;
  if (parts.length === 1) return base;
  return base.subtable?.get(parts[1]!.toLowerCase());
}

/** acl.c ACLStringHasSpaces: isspace() or NUL anywhere. */
export function hasSpaces(s: BinStr): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0 || c === 32 || (c >= 9 && c <= 13)) return true;
  }
  return false;
}

export class Selector {
  allKeys = false;
  allChannels = false;
  allCommands = false;
  /** One byte per command id; the extra last one is Redis's "future commands" bit (+@all). */
  allowed: Uint8Array;
  /** Command id → first arguments allowed while its bit is clear (`+select|0`). */
  firstArgs: Map<number, string[]> | null = null;
  patterns: KeyPattern[] = [];
  channels: BinStr[] = [];

  constructor(
    readonly root: boolean,
    size: number,
  ) {
    this.allowed = new Uint8Array(size + 1);
  }

  get futureBit(): number {
    return this.allowed.length - 1;
  }

  copy(): Selector {
    const s = new Selector(this.root, this.allowed.length - 1);
    s.allKeys = this.allKeys;
    s.allChannels = this.allChannels;
    s.allCommands = this.allCommands;
    s.allowed.set(this.allowed);
    if (this.firstArgs !== null)
      s.firstArgs = new Map([...this.firstArgs].map(([k, v]) => [k, [...v]] as const));
    s.patterns = this.patterns.map((p) => ({ pattern: p.pattern, flags: p.flags }));
    s.channels = [...this.channels];
    return s;
  }

  setBit(id: number, on: boolean): void {
    this.allowed[id] = on ? 1 : 0;
    if (!on) this.allCommands = false;
  }

  /** ACLChangeSelectorPerm: a container's bit and all its subcommands' bits. */
  changePerm(cmd: Command, on: boolean): void {
    this.setBit(cmd.id, on);
    this.firstArgs?.delete(cmd.id);
    if (cmd.subtable) for (const sub of cmd.subtable.values()) this.setBit(sub.id, on);
  }

  /** ACLSetSelectorCommandBitsForCategory over the table (containers before their subcommands). */
  setCategory(table: CommandTable, flag: number, on: boolean): void {
    const visit = (cmds: Iterable<Command>): void => {
      for (const cmd of cmds) {
        if ((cmd.aclCategories & flag) !== 0) this.changePerm(cmd, on);
        if (cmd.subtable) visit(cmd.subtable.values());
      }
    };
    visit(table.all);
  }

  private addFirstArg(id: number, sub: string): void {
    this.firstArgs ??= new Map();
    const list = this.firstArgs.get(id) ?? [];
    if (list.some((x) => x.toLowerCase() === sub.toLowerCase())) return;
    list.push(sub);
    this.firstArgs.set(id, list);
  }

  /** ACLSetSelector: applies one rule; an errno when it is not valid (nothing changed then). */
  apply(ctx: AclContext, op: BinStr): AclErrno | null {
    const lower = op.toLowerCase();
    if (lower === 'allkeys' || op === '~*') {
      this.allKeys = true;
      this.patterns = [];
    } else if (lower === 'resetkeys') {
      this.allKeys = false;
      this.patterns = [];
    } else if (lower === 'allchannels' || op === '&*') {
      this.allChannels = true;
      this.channels = [];
    } else if (lower === 'resetchannels') {
      this.allChannels = false;
      this.channels = [];
    } else if (lower === 'allcommands' || lower === '+@all') {
      this.allowed.fill(1);
      this.allCommands = true;
      this.firstArgs = null;
    } else if (lower === 'nocommands' || lower === '-@all') {
      this.allowed.fill(0);
      this.allCommands = false;
      this.firstArgs = null;
    } else if (op[0] === '~' || op[0] === '%') {
      return this.addKeyPattern(op);
    } else if (op[0] === '&') {
      if (this.allChannels) return 'EISDIR';
      const pat = op.slice(1);
      if (hasSpaces(pat)) return 'EINVAL';
      if (!this.channels.includes(pat)) this.channels.push(pat);
      this.allChannels = false;
    } else if (op[0] === '+' && op[1] !== '@') {
      return this.allowCommand(ctx.table, op.slice(1));
    } else if (op[0] === '-' && op[1] !== '@') {
      const cmd = lookupAclCommand(ctx.table, op.slice(1));
      if (cmd === undefined) return 'ENOENT';
      this.changePerm(cmd, false);
    } else if ((op[0] === '+' || op[0] === '-') && op[1] === '@') {
      const flag = categoryFlagByName(op.slice(2));
      if (flag === 0) return 'ENOENT';
      this.setCategory(ctx.table, flag, op[0] === '+');
    } else {
      return 'EINVAL';
    }
    return null;
  }

  private addKeyPattern(op: BinStr): AclErrno | null {
    if (this.allKeys) return 'EEXIST';
    let flags = 0;
    let offset = 1;
    if (op[0] === '%') {
      for (; offset < op.length; offset++) {
        const ch = op[offset]!.toUpperCase();
        if (ch === 'R' && (flags & KEY_READ) === 0) flags |= KEY_READ;
        else if (ch === 'W' && (flags & KEY_WRITE) === 0) flags |= KEY_WRITE;
        else if (op[offset] === '~') {
          offset++;
          break;
        } else return 'EINVAL';
      }
      // `%~pattern` names no permission: redis-server 7.0.15 (as installed and tested against)
      // answers "Syntax error" for it.
      if (flags === 0) return 'EINVAL';
    } else {
      flags = KEY_ALL;
    }
    const pattern = op.slice(offset);
    if (hasSpaces(pattern)) return 'EINVAL';
    const found = this.patterns.find((p) => p.pattern === pattern);
    if (found === undefined) this.patterns.push({ pattern, flags });
    else found.flags |= flags;
    this.allKeys = false;
    return null;
  }

  private allowCommand(table: CommandTable, name: BinStr): AclErrno | null {
    const bar = name.lastIndexOf('|');
    if (bar === -1) {
      const cmd = lookupAclCommand(table, name);
      if (cmd === undefined) return 'ENOENT';
      this.changePerm(cmd, true);
      return null;
    }
    const sub = name.slice(bar + 1);
    const cmd = lookupAclCommand(table, name.slice(0, bar));
    if (cmd === undefined) return 'ENOENT';
    if (cmd.parent !== undefined) return 'ECHILD';
    if (sub === '') return 'EINVAL';
    if (cmd.subtable !== undefined) {
      const full = lookupAclCommand(table, name);
      if (full === undefined) return 'ENOENT';
      this.changePerm(full, true);
    } else {
      this.addFirstArg(cmd.id, sub);
    }
    return null;
  }
}
