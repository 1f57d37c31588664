/**
 * ACL command categories (acl.c ACLCommandCategories, in its order: ACL CAT lists them so, and
 * COMMAND INFO prints a command's categories in this order) and how a command gets them:
 * the explicit acl_categories of its JSON plus the implicit ones of server.c
 * setImplicitACLCategories (write → @write, readonly → @read unless @scripting, admin →
 * @admin @dangerous, pubsub → @pubsub, fast → @fast, blocking → @blocking, else @slow).
 */
import type { CommandMeta } from '../command-meta';

export const ACL_CATEGORY_NAMES = [
  'keyspace',
  'read',
  'write',
  'set',
  'sortedset',
  'list',
  'hash',
  'string',
  'bitmap',
  'hyperloglog',
  'geo',
  'stream',
  'pubsub',
  'admin',
  'fast',
  'slow',
  'blocking',
  'dangerous',
  'connection',
  'transaction',
  'scripting',
] as const;

export type AclCategoryName = (typeof ACL_CATEGORY_NAMES)[number];

/** The bit of a category (one bit per name, in ACL_CATEGORY_NAMES order). */
export function categoryBit(name: AclCategoryName): number {
  return 1 << ACL_CATEGORY_NAMES.indexOf(name);
}

/** acl.c ACLGetCommandCategoryFlagByName: case-insensitive, 0 when unknown. */
export function categoryFlagByName(name: string): number {
  const lower = name.toLowerCase();
  const i = (ACL_CATEGORY_NAMES as readonly string[]).indexOf(lower);
  return i === -1 ? 0 : 1 << i;
}

const bit = categoryBit;

/** The category bitmask of a command from its 7.0.15 description. */
export function categoriesOf(meta: CommandMeta): number {
  let m = 0;
  for (const c of meta.categories) m |= categoryFlagByName(c);
  const has = (f: string): boolean => meta.flags.includes(f);
  if (has('WRITE')) m |= bit('write');
  if (has('READONLY') && (m & bit('scripting')) === 0) m |= bit('read');
  if (has('ADMIN')) m |= bit('admin') | bit('dangerous');
  if (has('PUBSUB')) m |= bit('pubsub');
  if (has('FAST')) m |= bit('fast');
  if (has('BLOCKING')) m |= bit('blocking');
  if ((m & bit('fast')) === 0) m |= bit('slow');
  return m;
}

/** The `@name` list of a mask, in ACL_CATEGORY_NAMES order (COMMAND INFO). */
export function categoryNames(mask: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < ACL_CATEGORY_NAMES.length; i++)
    if ((mask & (1 << i)) !== 0) out.push(ACL_CATEGORY_NAMES[i]!);
  return out;
}
