import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadConsoleHelp } from '../../worker/console-help';
import type { ConsoleAdapter, PromptState } from './adapters';
import { browserHistoryStore, CommandHistory } from './history';
import { REDIS_DEFAULT_PROMPT } from './redis-target';
import type { ConsoleTransport } from './transport';
import { truncateResult } from './truncate';
import type { ConsoleEntry, ConsoleHelpEntry, EntryOutput } from './types';

/** Older entries leave the scrollback beyond this (redis-cli's terminal would scroll them away). */
export const MAX_ENTRIES = 300;

export interface PendingData {
  entryId: number;
  line: string;
  hint: string;
}

export interface ConsoleState {
  entries: ConsoleEntry[];
  promptState: PromptState;
  /** A Memcached storage command waiting for its data line. */
  pending: PendingData | null;
  help: readonly ConsoleHelpEntry[];
  helpError: string | null;
  /** Replies not yet back. */
  inFlight: number;
  /** The latest reply in words, for the polite live region; the id changes with every reply. */
  announcement: { id: number; text: string } | null;
  history: CommandHistory;
  /** Handles an entered text; returns false when the input should keep it (SQL not finished). */
  submit(text: string): boolean;
  clear(): void;
  /** Escape on an empty line while a data block is awaited: drop the command line unsent. */
  cancelPending(): void;
}

let nextId = 1;

export function useConsole(
  adapter: ConsoleAdapter,
  transport: ConsoleTransport | null,
  redisHost?: string,
): ConsoleState {
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const [promptState, setPromptState] = useState<PromptState>(() => ({
    ...REDIS_DEFAULT_PROMPT,
    host: redisHost ?? REDIS_DEFAULT_PROMPT.host,
  }));
  const [pending, setPending] = useState<PendingData | null>(null);
  const [help, setHelp] = useState<readonly ConsoleHelpEntry[]>([]);
  const [helpError, setHelpError] = useState<string | null>(null);
  const [inFlight, setInFlight] = useState(0);
  const [announcement, setAnnouncement] = useState<{ id: number; text: string } | null>(null);
  const history = useMemo(
    () => new CommandHistory(`console-history:${adapter.target}`, browserHistoryStore()),
    [adapter.target],
  );
  // Replies must come back in the order lines were entered, as on one connection.
  const chain = useRef<Promise<void>>(Promise.resolve());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!adapter.help) return;
    let live = true;
    loadConsoleHelp(adapter.help).then(
      (h) => live && setHelp(h),
      (err: unknown) => {
        console.error('[console] help failed to load', err);
        if (live) setHelpError('Command help could not be loaded; commands still work.');
      },
    );
    return () => {
      live = false;
    };
  }, [adapter.help]);

  const append = useCallback((entry: ConsoleEntry) => {
    setEntries((list) => {
      const next = [...list, entry];
      return next.length > MAX_ENTRIES ? next.slice(next.length - MAX_ENTRIES) : next;
    });
  }, []);

  const setOutput = useCallback((id: number, output: EntryOutput) => {
    setEntries((list) => list.map((e) => (e.id === id ? { ...e, output } : e)));
  }, []);

  const announce = useCallback((text: string) => setAnnouncement({ id: nextId++, text }), []);

  const send = useCallback(
    (entryId: number, line: string) => {
      setInFlight((n) => n + 1);
      const run = async () => {
        const reply = transport
          ? await transport(adapter.target, line)
          : {
              ok: false as const,
              error: 'The simulation is not running yet; wait until it has loaded.',
            };
        if (!mounted.current) return;
        setInFlight((n) => n - 1);
        if (!reply.ok) {
          setOutput(entryId, { kind: 'failure', text: reply.error });
          announce(`${adapter.title} console: not run. ${reply.error}`);
          return;
        }
        const { result, note } = truncateResult(reply.result);
        setOutput(entryId, { kind: 'reply', result, truncated: note });
        setPromptState((s) => adapter.afterReply(s, line, reply.result));
        announce(describeReply(reply.result));
      };
      chain.current = chain.current.then(run, run);
    },
    [adapter, transport, setOutput, announce],
  );

  const submit = useCallback(
    (text: string): boolean => {
      const decision = adapter.decide(text, pending?.line ?? null, help);
      const prompt = adapter.prompt(promptState, false);
      switch (decision.kind) {
        case 'ignore':
          return true;
        case 'clear':
          setEntries([]);
          setPending(null);
          history.push(text.trim());
          return true;
        case 'continue':
          if (adapter.multiline) return false;
          {
            const id = nextId++;
            append({ id, prompt, input: [text], output: null });
            history.push(text);
            setPending({ entryId: id, line: text, hint: decision.hint });
          }
          return true;
        case 'local': {
          append({
            id: nextId++,
            prompt,
            input: decision.input,
            output: { kind: 'local', text: decision.text },
          });
          history.push(text.trim());
          announce(decision.text.trim().split('\n')[0] ?? '');
          return true;
        }
        case 'send': {
          history.push(adapter.multiline ? text.trim() : text);
          if (pending) {
            const id = pending.entryId;
            setEntries((list) =>
              list.map((e) => (e.id === id ? { ...e, input: decision.input } : e)),
            );
            setPending(null);
            send(id, decision.line);
          } else {
            const id = nextId++;
            append({ id, prompt, input: decision.input, output: null });
            send(id, decision.line);
          }
          return true;
        }
      }
    },
    [adapter, pending, help, history, promptState, append, send, announce],
  );

  const clear = useCallback(() => {
    setEntries([]);
    setPending(null);
  }, []);

  const cancelPending = useCallback(() => {
    if (!pending) return;
    setOutput(pending.entryId, {
      kind: 'local',
      text: 'Cancelled: the command line was not sent (no data block given).',
    });
    setPending(null);
  }, [pending, setOutput]);

  return {
    entries,
    promptState,
    pending,
    help,
    helpError,
    inFlight,
    announcement,
    history,
    submit,
    clear,
    cancelPending,
  };
}

/** A short spoken form of a reply: the text itself up to a few lines, a table by its size. */
export function describeReply(r: {
  text: string;
  error: boolean;
  table?: { fields: string[]; rows: string[][] };
}): string {
  if (r.table) {
    const n = r.table.rows.length;
    return `${n} row${n === 1 ? '' : 's'}, columns ${r.table.fields.join(', ')}.`;
  }
  const lines = r.text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return r.error ? 'Error.' : 'No output.';
  const head = lines.slice(0, 3).join(' ');
  const spoken = head.length > 300 ? `${head.slice(0, 300)}…` : head;
  return lines.length > 3 ? `${spoken} … ${lines.length} lines in all.` : spoken;
}
