/**
 * The node count of a stream's radix tree (XINFO STREAM radix-tree-nodes), computed from the
 * sorted node keys instead of keeping a radix tree. A stream's rax keys are 16-byte big-endian
 * IDs, none a prefix of another, and rax.c keeps its tree compressed after every insert and
 * removal, so its shape depends only on the key set: a root, every branching position, every
 * child of a branching position (one char of the branch), and the leaves. Branching positions
 * are the longest common prefixes of neighbouring keys; a stack over those depths (a Cartesian
 * tree) tells the distinct ones and whether a branch hangs directly below another.
 */
import type { StreamId } from './stream-id';

const KEY_BYTES = 16;

/** Length in bytes of the common prefix of two distinct IDs' 16-byte big-endian forms. */
export function idPrefixBytes(a: StreamId, b: StreamId): number {
  const x = a.ms ^ b.ms;
  if (x !== 0n) return Math.floor((64 - x.toString(2).length) / 8);
  return 8 + Math.floor((64 - (a.seq ^ b.seq).toString(2).length) / 8);
}

/** raxSize(rax) nodes for keys in ascending order. */
export function radixTreeNodes(keys: readonly StreamId[]): number {
  const n = keys.length;
  if (n === 0) return 1;
  let branches = 0;
  let branchUnderBranch = 0;
  let leavesUnderBranch = 0;
  let rootBranches = false;
  const stack: number[] = [];
  // A branch at depth d popped off the stack gets its parent: the next stack entry or the depth
  // that is being pushed, whichever is deeper.
  const settle = (depth: number, parent: number): void => {
    if (parent === depth - 1) branchUnderBranch++;
  };
  let prev = -1;
  for (let i = 0; i + 1 < n; i++) {
    const l = idPrefixBytes(keys[i]!, keys[i + 1]!);
    if (l === KEY_BYTES - 1 && prev !== KEY_BYTES - 1) leavesUnderBranch++;
    if (l === KEY_BYTES - 1) leavesUnderBranch++;
    prev = l;
    while (stack.length !== 0 && stack[stack.length - 1]! > l) {
      const d = stack.pop()!;
      const below = stack.length !== 0 ? stack[stack.length - 1]! : -1;
      settle(d, Math.max(below, below < l ? l : -1));
    }
    if (stack.length === 0 || stack[stack.length - 1]! < l) {
      stack.push(l);
      branches++;
      if (l === 0) rootBranches = true;
    }
  }
  while (stack.length !== 0) {
    const d = stack.pop()!;
    settle(d, stack.length !== 0 ? stack[stack.length - 1]! : -2);
  }
  const children = n - 1 + branches;
  const union = branches + n + children - branchUnderBranch - leavesUnderBranch;
  return 1 + union - (rootBranches ? 1 : 0);
}
