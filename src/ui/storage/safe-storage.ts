/**
 * The one way the app reaches the browser's Web Storage. In a third-party frame (an LMS page
 * embedding the simulator) Safari, Firefox's strict mode and Chromium's newer defaults block
 * storage: merely reading `window.localStorage` throws `SecurityError`. Anything that touched it
 * directly stopped the app from starting, so every caller goes through here and gets a working
 * store either way — the browser's, or an in-memory one kept for this page view.
 */

/** The part of the Storage API the app uses. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StorageKind = 'local' | 'session';

export interface SafeStorage {
  readonly store: KeyValueStore;
  /** False when the browser refused its storage and values live only until the page closes. */
  readonly persistent: boolean;
}

/** A Map-backed store with Storage's string semantics (values are stringified, keys too). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(String(key)) ?? null,
    setItem: (key, value) => void map.set(String(key), String(value)),
    removeItem: (key) => void map.delete(String(key)),
  };
}

/** A view of `store` whose keys all start with `prefix` (separate progress for embedded frames). */
export function prefixedStore(store: KeyValueStore, prefix: string): KeyValueStore {
  return {
    getItem: (key) => store.getItem(prefix + key),
    setItem: (key, value) => store.setItem(prefix + key, value),
    removeItem: (key) => store.removeItem(prefix + key),
  };
}

const PROBE_KEY = 'ecsim.storage-probe';

/**
 * Tries the global's storage (`get` reads e.g. `window.localStorage`, which may throw) and a
 * write/remove probe (a quota of 0 in some private modes makes every write throw).
 */
export function openStorage(get: () => KeyValueStore | undefined | null): SafeStorage {
  try {
    const store = get();
    if (store) {
      store.setItem(PROBE_KEY, '1');
      store.removeItem(PROBE_KEY);
      return { store, persistent: true };
    }
  } catch {
    // Blocked (SecurityError) or unusable (QuotaExceededError): the fallback below keeps the app
    // working; callers tell the student through `persistent`.
  }
  return { store: memoryStore(), persistent: false };
}

const opened = new Map<StorageKind, SafeStorage>();

/**
 * The browser's localStorage or sessionStorage, or an in-memory fallback when it is denied —
 * decided once per page view, so values written to the fallback are read back until unload.
 */
export function browserStorage(kind: StorageKind = 'local'): SafeStorage {
  let s = opened.get(kind);
  if (!s) {
    s = openStorage(() => {
      if (typeof window === 'undefined') return null;
      return kind === 'local' ? window.localStorage : window.sessionStorage;
    });
    opened.set(kind, s);
  }
  return s;
}
