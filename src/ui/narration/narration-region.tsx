import { useEffect, useMemo, useRef, useState } from 'react';
import { flowShare, isRoutine, type TraceEvent } from '../../worker';
import { describeFlows } from '../topology/rates';
import { useSimSession } from '../session/session-context';
import { useUiStore } from '../store/ui-store';
import { selectTopology } from '../store/sim-slice';
import { summarise, type NodeNamer } from './narrate';

/** While playing, the live region speaks at most this often (a summary of the interval). */
const THROTTLE_MS = 2000;

/** "What's happening": an aria-live narration of the trace in words, throttled to stay listenable. */
export function NarrationRegion() {
  const session = useSimSession();
  const topology = useUiStore(selectTopology);
  const [text, setText] = useState<string>('');
  const pending = useRef<TraceEvent[]>([]);
  const lastSpoken = useRef(0);
  const timer = useRef<number | null>(null);

  const name: NodeNamer = useMemo(() => {
    const labels = new Map(topology?.nodes.map((n) => [n.id, n.label]));
    return (id) => labels.get(id) ?? (id || 'the system');
  }, [topology]);

  useEffect(() => {
    const flush = () => {
      timer.current = null;
      const st = useUiStore.getState();
      const flowsShown = flowShare(st.speed) >= 1 && st.playing;
      // At flow speeds single requests are rates: only the notable events are worth words.
      const events = flowsShown
        ? pending.current.filter((e) => !isRoutine(e.kind))
        : pending.current;
      const summary = summarise(events, name);
      pending.current = [];
      lastSpoken.current = performance.now();
      // Every line names the view it describes, so a listener knows what the picture shows.
      const said = flowsShown
        ? `Showing ${describeFlows(st.flows)}.${summary ? ` ${summary}` : ''}`
        : summary && `Showing packets: ${summary}`;
      if (said) setText(said);
    };
    const off = session.feed.subscribe((events, reset) => {
      if (reset) pending.current = [];
      pending.current.push(...events);
      // A step (while paused) is said at once; a stream is summarised once per interval.
      if (!useUiStore.getState().playing) {
        if (timer.current !== null) window.clearTimeout(timer.current);
        flush();
        return;
      }
      if (timer.current !== null) return;
      const wait = Math.max(0, THROTTLE_MS - (performance.now() - lastSpoken.current));
      if (wait === 0) flush();
      else timer.current = window.setTimeout(flush, wait);
    });
    return () => {
      off();
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
    };
  }, [session, name]);

  return (
    <section className="panel narration" aria-labelledby="narration-heading">
      <h2 id="narration-heading">What’s happening</h2>
      <p aria-live="polite" aria-atomic="true" data-testid="narration">
        {text || 'Nothing yet. Press Play or Step to start.'}
      </p>
    </section>
  );
}
