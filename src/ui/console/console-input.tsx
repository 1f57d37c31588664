import { useRef, type KeyboardEvent, type RefObject } from 'react';
import type { ConsoleAdapter } from './adapters';
import { startCycle, stepCycle, type CompletionCycle } from './completion';
import type { ConsoleState } from './use-console';

interface Props {
  adapter: ConsoleAdapter;
  state: ConsoleState;
  value: string;
  onChange(value: string): void;
  inputRef: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  inputId: string;
  hintId: string;
  prompt: string;
  /** PageUp/PageDown from the input scroll the scrollback, as in a terminal. */
  onPage(direction: 1 | -1): void;
}

/**
 * The input line: Enter runs, Shift+Enter adds a line (SQL), ↑/↓ history, Tab completes (a Tab
 * with nothing to complete moves focus as usual, so the console never traps the keyboard),
 * Escape clears the line, Ctrl+L clears the screen as in redis-cli and psql, PageUp/PageDown scroll.
 */
export function ConsoleInput({
  adapter,
  state,
  value,
  onChange,
  inputRef,
  inputId,
  hintId,
  prompt,
  onPage,
}: Props) {
  const cycle = useRef<CompletionCycle | null>(null);

  const set = (text: string) => {
    onChange(text);
    // Put the caret at the end, where history and completion leave it in a terminal.
    requestAnimationFrame(() => {
      const el = inputRef.current;
      if (el) el.selectionStart = el.selectionEnd = el.value.length;
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key !== 'Tab' && e.key !== 'Shift') cycle.current = null;
    const el = e.currentTarget;
    const caretOnFirstLine = !el.value.slice(0, el.selectionStart ?? 0).includes('\n');
    const caretOnLastLine = !el.value.slice(el.selectionEnd ?? 0).includes('\n');
    switch (e.key) {
      case 'Enter': {
        if (e.shiftKey && adapter.multiline) return; // newline
        if (e.nativeEvent.isComposing) return;
        e.preventDefault();
        if (state.submit(value)) {
          onChange('');
          state.history.reset();
        } else if (adapter.multiline) {
          set(`${value}\n`);
        }
        return;
      }
      case 'ArrowUp': {
        if (!caretOnFirstLine) return;
        const older = state.history.up(value);
        if (older !== null) {
          e.preventDefault();
          set(older);
        }
        return;
      }
      case 'ArrowDown': {
        if (!caretOnLastLine) return;
        const newer = state.history.down();
        if (newer !== null) {
          e.preventDefault();
          set(newer);
        }
        return;
      }
      case 'Tab': {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        let c = cycle.current ?? startCycle(value, adapter.completions(value, state.help));
        if (!c) return; // nothing to complete: Tab moves focus
        e.preventDefault();
        const step = stepCycle(c, e.shiftKey);
        c = step.cycle;
        cycle.current = c;
        onChange(step.text);
        return;
      }
      case 'Escape':
        if (value === '' && state.pending) state.cancelPending();
        if (value !== '') e.preventDefault();
        onChange('');
        state.history.reset();
        return;
      case 'PageUp':
      case 'PageDown':
        e.preventDefault();
        onPage(e.key === 'PageUp' ? -1 : 1);
        return;
      case 'l':
        if (e.ctrlKey && !e.altKey && !e.metaKey) {
          e.preventDefault();
          state.clear();
        }
        return;
    }
  };

  const common = {
    id: inputId,
    value,
    onKeyDown,
    onChange: (e: { target: { value: string } }) => {
      cycle.current = null;
      onChange(e.target.value);
    },
    'aria-describedby': hintId,
    autoComplete: 'off',
    autoCapitalize: 'off',
    autoCorrect: 'off',
    spellCheck: false,
    className: 'console-field',
  } as const;

  return (
    <div className="console-input-row">
      <label htmlFor={inputId} className="console-prompt">
        <span aria-hidden={prompt === '' ? undefined : true}>{prompt}</span>
        {adapter.multiline
          ? // psql prints a continuation prompt on every further line of a statement.
            value
              .split('\n')
              .slice(1, 8)
              .map((_, i) => (
                <span key={i} className="console-prompt-more" aria-hidden="true">
                  {adapter.prompt(state.promptState, true)}
                </span>
              ))
          : null}
        <span className="visually-hidden">
          {prompt === '' ? '' : `${prompt.trim()} `}
          {adapter.inputLabel}
        </span>
      </label>
      {adapter.multiline ? (
        <textarea
          {...common}
          ref={inputRef as RefObject<HTMLTextAreaElement | null>}
          rows={Math.min(8, Math.max(1, value.split('\n').length))}
        />
      ) : (
        <input {...common} ref={inputRef as RefObject<HTMLInputElement | null>} type="text" />
      )}
    </div>
  );
}
