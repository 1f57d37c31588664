/**
 * sfc32, Chris Doty-Humphrey's Small Fast Counting generator (passes PractRand and BigCrush):
 * 128 bits of state, 32-bit outputs, a handful of integer operations per draw. The one copy of
 * the algorithm in the code base: the simulator's named streams (seeded through cyrb128), the
 * engines' generator and the RDS data set's (seeded through splitmix32) all draw from it. Each
 * caller keeps its own seeding, so every sequence is the one it was before they shared it.
 */
export class Sfc32 {
  /**
   * The state words a, b, c, d, then the last output. In a typed array, not fields, and the
   * output stored rather than returned by step(): a 32-bit integer is not a small integer to
   * V8 (Chromium's keeps those below 2^30), so int32 state in fields and outputs handed back
   * were boxed numbers — the generator was a seventh of a fast-forward's time in Chromium
   * (docs/performance.md).
   */
  private readonly s = new Int32Array(5);

  /** Starts from four 32-bit words, discarding the first `warmUp` outputs. */
  constructor(a: number, b: number, c: number, d: number, warmUp = 0) {
    this.s[0] = a;
    this.s[1] = b;
    this.s[2] = c;
    this.s[3] = d;
    for (let i = 0; i < warmUp; i++) this.step();
  }

  /** An integer in [0, 2^32). */
  nextU32(): number {
    this.step();
    return this.s[4]! >>> 0;
  }

  /**
   * The next output's top 16 bits, in [0, 2^16) (a table index that is never a boxed number);
   * lastU32() then gives the whole output. The same draw as nextU32().
   */
  nextHigh16(): number {
    this.step();
    return this.s[4]! >>> 16;
  }

  /** The last output drawn, in [0, 2^32). */
  lastU32(): number {
    return this.s[4]! >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextU32() / 4_294_967_296;
  }

  /** One step of sfc32: the state moves on and the output goes to s[4]. */
  private step(): void {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    s[4] = t;
  }
}

/** cyrb128 (bryc): a fast 128-bit string hash, used to seed a generator from a text. */
export function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Four words from splitmix32 (Steele, Lea & Flood's SplitMix, 32-bit): seeds from one number. */
export function splitmix32(seed: number): [number, number, number, number] {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
}
