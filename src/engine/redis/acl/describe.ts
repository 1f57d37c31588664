/**
 * ACL descriptions as redis-server 7.0.15 writes them (acl.c ACLDescribeSelectorCommandRules,
 * ACLDescribeSelector, ACLDescribeUser): the command bitmap is re-expressed as +@all/-@all,
 * then the best-fitting categories, then single commands, checked against a replay.
 * Redis walks its command dict in hash order (random per process), so the single-command part
 * comes out in a different order on each server; we use the table's order.
 */
import type { Command, CommandTable } from '../command';
import { ACL_CATEGORY_NAMES } from './categories';
import { Selector } from './selector';
import type { AclContext, KeyPattern } from './selector';
import { KEY_ALL, KEY_READ } from './selector';
import type { AclUser } from './user';

function eachCommand(table: CommandTable, fn: (cmd: Command) => void): void {
  const visit = (cmds: Iterable<Command>): void => {
    for (const cmd of cmds) {
      fn(cmd);
      if (cmd.subtable) visit(cmd.subtable.values());
    }
  };
  visit(table.all);
}

function countCategory(
  table: CommandTable,
  s: Selector,
  flag: number,
): { on: number; off: number } {
  let on = 0;
  let off = 0;
  eachCommand(table, (cmd) => {
    if ((cmd.aclCategories & flag) === 0) return;
    if (s.allowed[cmd.id] !== 0) on++;
    else off++;
  });
  return { on, off };
}

export function describeCommandRules(ctx: AclContext, selector: Selector): string {
  const table = ctx.table;
  const fake = new Selector(false, table.idCount);
  const additive = selector.allowed[selector.futureBit] === 0;
  const rules: string[] = [additive ? '-@all' : '+@all'];
  fake.apply(ctx, rules[0]!);
  const temp = new Selector(false, table.idCount);
  temp.allowed.set(selector.allowed);
  const applied = new Set<number>();
  for (;;) {
    let best = -1;
    let mindiff = Number.MAX_SAFE_INTEGER;
    let maxsame = 0;
    for (let j = 0; j < ACL_CATEGORY_NAMES.length; j++) {
      if (applied.has(j)) continue;
      const { on, off } = countCategory(table, temp, 1 << j);
      const diff = additive ? off : on;
      const same = additive ? on : off;
      if (same > diff && (diff < mindiff || (diff === mindiff && same > maxsame))) {
        best = j;
        mindiff = diff;
        maxsame = same;
      }
    }
    if (best === -1) break;
    const name = ACL_CATEGORY_NAMES[best]!;
    fake.setCategory(table, 1 << best, additive);
    temp.setCategory(table, 1 << best, !additive);
    rules.push(`${additive ? '+' : '-'}@${name}`);
    applied.add(best);
  }
  // ACLDescribeSelectorCommandRulesSingleCommands.
  eachCommand(table, (cmd) => {
    const userbit = selector.allowed[cmd.id] !== 0;
    const fakebit = fake.allowed[cmd.id] !== 0;
    if (userbit !== fakebit) {
      rules.push(`${userbit ? '+' : '-'}${cmd.fullName}`);
      fake.changePerm(cmd, userbit);
    }
    const firsts = selector.firstArgs?.get(cmd.id);
    if (!userbit && firsts !== undefined)
      for (const f of firsts) rules.push(`+${cmd.fullName}|${f}`);
  });
  return rules.join(' ');
}

/** sdsCatPatternString. */
export function keyPatternText(p: KeyPattern): string {
  const prefix = p.flags === KEY_ALL ? '~' : p.flags === KEY_READ ? '%R~' : '%W~';
  return prefix + p.pattern;
}

export function describeSelector(ctx: AclContext, s: Selector): string {
  let res = '';
  if (s.allKeys) res += '~* ';
  else for (const p of s.patterns) res += `${keyPatternText(p)} `;
  if (s.allChannels) res += '&* ';
  else {
    res += 'resetchannels ';
    for (const c of s.channels) res += `&${c} `;
  }
  return res + describeCommandRules(ctx, s);
}

/** ACLDescribeUser: flags, #hashes, the root selector, then ` (…)` for each other selector. */
export function describeUser(ctx: AclContext, u: AclUser, hashes = true): string {
  if (!hashes) return describeUser(ctx, u).replace(/#[0-9a-f]{64} /g, '');
  if (u.described !== null) return u.described;
  let res = '';
  if (u.enabled) res += 'on ';
  if (u.disabled) res += 'off ';
  if (u.nopass) res += 'nopass ';
  if (u.sanitize === 'skip-sanitize-payload') res += 'skip-sanitize-payload ';
  if (u.sanitize === 'sanitize-payload') res += 'sanitize-payload ';
  for (const p of u.passwords) res += `#${p} `;
  for (const s of u.selectors) {
    const d = describeSelector(ctx, s);
    res += s.root ? d : ` (${d})`;
  }
  u.described = res;
  return res;
}
