// MULTI … EXEC in a differential stream. A command inside a transaction is answered QUEUED, and
// its real reply arrives later as one item of EXEC's array — so the compare mode it was generated
// with (exact, unordered, …) is remembered at QUEUED and applied to its item of that array.
import type { Reply } from '../../src/engine/redis/index';
import type { CompareMode } from './redis-generators/types';

type Same = (got: Reply, want: Reply, mode: CompareMode) => boolean;

export class TransactionModes {
  private queued: CompareMode[] = [];

  constructor(private readonly same: Same) {}

  /**
   * Follows one reply pair. Returns 'matched' when it is an EXEC whose items all agree under
   * their queued modes (nothing left to compare); otherwise the mode to compare the pair with —
   * 'exact' for an EXEC array of the right length that did not match item by item.
   */
  follow(name: string, want: Reply, got: Reply, mode: CompareMode): CompareMode | 'matched' {
    if (want.kind === 'simple' && want.value === 'QUEUED') {
      this.queued.push(mode);
      return mode;
    }
    if (name !== 'EXEC' && name !== 'DISCARD') return mode;
    const modes = this.queued;
    this.queued = [];
    if (want.kind !== 'array' || got.kind !== 'array' || want.items.length !== modes.length)
      return mode;
    const all = want.items.every(
      (w, j) => got.items[j] !== undefined && this.same(got.items[j]!, w, modes[j]!),
    );
    return all ? 'matched' : 'exact';
  }
}
