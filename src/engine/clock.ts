/**
 * Time as the engines see it. The simulator passes its virtual clock, the conformance TCP
 * servers pass the wall clock; engines never read time any other way.
 */
export interface EngineClock {
  /** Milliseconds since the Unix epoch (may be fractional on a virtual clock). */
  nowMs(): number;
}

/** A clock the caller moves by hand: tests and the simulator's adapters. */
export interface ManualClock extends EngineClock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(startMs = 0): ManualClock {
  let now = startMs;
  return {
    nowMs: () => now,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}
