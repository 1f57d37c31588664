import { useContext, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { loadMemcachedExptimeNote } from '../../worker/console-help';
import { SimSessionContext } from '../session/session-context';
import type { SimSession } from '../session/sim-session';
import { CONSOLE_ADAPTERS } from './adapters';
import { ConsoleView } from './console-view';
import { sessionTransport } from './transport';
import type { ConsoleTarget } from './types';
import './console.css';

export interface ConsolesPanelProps {
  /** Which consoles to offer, in tab order (a lesson may show only one). */
  targets?: readonly ConsoleTarget[];
  /** The simulation to talk to; defaults to the enclosing SimSessionContext. */
  session?: SimSession | null;
  /** Heading text; the panel is a region named by it. */
  title?: string;
  /** Heading level for the panel title (default 2). */
  headingLevel?: 2 | 3;
  /** What redis-cli's prompt names (default 127.0.0.1:6379; a lesson may show its endpoint). */
  redisHost?: string;
  /** A line above the Redis console (a lesson says which endpoint it reaches, and TLS). */
  redisNote?: string;
}

const ALL: readonly ConsoleTarget[] = ['redis', 'memcached', 'sql'];

// A new session is a new simulation (another seed): its consoles start with an empty screen.
const sessionKeys = new WeakMap<SimSession, number>();
let nextSessionKey = 1;
function keyOf(session: SimSession | null): number {
  if (!session) return 0;
  let k = sessionKeys.get(session);
  if (k === undefined) {
    k = nextSessionKey++;
    sessionKeys.set(session, k);
  }
  return k;
}

/** Tabbed consoles (WAI-ARIA tabs: ←/→/Home/End move between tabs). Each tab mounts on first view. */
export function ConsolesPanel({
  targets = ALL,
  session,
  title = 'Consoles',
  headingLevel = 2,
  redisHost,
  redisNote,
}: ConsolesPanelProps) {
  const contextSession = useContext(SimSessionContext);
  const active = session === undefined ? contextSession : session;
  const transport = useMemo(() => (active ? sessionTransport(active) : null), [active]);
  const [selected, setSelected] = useState<ConsoleTarget>(targets[0] ?? 'redis');
  const [opened, setOpened] = useState<ReadonlySet<ConsoleTarget>>(() => new Set([selected]));
  const tabRefs = useRef(new Map<ConsoleTarget, HTMLButtonElement>());
  const ids = useId();
  const headingId = `${ids}-heading`;
  const memcachedNote = useMemcachedNote(opened.has('memcached'));

  const select = (t: ConsoleTarget, focus: boolean) => {
    setSelected(t);
    setOpened((s) => (s.has(t) ? s : new Set([...s, t])));
    if (focus) tabRefs.current.get(t)?.focus();
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = targets.indexOf(selected);
    const to =
      e.key === 'ArrowRight'
        ? targets[(i + 1) % targets.length]
        : e.key === 'ArrowLeft'
          ? targets[(i - 1 + targets.length) % targets.length]
          : e.key === 'Home'
            ? targets[0]
            : e.key === 'End'
              ? targets[targets.length - 1]
              : undefined;
    if (to === undefined) return;
    e.preventDefault();
    select(to, true);
  };

  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section className="panel consoles" aria-labelledby={headingId}>
      <Heading id={headingId}>{title}</Heading>
      {targets.length > 1 ? (
        <div className="console-tabs" role="tablist" aria-label={title}>
          {targets.map((t) => (
            <button
              key={t}
              ref={(el) => {
                if (el) tabRefs.current.set(t, el);
                else tabRefs.current.delete(t);
              }}
              type="button"
              role="tab"
              id={`${ids}-tab-${t}`}
              aria-controls={`${ids}-panel-${t}`}
              aria-selected={selected === t}
              tabIndex={selected === t ? 0 : -1}
              className="console-tab"
              onClick={() => select(t, false)}
              onKeyDown={onTabKey}
            >
              {CONSOLE_ADAPTERS[t].title}
            </button>
          ))}
        </div>
      ) : null}
      {targets.map((t) =>
        opened.has(t) ? (
          <div
            key={t}
            id={`${ids}-panel-${t}`}
            role={targets.length > 1 ? 'tabpanel' : undefined}
            aria-labelledby={targets.length > 1 ? `${ids}-tab-${t}` : undefined}
            hidden={selected !== t}
            className="console-panel"
          >
            <ConsoleView
              key={keyOf(active)}
              adapter={CONSOLE_ADAPTERS[t]}
              transport={transport}
              note={t === 'memcached' ? memcachedNote : t === 'redis' ? redisNote : undefined}
              redisHost={redisHost}
            />
          </div>
        ) : null,
      )}
    </section>
  );
}

function useMemcachedNote(wanted: boolean): string | undefined {
  const [note, setNote] = useState<string>();
  useEffect(() => {
    if (!wanted || note !== undefined) return;
    let live = true;
    loadMemcachedExptimeNote().then(
      (n) => live && setNote(n),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [wanted, note]);
  return note;
}
