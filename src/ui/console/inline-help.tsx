import type { ConsoleAdapter } from './adapters';
import type { ConsoleState } from './use-console';

interface Props {
  id: string;
  adapter: ConsoleAdapter;
  state: ConsoleState;
  value: string;
}

/** Under the input: the typed command's syntax and summary (redis-cli's hints), or how to go on. */
export function InlineHelp({ id, adapter, state, value }: Props) {
  if (state.pending) {
    return (
      <p id={id} className="console-hint">
        {state.pending.hint}{' '}
        <span className="console-hint-extra">(Escape on an empty line cancels the command.)</span>
      </p>
    );
  }
  const entry = adapter.inlineHelp(value, state.help);
  if (entry) {
    return (
      <p id={id} className="console-hint">
        <code className="console-syntax">{entry.syntax.replace('\\r\\n', ' ⏎ ')}</code>
        <span className="console-summary">{entry.summary}</span>
        {entry.restrictedOnElastiCache ? (
          <strong className="console-restricted">
            Not available on ElastiCache: AWS restricts it on managed nodes (settings change through
            parameter groups).
          </strong>
        ) : null}
      </p>
    );
  }
  return (
    <p id={id} className="console-hint">
      {adapter.idleHint}
      {state.helpError ? <span className="console-hint-extra"> {state.helpError}</span> : null}
    </p>
  );
}
