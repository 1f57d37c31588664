/**
 * An ACL user (acl.c user) and ACLSetUser's user-level rules: on/off, passwords (>pass,
 * <pass, #hash, !hash, nopass, resetpass), sanitize-payload, selectors `(…)`,
 * clearselectors, reset; anything else goes to the root selector.
 */
import type { BinStr } from '../bytes';
import { splitArgs } from '../resp/split-args';
import { sha256Hex } from './sha256';
import { Selector } from './selector';
import type { AclContext, AclErrno } from './selector';

/** What a failed rule answers (acl.c ACLSetUserStringError). */
export const ACL_ERRNO_MESSAGES: Readonly<Record<AclErrno, string>> = {
  ENOENT: 'Unknown command or category name in ACL',
  EINVAL: 'Syntax error',
  EEXIST:
    "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns",
  EISDIR:
    "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels",
  ENODEV: 'The password you are trying to remove from the user does not exist',
  EBADMSG:
    'The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters',
  ECHILD: 'Allowing first-arg of a subcommand is not supported',
};

function validHash(h: BinStr): boolean {
  return /^[0-9a-f]{64}$/.test(h);
}

export class AclUser {
  /** acl.c keeps two flags: a new user is neither on nor... it is "off" (DISABLED) only. */
  enabled = false;
  disabled = true;
  nopass = false;
  /** USER_FLAG_SANITIZE_PAYLOAD / _SKIP: neither set on a new user. */
  sanitize: 'sanitize-payload' | 'skip-sanitize-payload' | null = null;
  /** SHA-256 hex of each password, in the order added. */
  passwords: string[] = [];
  /** The root selector first, then the `(…)` selectors. */
  selectors: Selector[];
  /** ACL LIST's cached description (ACLDescribeUser's acl_string). */
  described: string | null = null;

  constructor(
    readonly name: BinStr,
    ctx: AclContext,
  ) {
    this.selectors = [newSelector(ctx, true)];
  }

  get root(): Selector {
    return this.selectors[0]!;
  }

  /**
   * The root selector allows everything, so the dispatcher skips every check for this user
   * (kept as a field: the hot path reads it on every command). See refresh().
   */
  unrestricted = false;

  /** Recomputes `unrestricted` after the rules changed. */
  refresh(): void {
    const r = this.root;
    this.unrestricted = r.allCommands && r.allKeys && r.allChannels;
  }

  /** ACLCopyUser: same rules, this user's name. */
  copyFrom(src: AclUser): void {
    this.enabled = src.enabled;
    this.disabled = src.disabled;
    this.nopass = src.nopass;
    this.sanitize = src.sanitize;
    this.passwords = [...src.passwords];
    this.selectors = src.selectors.map((s) => s.copy());
    this.described = src.described;
    this.refresh();
  }

  /** ACLSetUser: one rule; an errno when it is not valid. */
  apply(ctx: AclContext, op: BinStr): AclErrno | null {
    this.described = null;
    if (op.length === 0) return null;
    const lower = op.toLowerCase();
    if (lower === 'on') {
      this.enabled = true;
      this.disabled = false;
    } else if (lower === 'off') {
      this.disabled = true;
      this.enabled = false;
    } else if (lower === 'skip-sanitize-payload' || lower === 'sanitize-payload') {
      this.sanitize = lower;
    } else if (lower === 'nopass') {
      this.nopass = true;
      this.passwords = [];
    } else if (lower === 'resetpass') {
      this.nopass = false;
      this.passwords = [];
    } else if (op[0] === '>' || op[0] === '#') {
      const hash = op[0] === '>' ? sha256Hex(op.slice(1)) : op.slice(1);
      if (op[0] === '#' && !validHash(hash)) return 'EBADMSG';
      if (!this.passwords.includes(hash)) this.passwords.push(hash);
      this.nopass = false;
    } else if (op[0] === '<' || op[0] === '!') {
      const hash = op[0] === '<' ? sha256Hex(op.slice(1)) : op.slice(1);
      if (op[0] === '!' && !validHash(hash)) return 'EBADMSG';
      const i = this.passwords.indexOf(hash);
      if (i === -1) return 'ENODEV';
      this.passwords.splice(i, 1);
    } else if (op[0] === '(' && op[op.length - 1] === ')') {
      // aclCreateSelectorFromOpSet: the inside split as sdssplitargs does.
      const s = newSelector(ctx, false);
      const args = splitArgs(op.slice(1, -1));
      // sdssplitargs failing (unbalanced quotes) gives no rules: an empty selector.
      for (const a of args ?? []) {
        const err = s.apply(ctx, a);
        if (err !== null) return err;
      }
      this.selectors.push(s);
    } else if (lower === 'clearselectors') {
      this.selectors = [this.root];
    } else if (lower === 'reset') {
      this.apply(ctx, 'resetpass');
      this.root.apply(ctx, 'resetkeys');
      this.root.apply(ctx, 'resetchannels');
      if (ctx.pubsubAll()) this.root.apply(ctx, 'allchannels');
      this.apply(ctx, 'off');
      this.apply(ctx, 'sanitize-payload');
      this.apply(ctx, 'clearselectors');
      this.root.apply(ctx, '-@all');
    } else {
      return this.root.apply(ctx, op);
    }
    return null;
  }

  /** ACLCheckUserCredentials: enabled, and nopass or a matching password. */
  checkPassword(password: BinStr): boolean {
    if (this.disabled) return false;
    if (this.nopass) return true;
    return this.passwords.includes(sha256Hex(password));
  }
}

export function newSelector(ctx: AclContext, root: boolean): Selector {
  const s = new Selector(root, ctx.table.idCount);
  if (ctx.pubsubAll()) s.allChannels = true;
  return s;
}

/**
 * ACLMergeSelectorArguments: arguments from one starting with `(` (but not ending with `)`)
 * to the next ending with `)` are joined with spaces. Null (with the opening index) when a
 * selector is not closed.
 */
export function mergeSelectorArgs(
  argv: readonly BinStr[],
): { ok: true; args: BinStr[] } | { ok: false; at: number } {
  const out: BinStr[] = [];
  let open = -1;
  let sel = '';
  for (let j = 0; j < argv.length; j++) {
    const op = argv[j]!;
    if (op[0] === '(' && op[op.length - 1] !== ')') {
      sel = op;
      open = j;
      continue;
    }
    if (open !== -1) {
      sel += ` ${op}`;
      if (op[op.length - 1] === ')') {
        open = -1;
        out.push(sel);
      }
      continue;
    }
    out.push(op);
  }
  return open === -1 ? { ok: true, args: out } : { ok: false, at: open };
}
