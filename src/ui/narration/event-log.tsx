import { memo, useMemo } from 'react';
import { useUiStore } from '../store/ui-store';
import { selectLog, selectTopology, type LogEntry } from '../store/sim-slice';
import { describeEvent, type NodeNamer } from './narrate';
import { formatClock } from './format';

/** The recent trace, newest first. A step is one entry holding everything that kernel event emitted. */
export function EventLog() {
  const log = useUiStore(selectLog);
  const topology = useUiStore(selectTopology);
  const name: NodeNamer = useMemo(() => {
    const labels = new Map(topology?.nodes.map((n) => [n.id, n.label]));
    return (id) => labels.get(id) ?? (id || 'the system');
  }, [topology]);
  const newestFirst = useMemo(() => [...log].reverse(), [log]);
  return (
    <section className="panel event-log" aria-labelledby="event-log-heading">
      <h2 id="event-log-heading">Event log</h2>
      {newestFirst.length === 0 ? (
        <p className="muted">No events yet.</p>
      ) : (
        // Scrollable, so it must be focusable for keyboard users (axe: scrollable-region-focusable).
        <div
          className="event-log-scroll"
          tabIndex={0}
          role="region"
          aria-label="Event log entries, newest first"
        >
          <ol aria-label="Event log" reversed>
            {newestFirst.map((entry) => (
              <EntryItem key={entry.key} entry={entry} name={name} />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

const EntryItem = memo(function EntryItem({ entry, name }: { entry: LogEntry; name: NodeNamer }) {
  if (entry.type === 'event') {
    return (
      <li className={`log-${entry.event.kind.replace('.', '-')}`}>
        <time className="log-time">{formatClock(entry.event.t)}</time>{' '}
        {describeEvent(entry.event, name)}
      </li>
    );
  }
  return (
    <li className="log-step">
      <time className="log-time">{formatClock(entry.t)}</time>{' '}
      <strong>Step {entry.step.toLocaleString('en')}:</strong>{' '}
      {entry.events.length === 0
        ? 'work inside a node finished (no message sent).'
        : entry.events.map((e) => describeEvent(e, name)).join('; ')}
    </li>
  );
});
