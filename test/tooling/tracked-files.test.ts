// Worktrees link node_modules to the main checkout's. `node_modules/` in .gitignore did not
// match such a link, so `git add -A` committed it, and merging that commit replaced the main
// checkout's real node_modules with a link to itself. Keep it from coming back.
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('does not track node_modules (worktrees link it)', () => {
  let tracked: string;
  try {
    tracked = execFileSync('git', ['ls-files', '--', 'node_modules'], { encoding: 'utf8' });
  } catch {
    return; // not a git checkout (an unpacked archive): nothing can be tracked
  }
  expect(tracked.trim()).toBe('');
});
