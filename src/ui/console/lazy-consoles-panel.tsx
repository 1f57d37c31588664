import { lazy, Suspense } from 'react';
import type { ConsolesPanelProps } from './consoles-panel';

// The consoles (and their help tables) are their own chunks: no page's first load carries them.
const Panel = lazy(() => import('./consoles-panel').then((m) => ({ default: m.ConsolesPanel })));

/** The tabbed consoles, loaded on first render. */
export function LazyConsolesPanel(props: ConsolesPanelProps) {
  return (
    <Suspense
      fallback={
        <p className="banner" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the consoles…
        </p>
      }
    >
      <Panel {...props} />
    </Suspense>
  );
}
