/** Inline help for the browser console: command names, syntax lines and one-line summaries. */
import type { Command } from '../command';
import { commandTable } from '../commands';
import { ELASTICACHE_RESTRICTED } from '../server/profile';
import type { EngineProfile } from '../server/profile';
import { splitArgs } from '../resp/split-args';
import { textToBin } from '../bytes';
import type { BinStr } from '../bytes';

export interface CommandHelp {
  /** Upper-case name, with the subcommand for containers (`CONFIG GET`). */
  readonly name: string;
  readonly syntax: string;
  readonly summary: string;
  readonly group: string;
}

function helpOf(c: Command, parent?: Command): CommandHelp {
  return {
    name: parent ? `${parent.name} ${c.name}`.toUpperCase() : c.name.toUpperCase(),
    syntax: c.syntax,
    summary: c.summary,
    group: c.group,
  };
}

/** Every command (and container subcommand) the engine knows under `profile`, sorted. */
export function commandHelpList(profile: EngineProfile = 'oss'): CommandHelp[] {
  const hidden = profile === 'elasticache' ? new Set(ELASTICACHE_RESTRICTED) : new Set<string>();
  const out: CommandHelp[] = [];
  for (const c of commandTable.all) {
    if (hidden.has(c.name)) continue;
    out.push(helpOf(c));
    if (c.subtable) for (const s of c.subtable.values()) out.push(helpOf(s, c));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Help for the command a console line starts with (`config get` finds CONFIG GET). */
export function commandHelp(line: string, profile: EngineProfile = 'oss'): CommandHelp | undefined {
  const words = line
    .trim()
    .split(/\s+/)
    .map((w) => w.toUpperCase());
  const list = commandHelpList(profile);
  return (
    list.find((h) => h.name === `${words[0]} ${words[1] ?? ''}`) ??
    list.find((h) => h.name === words[0])
  );
}

/** Names completing `prefix` (case-insensitive), for Tab completion. */
export function completeCommand(prefix: string, profile: EngineProfile = 'oss'): string[] {
  const p = prefix.toUpperCase();
  return commandHelpList(profile)
    .map((h) => h.name)
    .filter((n) => n.startsWith(p));
}

/**
 * Parses a console line the way redis-cli does (quotes, \xHH escapes) into byte-string
 * arguments (text is UTF-8 encoded first, as a terminal sends it). null = unbalanced quotes,
 * which redis-cli reports as "Invalid argument(s)".
 */
export function parseConsoleLine(line: string): BinStr[] | null {
  return splitArgs(textToBin(line));
}
