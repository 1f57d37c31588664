import { useEffect, useSyncExternalStore } from 'react';
import { offlineStore, startOffline } from './service-worker';

/** How long "available offline" stays on screen; the update notice stays until answered. */
const OFFLINE_READY_MS = 8_000;

/**
 * The two things the service worker has to say: the build is cached (once, then it goes away),
 * and a newer build is waiting (until the student reloads or says "later"). A live region, so a
 * screen reader hears both; plain buttons, so the keyboard reaches them.
 */
export function OfflineNotices() {
  const state = useSyncExternalStore(offlineStore.subscribe, offlineStore.get, offlineStore.get);
  useEffect(startOffline, []);
  useEffect(() => {
    if (!state.offlineReady) return;
    const timer = window.setTimeout(offlineStore.dismissOfflineReady, OFFLINE_READY_MS);
    return () => window.clearTimeout(timer);
  }, [state.offlineReady]);
  return (
    <div className="offline-notices" role="status" aria-live="polite">
      {state.updateWaiting && (
        <div className="banner offline-notice" data-testid="update-prompt">
          <p>
            A new version of the simulator is ready. Reload to use it: your lesson progress is kept.
          </p>
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => void offlineStore.applyUpdate()}
          >
            Reload
          </button>
          <button type="button" className="btn btn-small" onClick={offlineStore.dismissUpdate}>
            Later
          </button>
        </div>
      )}
      {state.offlineReady && !state.updateWaiting && (
        <div className="banner offline-notice" data-testid="offline-ready">
          <p>The simulator is saved in this browser: it now works without a network.</p>
          <button
            type="button"
            className="btn btn-small"
            onClick={offlineStore.dismissOfflineReady}
          >
            Close
          </button>
        </div>
      )}
    </div>
  );
}
