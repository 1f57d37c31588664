import { useMemo, useRef } from 'react';
import { useElementSize } from '../topology/use-element-size';
import type { MachineView } from '../../worker';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot } from '../store/sim-slice';
import { activeLeaves, activeStates, layoutStatechart } from './statechart-layout';

/**
 * A live statechart: the system machine's states as boxes (nested inside their parents),
 * transitions as labelled arrows, the active states highlighted (thicker border and a ● mark,
 * not colour alone). Screen readers get the current state as text.
 */
export function StatechartView({ machine }: { machine: MachineView }) {
  const snapshot = useUiStore(selectSnapshot);
  const scroll = useRef<HTMLDivElement>(null);
  const size = useElementSize(scroll);
  const width = size?.width ?? Infinity;
  const layout = useMemo(() => layoutStatechart(machine, width), [machine, width]);
  const activeIds = snapshot?.machines[machine.id] ?? [];
  const active = activeStates(machine, activeIds);
  const labels = new Map(machine.states.map((s) => [s.id, s.label]));
  const markerId = `arrow-${machine.id}`;
  const headingId = `statechart-${machine.id}`;
  const current = activeLeaves(machine, activeIds)
    .map((id) => pathLabel(machine, id, labels))
    .join('; ');

  return (
    <section className="panel statechart" aria-labelledby={headingId}>
      <h2 id={headingId}>{machine.title}</h2>
      <p className="statechart-current" aria-live="polite">
        Current state:{' '}
        <strong data-testid={`machine-${machine.id}-state`}>{current || 'none yet'}</strong>
      </p>
      {/* Focusable: on a narrow screen the chart scrolls, and keyboard users must reach it. */}
      <div
        className="statechart-scroll"
        ref={scroll}
        tabIndex={0}
        role="group"
        aria-label={`${machine.title}, scrollable`}
      >
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={`Statechart of ${machine.title}: ${machine.states.length} states, ${machine.transitions.length} transitions.`}
        >
          <defs>
            <marker
              id={markerId}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" className="statechart-arrowhead" />
            </marker>
          </defs>
          {layout.boxes.map((b) => (
            <g
              key={b.id}
              className={`sc-state${active.has(b.id) ? ' sc-active' : ''}${b.compound ? ' sc-compound' : ''}`}
            >
              <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={10} />
              <text x={b.x + 12} y={b.compound ? b.y + 17 : b.y + b.h / 2 + 5}>
                {active.has(b.id) ? '● ' : ''}
                {b.label}
                {b.id === machine.initial ? ' (start)' : ''}
              </text>
            </g>
          ))}
          {/* Every line first, then every label: a line never crosses a label drawn before it. */}
          <g className="sc-transition">
            {layout.transitions.map((t) => (
              <path key={t.key} d={t.d} markerEnd={`url(#${markerId})`} />
            ))}
            {layout.transitions.map((t) => (
              <text key={t.key} x={t.labelX} y={t.labelY} textAnchor="middle">
                {t.event}
              </text>
            ))}
          </g>
        </svg>
      </div>
      <details className="statechart-text">
        <summary>Transitions as text</summary>
        <ul>
          {machine.transitions.map((t, i) => (
            <li key={i}>
              {labels.get(t.from) ?? t.from} — <code>{t.event}</code> → {labels.get(t.to) ?? t.to}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function pathLabel(machine: MachineView, id: string, labels: Map<string, string>): string {
  const parentOf = new Map(machine.states.map((s) => [s.id, s.parent]));
  const parts: string[] = [];
  let cur: string | null | undefined = id;
  while (cur) {
    parts.unshift(labels.get(cur) ?? cur);
    cur = parentOf.get(cur);
  }
  return parts.join(' › ');
}
