/**
 * ElastiCache RBAC for the engine (docs/aws/security.md, "RBAC in the simulator"): users with
 * access strings gathered in a user group that is applied to the cache (ModifyReplicationGroup
 * with UserGroupIds), and the AUTH token rules. The simulator validates with these functions
 * and applies with RedisEngine.applyUserGroup / setAuthToken.
 */
import type { BinStr } from '../bytes';
import { textToBin } from '../bytes';
import { mergeSelectorArgs } from './user';

/** An ElastiCache user (CreateUser): ID, name, access string, up to two passwords. */
export interface RbacUser {
  readonly userId: string;
  readonly userName: string;
  readonly accessString: string;
  readonly passwords: readonly string[];
  /** NoPasswordRequired. */
  readonly noPasswordRequired?: boolean;
}

/** A user group (CreateUserGroup): the users one cache accepts. */
export interface RbacUserGroup {
  readonly userGroupId: string;
  readonly users: readonly RbacUser[];
}

const ID = /^[a-z][a-z0-9-]*$/;

/** The first token of an access string ElastiCache refuses, with why; null when accepted. */
function refusedToken(token: string, restricted: ReadonlySet<string>): string | null {
  const lower = token.toLowerCase();
  if (lower === 'reset')
    return "'reset' is not allowed in an access string (ElastiCache manages passwords)";
  if (/^[<>#!]/.test(token) || lower === 'nopass' || lower === 'resetpass')
    return `passwords cannot be set in an access string ('${token}'); use the user's passwords`;
  if ((token[0] === '+' || token[0] === '-') && token[1] !== '@') {
    const name = token.slice(1).split('|')[0]!.toLowerCase();
    if (restricted.has(name)) return `'${name}' is a restricted command on ElastiCache`;
  }
  return null;
}

/** CreateUser's checks: an error sentence, or null. `restricted`: the profile's refused commands. */
export function validateRbacUser(u: RbacUser, restricted: ReadonlySet<string>): string | null {
  if (!ID.test(u.userId))
    return `User ID '${u.userId}' must start with a lower-case letter and contain only lower-case letters, digits and hyphens`;
  if (u.userName === '' || /\s/.test(u.userName))
    return `User name '${u.userName}' must be non-empty without spaces`;
  if (u.passwords.length > 2)
    return `User '${u.userId}' has ${u.passwords.length} passwords; at most 2 are allowed`;
  if (u.passwords.length === 0 && u.noPasswordRequired !== true)
    return `User '${u.userId}' needs a password or NoPasswordRequired`;
  if (u.accessString.trim() === '') return `User '${u.userId}' needs an access string`;
  for (const t of u.accessString.trim().split(/\s+/)) {
    const why = refusedToken(t, restricted);
    if (why !== null) return `User '${u.userId}': ${why}`;
  }
  if (!mergeSelectorArgs(u.accessString.trim().split(/\s+/)).ok)
    return `User '${u.userId}': unmatched parenthesis in the access string`;
  return null;
}

/** CreateUserGroup / ModifyUserGroup checks: unique IDs and names, a user named `default`. */
export function validateUserGroup(
  g: RbacUserGroup,
  restricted: ReadonlySet<string>,
): string | null {
  if (!ID.test(g.userGroupId)) return `User group ID '${g.userGroupId}' is not valid`;
  if (g.users.length > 100)
    return `User group '${g.userGroupId}' has ${g.users.length} users; at most 100`;
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const u of g.users) {
    const err = validateRbacUser(u, restricted);
    if (err !== null) return err;
    if (ids.has(u.userId)) return `User ID '${u.userId}' appears twice in the group`;
    if (names.has(u.userName)) return `User name '${u.userName}' appears twice in the group`;
    ids.add(u.userId);
    names.add(u.userName);
  }
  if (!names.has('default'))
    return `User group '${g.userGroupId}' must contain a user named 'default'`;
  return null;
}

/**
 * The AUTH token rules (docs/aws/security.md): 16–128 printable ASCII characters; besides
 * letters and digits only ! & # $ ^ < > - are allowed.
 */
export function validateAuthToken(token: string): string | null {
  if (token.length < 16 || token.length > 128)
    return `The AUTH token must be 16 to 128 characters long (it has ${token.length})`;
  const bad = [...token].find((ch) => !/[A-Za-z0-9!&#$^<>-]/.test(ch));
  if (bad !== undefined)
    return `The AUTH token may contain only letters, digits and ! & # $ ^ < > - (not '${bad}')`;
  return null;
}

/** The ACL SETUSER rules that give a user group's user its state on a node. */
export function rulesFor(u: RbacUser): BinStr[] {
  const pass =
    u.noPasswordRequired === true ? ['nopass'] : u.passwords.map((p) => `>${textToBin(p)}`);
  return ['reset', ...pass, ...u.accessString.trim().split(/\s+/).map(textToBin)];
}
