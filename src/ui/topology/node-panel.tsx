import { useEffect, useMemo, useRef, useState } from 'react';
import { ConsolesPanel } from '../console';
import { useSimSession } from '../session/session-context';
import { useUiStore } from '../store/ui-store';
import { selectFlows, selectSnapshot, selectTopology } from '../store/sim-slice';
import { selectSelectedNode } from '../store/view-slice';
import { KIND_LABEL } from './layout';
import { NodeBackup } from './node-backup';
import { actionsForNode } from './node-actions';
import { formatOps } from './rates';

/**
 * The clicked node's panel, RaftScope style: what the node is (role, AZ, endpoint), its state
 * and meters, the faults it supports — applied from here, seen on the canvas and in the event
 * log — and a console attached to it. Escape or Close returns focus to the node on the canvas.
 */
export function NodePanel() {
  const session = useSimSession();
  const id = useUiStore(selectSelectedNode);
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  const flows = useUiStore(selectFlows);
  const actions = useUiStore((s) => s.actions);
  const selectNode = useUiStore((s) => s.selectNode);
  const busy = useUiStore((s) => s.simState !== 'ready' || s.fastForward !== null);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const [consoleOpen, setConsoleOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const node = topology?.nodes.find((n) => n.id === id) ?? null;
  const offered = useMemo(
    () => (node && topology ? actionsForNode(actions, node, topology) : []),
    [actions, node, topology],
  );

  useEffect(() => {
    setResult(null);
    setConsoleOpen(false);
    if (id) heading.current?.focus();
  }, [id]);

  if (!node || !topology) return null;
  const status = snapshot?.nodes[node.id];
  const up = status?.up ?? true;
  const az = topology.azs.find((a) => a.id === node.az)?.label ?? node.az;
  const ops = flows?.nodes[node.id];
  const close = () => {
    selectNode(null);
    const el = document.querySelector<SVGGElement>(
      `.topology [data-node="${CSS.escape(node.id)}"]`,
    );
    el?.focus();
  };

  return (
    <section
      className="panel node-panel"
      aria-labelledby="node-panel-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="node-panel-head">
        <h2 id="node-panel-heading" ref={heading} tabIndex={-1}>
          {node.label}
        </h2>
        <button type="button" className="btn btn-small" onClick={close}>
          Close <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
      <dl className="node-facts">
        <div>
          <dt>What</dt>
          <dd>
            {KIND_LABEL[node.kind]}
            {node.role ? `: ${node.role}` : ''}
          </dd>
        </div>
        <div>
          <dt>AZ</dt>
          <dd>{az}</dd>
        </div>
        {node.endpoint ? (
          <div>
            <dt>Endpoint</dt>
            <dd className="node-endpoint">
              <code>{node.endpoint}</code>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>State</dt>
          <dd data-testid="node-panel-state">
            <span className={`badge ${up ? 'badge-up' : 'badge-down'}`}>
              {up ? '● Up' : '✕ Down'}
            </span>{' '}
            {status?.detail}
          </dd>
        </div>
        {ops !== undefined ? (
          <div>
            <dt>Traffic</dt>
            <dd>{formatOps(ops)}</dd>
          </div>
        ) : null}
        {(status?.gauges ?? []).map((g) => (
          <div key={g.label}>
            <dt>{g.label}</dt>
            <dd>
              {g.max !== undefined ? (
                <meter min={0} max={g.max} value={g.value} aria-label={`${g.label} ${g.text}`} />
              ) : null}{' '}
              {g.text}
            </dd>
          </div>
        ))}
      </dl>
      {offered.length > 0 ? (
        <div role="group" aria-labelledby="node-faults-heading" className="node-faults">
          <h3 id="node-faults-heading">Faults and operations</h3>
          <ul>
            {offered.map((a) => (
              <li key={a.label}>
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => {
                    void session.act(a.action).then((err) =>
                      setResult(
                        err
                          ? { text: err, error: true }
                          : {
                              text: `${a.label}: done — watch the canvas and the event log.`,
                              error: false,
                            },
                      ),
                    );
                  }}
                >
                  {a.label}
                </button>
                <span className="action-desc">{a.spec.description}</span>
              </li>
            ))}
          </ul>
          <p
            role="status"
            className={`action-result${result?.error ? ' action-error' : ''}`}
            aria-live="polite"
          >
            {result?.text ?? ''}
          </p>
        </div>
      ) : (
        <p className="muted">This scenario offers no faults on this node.</p>
      )}
      {node.kind === 'cache' ? <NodeBackup session={session} nodeId={node.id} /> : null}
      {node.console ? (
        consoleOpen ? (
          <ConsolesPanel
            targets={[node.console]}
            session={session}
            title={`Console on ${node.label}`}
            headingLevel={3}
            redisHost={node.endpoint ? `${node.endpoint}:6379` : undefined}
          />
        ) : (
          <button type="button" className="btn" onClick={() => setConsoleOpen(true)}>
            Open a console on {node.label}
          </button>
        )
      ) : null}
    </section>
  );
}
