import { useUiStore } from '../store/ui-store';
import { selectSnapshot, selectTopology } from '../store/sim-slice';
import { selectSelectedNode } from '../store/view-slice';
import { KIND_LABEL } from '../topology/layout';

/** Every node's status in words, the accessible twin of the diagram's node cards. */
export function NodeStatusList() {
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  const selected = useUiStore(selectSelectedNode);
  if (!topology || !snapshot) return null;
  return (
    <section className="panel" aria-labelledby="node-status-heading">
      <h2 id="node-status-heading">Nodes</h2>
      <ul className="node-list">
        {topology.nodes.map((n) => {
          const st = snapshot.nodes[n.id];
          const up = st?.up ?? true;
          return (
            <li key={n.id} className={`${up ? '' : 'down'}${selected === n.id ? ' selected' : ''}`}>
              <span className={`badge ${up ? 'badge-up' : 'badge-down'}`}>
                {up ? '● Up' : '✕ Down'}
              </span>{' '}
              <strong>{n.label}</strong>
              {n.label === KIND_LABEL[n.kind] ? null : (
                <span className="muted"> ({KIND_LABEL[n.kind]})</span>
              )}
              {st?.detail ? <div className="node-detail-line">{st.detail}</div> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
