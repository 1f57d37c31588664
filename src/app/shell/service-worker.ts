/**
 * The service worker that keeps the simulator working offline and tells the student when a new
 * build is out (docs/offline.md). The page registers it itself, after its first render, so
 * neither Workbox's page-side code nor the registration sits on the first page load. A browser
 * that refuses it (no service workers, storage denied in a third-party frame, a blocked
 * registration) leaves the app as it was: online only, with nothing shown.
 */

export interface OfflineState {
  /** The build is cached: a reload without network still runs the lessons. */
  offlineReady: boolean;
  /** A newer build is installed and waiting for the student to reload. */
  updateWaiting: boolean;
}

/** How a page registers its worker: `virtual:pwa-register`'s shape, injectable for tests. */
export type RegisterServiceWorker = (options: {
  immediate: boolean;
  onNeedRefresh(): void;
  onOfflineReady(): void;
  onRegisterError(error: unknown): void;
}) => (reloadPage?: boolean) => Promise<void>;

export interface OfflineStore {
  get(): OfflineState;
  subscribe(listener: () => void): () => void;
  /** Registers once; later calls do nothing. */
  start(register: RegisterServiceWorker): void;
  /** Activates the waiting build and reloads the page. */
  applyUpdate(): Promise<void>;
  /** Hides the update notice until the next build. */
  dismissUpdate(): void;
  dismissOfflineReady(): void;
}

/** Not an error for the student: the app works online as before. */
function unavailable(error: unknown): void {
  console.info('Offline use is not available here:', error);
}

export function createOfflineStore(): OfflineStore {
  let state: OfflineState = { offlineReady: false, updateWaiting: false };
  let update: ((reloadPage?: boolean) => Promise<void>) | null = null;
  const listeners = new Set<() => void>();
  const set = (next: Partial<OfflineState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(register) {
      if (update) return;
      update = () => Promise.resolve();
      try {
        update = register({
          immediate: true,
          onNeedRefresh: () => set({ updateWaiting: true, offlineReady: false }),
          onOfflineReady: () => set({ offlineReady: true }),
          onRegisterError: unavailable,
        });
      } catch (error) {
        unavailable(error);
      }
    },
    async applyUpdate() {
      set({ updateWaiting: false });
      await update?.(true);
    },
    dismissUpdate: () => set({ updateWaiting: false }),
    dismissOfflineReady: () => set({ offlineReady: false }),
  };
}

export const offlineStore = createOfflineStore();

/** Registers the built app's service worker (production builds only; the dev server has none). */
export function startOffline(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
    return;
  void import('virtual:pwa-register').then((m) => offlineStore.start(m.registerSW), unavailable);
}
