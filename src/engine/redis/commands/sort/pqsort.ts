/**
 * Redis's pqsort (pqsort.c: Bentley & McIlroy's quicksort that only recurses into partitions
 * overlapping the wanted range). SORT … BY … LIMIT uses it, and it is not stable, so elements
 * that compare equal come out in the order this exact algorithm leaves them.
 */
type Cmp<T> = (a: T, b: T) => number;

function med3<T>(v: T[], a: number, b: number, c: number, cmp: Cmp<T>): number {
  return cmp(v[a]!, v[b]!) < 0
    ? cmp(v[b]!, v[c]!) < 0
      ? b
      : cmp(v[a]!, v[c]!) < 0
        ? c
        : a
    : cmp(v[b]!, v[c]!) > 0
      ? b
      : cmp(v[a]!, v[c]!) < 0
        ? a
        : c;
}

function swap<T>(v: T[], i: number, j: number): void {
  const t = v[i]!;
  v[i] = v[j]!;
  v[j] = t;
}

function vecswap<T>(v: T[], i: number, j: number, n: number): void {
  for (let k = 0; k < n; k++) swap(v, i + k, j + k);
}

/** Sorts `v` so that positions lo..hi (inclusive) hold what a full sort would put there. */
export function pqsort<T>(v: T[], cmp: Cmp<T>, lo: number, hi: number): void {
  sortRange(v, 0, v.length, cmp, lo, hi);
}

function sortRange<T>(v: T[], a: number, n: number, cmp: Cmp<T>, lo: number, hi: number): void {
  for (;;) {
    if (n < 7) {
      for (let pm = a + 1; pm < a + n; pm++)
        for (let pl = pm; pl > a && cmp(v[pl - 1]!, v[pl]!) > 0; pl--) swap(v, pl, pl - 1);
      return;
    }
    let pm = a + Math.floor(n / 2);
    if (n > 7) {
      let pl = a;
      let pn = a + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = med3(v, pl, pl + d, pl + 2 * d, cmp);
        pm = med3(v, pm - d, pm, pm + d, cmp);
        pn = med3(v, pn - 2 * d, pn - d, pn, cmp);
      }
      pm = med3(v, pl, pm, pn, cmp);
    }
    swap(v, a, pm);
    let pa = a + 1;
    let pb = pa;
    let pc = a + n - 1;
    let pd = pc;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(v[pb]!, v[a]!)) <= 0) {
        if (r === 0) swap(v, pa++, pb);
        pb++;
      }
      while (pb <= pc && (r = cmp(v[pc]!, v[a]!)) >= 0) {
        if (r === 0) swap(v, pc, pd--);
        pc--;
      }
      if (pb > pc) break;
      swap(v, pb++, pc--);
    }
    const pn = a + n;
    let r = Math.min(pa - a, pb - pa);
    vecswap(v, a, pb - r, r);
    r = Math.min(pd - pc, pn - pd - 1);
    vecswap(v, pb, pn - r, r);
    // Recurse into a partition only if it overlaps lo..hi.
    const overlaps = (start: number, count: number) => !(hi < start || lo > start + count - 1);
    if ((r = pb - pa) > 1 && overlaps(a, r)) sortRange(v, a, r, cmp, lo, hi);
    if ((r = pd - pc) > 1 && overlaps(pn - r, r)) {
      a = pn - r;
      n = r;
      continue;
    }
    return;
  }
}
