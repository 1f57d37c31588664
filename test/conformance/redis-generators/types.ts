/**
 * The plug-in interface of the differential test: every other file in this folder exports
 * `generators: CommandGenerator[]`, and redis-diff.test.ts loads them all. A generator
 * produces one command at a time from the shared random source and key pool, and says how
 * its reply is compared with the real server's.
 */

/** How replies are compared. */
export type CompareMode =
  | 'exact'
  /** Array reply whose order Redis leaves unspecified (KEYS, SMEMBERS…): compared as multisets. */
  | 'unordered'
  /** Flat field/value array whose pair order is unspecified (HGETALL, CONFIG GET). */
  | 'unordered-pairs'
  /** [cursor, [items]] where the full result fits in one call (COUNT ≥ size): cursor exact, items unordered. */
  | 'scan'
  /** Only the reply kind must match (replies that depend on timing or randomness). Errors still compared exactly. */
  | 'kind'
  /**
   * RANDOMKEY / SRANDMEMBER / SPOP / HRANDFIELD / ZRANDMEMBER: each side's reply is checked by
   * length, distinctness and membership against the key's contents read on that side just
   * before (redis-compare.ts `checkRandom`); inside MULTI only the kind. After SPOP the engine
   * is brought to the members redis-server kept, so the streams stay comparable.
   */
  | 'random'
  /**
   * Integers may differ by `approx` (TTL-like replies measured at slightly different instants);
   * with `at`, only integers at the array paths it accepts (XPENDING's idle column), the rest exact.
   */
  | { approx: number; at?: (path: readonly number[]) => boolean };

export interface GeneratedCommand {
  argv: string[];
  compare?: CompareMode;
}

export interface GenContext {
  /** Uniform float in [0, 1). */
  random(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** A key from the shared small pool (so types collide and WRONGTYPE happens). */
  key(): string;
  /** A short value: text, binary bytes, integers, floats. */
  value(): string;
  /** Something that is usually an integer, sometimes not (bad input). */
  intArg(min?: number, max?: number): string;
  /** Something that is usually a float, sometimes not. */
  floatArg(): string;
  /** A value that is never a valid integer ("abc", "1.5", " 1", "01", "9223372036854775808"…). */
  badInt(): string;
}

export interface CommandGenerator {
  /** Family name, for failure messages. */
  readonly family: string;
  /** Relative frequency (default 1). */
  readonly weight?: number;
  next(ctx: GenContext): GeneratedCommand;
}
