import { useState } from 'react';
import { useUiStore } from '../store/ui-store';
import { selectSimState } from '../store/sim-slice';
import { useSimSession } from '../session/session-context';
import type { ActionSpec } from '../../worker';

/** The scenario's own actions (crash a node, flush the cache …), rendered from its ActionSpecs. */
export function ActionsPanel({ actions }: { actions: readonly ActionSpec[] }) {
  const session = useSimSession();
  const simState = useUiStore(selectSimState);
  const [message, setMessage] = useState<string | null>(null);
  // ActionSpec does not describe parameters yet; actions that need one are left to scenario views.
  const simple = actions.filter((a) => !/\(param/i.test(a.description));
  if (simple.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <ul className="action-list">
        {simple.map((a) => (
          <li key={a.type}>
            <button
              type="button"
              className="btn"
              disabled={simState !== 'ready'}
              onClick={() =>
                void session
                  .act({ type: a.type })
                  .then((err) => setMessage(err ?? `Done: ${a.label}.`))
              }
            >
              {a.label}
            </button>
            <span className="muted action-desc">{a.description}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="action-result">
        {message}
      </p>
    </section>
  );
}
