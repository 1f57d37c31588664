/**
 * The server's ACL state (acl.c globals): the users (kept in name order, as Redis's rax lists
 * them), the `default` user every connection starts as, the ACL log, and the operations
 * AUTH, HELLO, CONFIG SET requirepass and ACL SETUSER/DELUSER perform on them.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import type { CommandTable } from '../command';
import type { AclContext } from './selector';
import { AclUser, ACL_ERRNO_MESSAGES, mergeSelectorArgs } from './user';
import { channelPermitted } from './check';
import { AclLog } from './log';
import { rulesFor, validateAuthToken, validateUserGroup } from './rbac';
import type { RbacUserGroup } from './rbac';

/** The engine as the ACL state sees it. */
export interface AclHost {
  readonly table: CommandTable;
  readonly clients: ReadonlyMap<number, Client>;
  configText(name: string): string;
  nowMs(): number;
  /** The profile's restricted commands (refused in RBAC access strings). */
  readonly restricted: ReadonlySet<string>;
  /** CONFIG SET requirepass (the AUTH token); an error sentence, or null. */
  setRequirepass(pass: BinStr): string | null;
}

export class AclState {
  readonly ctx: AclContext;
  private readonly users = new Map<BinStr, AclUser>();
  readonly defaultUser: AclUser;
  readonly log: AclLog;

  constructor(private readonly host: AclHost) {
    this.ctx = {
      table: host.table,
      pubsubAll: () => host.configText('acl-pubsub-default') === 'allchannels',
    };
    this.log = new AclLog(() => Number(host.configText('acllog-max-len')));
    // ACLCreateDefaultUser.
    const d = new AclUser('default', this.ctx);
    for (const op of ['+@all', '~*', '&*', 'on', 'nopass']) d.apply(this.ctx, op);
    d.refresh();
    this.users.set('default', d);
    this.defaultUser = d;
  }

  user(name: BinStr): AclUser | undefined {
    return this.users.get(name);
  }

  /** Users in rax order (byte-wise). */
  all(): AclUser[] {
    return [...this.users.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
  }

  /** authRequired: the default user needs a password (or is off) and the connection has none. */
  authRequired(c: Client): boolean {
    const d = this.defaultUser;
    return (!d.nopass || d.disabled) && !c.authenticated;
  }

  /** clientSetDefaultAuth: a new connection is the default user, authenticated if nopass and on. */
  initClient(c: Client): void {
    c.user = this.defaultUser;
    c.authenticated = this.defaultUser.nopass && !this.defaultUser.disabled;
  }

  /** ACLUpdateDefaultUserPassword (requirepass): resetpass, then >pass or nopass. */
  setRequirepass(password: BinStr): void {
    const d = this.defaultUser;
    d.apply(this.ctx, 'resetpass');
    d.apply(this.ctx, password === '' ? 'nopass' : `>${password}`);
  }

  /** ACLAuthenticateUser: logs an `auth` denial (object = the command name as sent). */
  authenticate(c: Client, name: BinStr, password: BinStr, commandName: BinStr): boolean {
    const u = this.users.get(name);
    if (u !== undefined && u.checkPassword(password)) {
      c.authenticated = true;
      c.user = u;
      return true;
    }
    this.log.add(c, 'auth', name, commandName, this.host.nowMs());
    return false;
  }

  /** ACLStringSetUser: every rule or none; the error text, or null. */
  setUser(name: BinStr, rules: readonly BinStr[]): string | null {
    const merged = mergeSelectorArgs(rules);
    if (!merged.ok)
      return `ERR Unmatched parenthesis in acl selector starting at '${rules[merged.at]!}'.`;
    const existing = this.users.get(name);
    const temp = new AclUser(name, this.ctx);
    if (existing !== undefined) temp.copyFrom(existing);
    for (const op of merged.args) {
      const err = temp.apply(this.ctx, op);
      if (err !== null)
        return `ERR Error in ACL SETUSER modifier '${op}': ${ACL_ERRNO_MESSAGES[err]}`;
    }
    if (existing !== undefined) this.killPubsubClientsIfNeeded(temp, existing);
    const u = existing ?? new AclUser(name, this.ctx);
    u.copyFrom(temp);
    this.users.set(name, u);
    return null;
  }

  /**
   * ElastiCache's ModifyReplicationGroup with UserGroupIds: the node's users become exactly the
   * group's (its `default` replaces the default user's rules); null removes the group (the
   * stock default user, with the AUTH token as its password if one is set). Connections of
   * users that are gone are closed. All or nothing: an error sentence, or null.
   */
  applyUserGroup(group: RbacUserGroup | null): string | null {
    if (group !== null) {
      const err = validateUserGroup(group, this.host.restricted);
      if (err !== null) return err;
      // Every access string must parse before anything changes.
      for (const u of group.users) {
        const merged = mergeSelectorArgs(rulesFor(u));
        const probe = new AclUser('probe', this.ctx);
        for (const op of merged.ok ? merged.args : []) {
          const e = probe.apply(this.ctx, op);
          if (e !== null)
            return `User '${u.userId}': '${op}' in the access string: ${ACL_ERRNO_MESSAGES[e]}`;
        }
      }
    }
    for (const u of this.all()) if (u.name !== 'default') this.deleteUser(u.name, null);
    if (group === null) {
      this.setUser('default', ['reset', '+@all', '~*', '&*', 'on']);
      this.setRequirepass(this.host.configText('requirepass'));
      return null;
    }
    for (const u of group.users) this.setUser(u.userName, rulesFor(u));
    return null;
  }

  /**
   * ElastiCache's AUTH token: checked against AWS's rules (16–128 characters, few specials),
   * then set as requirepass (the default user's password); null removes it.
   */
  setAuthToken(token: string | null): string | null {
    if (token !== null) {
      const err = validateAuthToken(token);
      if (err !== null) return err;
    }
    return this.host.setRequirepass(token ?? '');
  }

  /** ACL DELUSER of one user: its connections go back to `default`, unauthenticated, and close. */
  deleteUser(name: BinStr, current: Client | null): boolean {
    const u = this.users.get(name);
    if (u === undefined) return false;
    this.users.delete(name);
    for (const c of [...this.host.clients.values()]) {
      if (c.user !== u) continue;
      c.user = this.defaultUser;
      c.authenticated = false;
      // CLIENT_CLOSE_AFTER_COMMAND for the caller; the others are freed.
      if (c === current) c.closeAfterReply = true;
      else c.kill();
    }
    return true;
  }

  /**
   * ACLKillPubsubClientsIfNeeded: connections of `original` subscribed to a channel or
   * pattern the new rules no longer allow are closed.
   */
  private killPubsubClientsIfNeeded(next: AclUser, original: AclUser): void {
    if (next.selectors.some((s) => s.allChannels)) return;
    const upcoming = next.selectors.flatMap((s) => s.channels);
    let superset = true;
    for (const s of original.selectors) {
      if (s.allChannels || s.channels.some((ch) => !upcoming.includes(ch))) {
        superset = false;
        break;
      }
    }
    if (superset) return;
    for (const c of [...this.host.clients.values()]) {
      if (c.user !== original || c.subscriptionCount === 0) continue;
      const only = new AclUser('', this.ctx);
      only.root.allChannels = false;
      only.root.channels = upcoming;
      let kill = false;
      for (const p of c.patterns) if (!channelPermitted(only, p, true)) kill = true;
      for (const ch of c.channels) if (!channelPermitted(only, ch, false)) kill = true;
      if (kill) c.kill();
    }
  }
}
