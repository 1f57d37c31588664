import { useEffect, useId, useRef, useState } from 'react';
import type { ConsoleAdapter } from './adapters';
import { ConsoleEntryView } from './console-entry';
import { ConsoleInput } from './console-input';
import { InlineHelp } from './inline-help';
import type { ConsoleTransport } from './transport';
import { useConsole } from './use-console';

interface Props {
  adapter: ConsoleAdapter;
  transport: ConsoleTransport | null;
  /** Extra line under the intro (e.g. Memcached's expiry rule). */
  note?: string;
  redisHost?: string;
}

/** How long a reply may take before the SQL console explains that the database is starting. */
const SLOW_REPLY_MS = 400;

/** One console: intro, scrollback (a log), the input line with its prompt, and inline help. */
export function ConsoleView({ adapter, transport, note, redisHost }: Props) {
  const state = useConsole(adapter, transport, redisHost);
  const [value, setValue] = useState('');
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const screenRef = useRef<HTMLDivElement | null>(null);
  const ids = useId();
  const inputId = `${ids}-input`;
  const hintId = `${ids}-hint`;
  const slow = useSlow(state.inFlight > 0, SLOW_REPLY_MS);

  // New output scrolls into view unless the user has scrolled back to read something.
  const pinned = useRef(true);
  const count = useRef(0);
  useEffect(() => {
    const el = screenRef.current;
    // A line just entered always brings the screen back to the bottom.
    if (state.entries.length > count.current) pinned.current = true;
    count.current = state.entries.length;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [state.entries]);
  const onScroll = () => {
    const el = screenRef.current;
    if (el) pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };
  const onPage = (direction: 1 | -1) => {
    const el = screenRef.current;
    if (el) el.scrollBy({ top: direction * el.clientHeight * 0.9 });
  };

  const prompt = state.pending
    ? adapter.prompt(state.promptState, true)
    : adapter.prompt(state.promptState, false);

  // A click in the screen focuses the input, as in a terminal, unless the user is selecting text.
  const focusInput = () => {
    if (window.getSelection()?.toString()) return;
    inputRef.current?.focus({ preventScroll: true });
  };

  return (
    <div className={`console console-${adapter.target}`}>
      <p className="console-intro">{adapter.intro}</p>
      {note ? <p className="console-intro">{note}</p> : null}
      <div className="console-screen" onClick={focusInput}>
        <div
          ref={screenRef}
          className="console-scrollback"
          role="log"
          aria-label={`${adapter.title} console output`}
          // Replies are announced once through the status region below, not twice.
          aria-live="off"
          tabIndex={0}
          onScroll={onScroll}
        >
          {state.entries.length === 0 ? <p className="console-empty">Nothing run yet.</p> : null}
          {state.entries.map((e) => (
            <ConsoleEntryView
              key={e.id}
              entry={e}
              adapter={adapter}
              awaitingData={state.pending?.entryId === e.id}
            />
          ))}
        </div>
        <ConsoleInput
          adapter={adapter}
          state={state}
          value={value}
          onChange={setValue}
          inputRef={inputRef}
          inputId={inputId}
          hintId={hintId}
          prompt={prompt}
          onPage={onPage}
        />
      </div>
      <InlineHelp id={hintId} adapter={adapter} state={state} value={value} />
      {slow && adapter.target === 'sql' ? (
        <p className="console-waiting" role="status">
          <span className="spinner" aria-hidden="true" /> Waiting for the database… PostgreSQL runs
          in your browser (PGlite) and takes a few seconds to start the first time.
        </p>
      ) : null}
      <div className="visually-hidden" role="status" aria-live="polite">
        {state.announcement ? <p key={state.announcement.id}>{state.announcement.text}</p> : null}
      </div>
    </div>
  );
}

/** True once `active` has stayed true for `ms` (so quick replies never flash a notice). */
function useSlow(active: boolean, ms: number): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!active) {
      setSlow(false);
      return;
    }
    const t = setTimeout(() => setSlow(true), ms);
    return () => clearTimeout(t);
  }, [active, ms]);
  return slow;
}
