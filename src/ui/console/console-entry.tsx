import type { ConsoleAdapter } from './adapters';
import { ResultTable } from './result-table';
import { truncationText } from './truncate';
import type { ConsoleEntry } from './types';

interface Props {
  entry: ConsoleEntry;
  adapter: ConsoleAdapter;
  /** A Memcached command line still waiting for its data line. */
  awaitingData: boolean;
}

/** One input block and its reply, as the terminal would show them. */
export function ConsoleEntryView({ entry, adapter, awaitingData }: Props) {
  const continuation = adapter.prompt({ host: '', db: 0, multi: false }, true);
  return (
    <div className="console-entry">
      <pre className="console-in">
        {entry.input.map((line, i) => (
          <span key={i} className="console-in-line">
            {i === 0 ? (
              <span className="console-prompt">{entry.prompt}</span>
            ) : continuation ? (
              <span className="console-prompt">{continuation}</span>
            ) : null}
            {line}
            {'\n'}
          </span>
        ))}
      </pre>
      <Output entry={entry} awaitingData={awaitingData} adapter={adapter} />
    </div>
  );
}

function Output({ entry, awaitingData, adapter }: Props) {
  const out = entry.output;
  if (out === null) {
    if (awaitingData) return null;
    return (
      <p className="console-pending">
        <span className="spinner" aria-hidden="true" /> waiting for the reply…
      </p>
    );
  }
  switch (out.kind) {
    case 'local':
      return (
        <div className="console-out console-local">
          <span className="console-mark" aria-hidden="true">
            ?
          </span>
          <pre>{out.text}</pre>
        </div>
      );
    case 'failure':
      return (
        <div className="console-out console-failure">
          <span className="console-mark" aria-hidden="true">
            !
          </span>
          <p>
            <strong>Not run.</strong> {out.text}
          </p>
        </div>
      );
    case 'reply': {
      const { result, truncated } = out;
      return (
        <div className={`console-out${result.error ? ' console-error' : ''}`}>
          {result.error ? (
            <span className="console-mark" aria-hidden="true">
              ✖
            </span>
          ) : null}
          <div className="console-out-body">
            {result.table ? (
              <ResultTable fields={result.table.fields} rows={result.table.rows} />
            ) : null}
            {result.text !== '' ? <pre>{result.text}</pre> : null}
            {truncated ? (
              <p className="console-truncated">{truncationText(truncated, adapter.target)}</p>
            ) : null}
          </div>
        </div>
      );
    }
  }
}
