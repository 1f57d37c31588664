// Every command in the engine's command table is sent by at least one test: the test sources
// (unit tests, conformance tests and their generators) are searched for the command as an
// argv literal (memcached's tests aside) — `'GEORADIUS'` at the start of an argument list or a command line — and for a
// container's subcommand as `'CLIENT', 'ID'` or `'CLIENT ID …'`. A command nobody sends is
// named in the failure.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandTable } from '../../src/engine/redis/commands/index';

const ROOT = join(__dirname, '..', '..');
const SELF = relative(ROOT, __filename);

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.includes('memcached')) sources(p, out);
    } else if (
      /\.test\.tsx?$/.test(e.name) ||
      (dir.includes('conformance') && e.name.endsWith('.ts'))
    ) {
      // Memcached's tests share words with Redis (`'time'`, `'get'`) but send nothing to it.
      if (relative(ROOT, p) !== SELF && !e.name.includes('memcached'))
        out.push(readFileSync(p, 'utf8'));
    }
  }
  return out;
}

const escape = (s: string): string => s.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&');

describe('command coverage', () => {
  it('every command and subcommand of the table is sent by some test', () => {
    const text = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'test'))].join('\n');
    const missing: string[] = [];
    for (const cmd of commandTable.all) {
      const name = escape(cmd.name);
      if (cmd.subtable === undefined) {
        // ['NAME', …] / ['NAME'] / 'NAME key …' (a command line), any letter case.
        if (!new RegExp(`[\\['"\`]\\s*['"\`]?${name}(['"\`]\\s*[,\\]]|\\s)`, 'i').test(text))
          missing.push(cmd.name.toUpperCase());
        continue;
      }
      for (const sub of cmd.subtable.values()) {
        const s = escape(sub.name);
        const re = new RegExp(
          `['"\`]${name}['"\`]\\s*,\\s*['"\`]${s}['"\`]|['"\`]${name}\\s+${s}\\b`,
          'i',
        );
        if (!re.test(text)) missing.push(`${cmd.name} ${sub.name}`.toUpperCase());
      }
    }
    expect(missing).toEqual([]);
  });
});
