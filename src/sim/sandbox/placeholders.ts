/**
 * PLACEHOLDERS for the first sandbox, until the real engines land (issues #4 and #8): a
 * key→value map standing in for the cache node and a row map standing in for the database.
 * They are named as placeholders on screen too; the sandbox switches to the Redis engine and
 * PGlite when those are wired in.
 */
export class PlaceholderCache {
  private entries = new Map<string, { value: string; expiresAt: number }>();

  get size(): number {
    return this.entries.size;
  }

  get(key: string, nowUs: number): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= nowUs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: string, nowUs: number, ttlUs: number): void {
    this.entries.set(key, { value, expiresAt: nowUs + ttlUs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  flush(): void {
    this.entries.clear();
  }
}

export class PlaceholderDatabase {
  private rows = new Map<string, { name: string; price: number; version: number }>();

  constructor(products: number) {
    for (let i = 1; i <= products; i++) {
      this.rows.set(`product:${i}`, {
        name: `Product ${i}`,
        price: 100 + ((i * 37) % 900),
        version: 1,
      });
    }
  }

  read(key: string): string | undefined {
    const r = this.rows.get(key);
    return r && JSON.stringify(r);
  }

  write(key: string, priceDelta: number): void {
    const r = this.rows.get(key);
    if (r) this.rows.set(key, { ...r, price: r.price + priceDelta, version: r.version + 1 });
  }
}
