import { useUiStore } from '../store/ui-store';
import { selectLoadError, selectSimState } from '../store/sim-slice';

/** Loading, rebuilding and failure states, in words. */
export function SimStateBanner() {
  const state = useUiStore(selectSimState);
  const error = useUiStore(selectLoadError);
  if (error || state === 'failed') {
    return (
      <div className="banner banner-error" role="status">
        <p>
          {error ??
            'The simulation stopped and could not be rebuilt. Reload the page to start again.'}
        </p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (state === 'loading' || state === 'idle') {
    return (
      <p className="banner" role="status">
        <span className="spinner" aria-hidden="true" /> Starting the simulator and its database…
      </p>
    );
  }
  if (state === 'recovering') {
    return (
      <p className="banner" role="status">
        <span className="spinner" aria-hidden="true" /> Rebuilding the simulation from your actions…
      </p>
    );
  }
  return null;
}
