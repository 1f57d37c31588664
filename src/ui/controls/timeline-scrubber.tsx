import { useEffect, useState } from 'react';
import { formatDuration } from '../narration/format';
import { useSimSession } from '../session/session-context';
import { useUiStore } from '../store/ui-store';
import { selectSnapshot } from '../store/sim-slice';

/** Slider positions over the run (a step is 1/STEPS of the time reached). */
const STEPS = 1000;

/**
 * A scrubber over the virtual time this run has reached: moving it back (or forward again)
 * rebuilds the simulation from its seed and the actions taken by then, to a moment the run
 * passed — so the trace hash there is the one the run had. Keys: ←/→ move to the previous /
 * next moment, Home to the start, End to the furthest point.
 */
export function TimelineScrubber() {
  const session = useSimSession();
  const snapshot = useUiStore(selectSnapshot);
  const busy = useUiStore((s) => s.simState !== 'ready' || s.fastForward !== null);
  const [, setVersion] = useState(0);
  /** Where a drag (or Home / End / Page keys) has put the thumb: the rebuild waits for release. */
  const [pending, setPending] = useState<number | null>(null);
  useEffect(() => session.timeline.subscribe(() => setVersion((v) => v + 1)), [session]);
  if (!snapshot) return null;
  const furthest = Math.max(session.timeline.furthest, snapshot.now);
  const now = snapshot.now;
  const position = pending ?? (furthest > 0 ? Math.round((STEPS * now) / furthest) : 0);

  const commit = () => {
    if (pending === null) return;
    setPending(null);
    go((pending * furthest) / STEPS);
  };
  const go = (toUs: number) => {
    const mark = session.timeline.nearest(now, toUs);
    if (!mark || mark.t === now) return;
    void session.scrub(mark.t, mark.actions);
  };

  return (
    <div className="timeline" role="group" aria-label="Timeline">
      <label className="timeline-label" htmlFor="timeline-slider">
        Time
      </label>
      <input
        id="timeline-slider"
        type="range"
        className="timeline-slider"
        min={0}
        max={STEPS}
        step={1}
        value={position}
        disabled={busy || furthest === 0}
        aria-valuetext={`${formatDuration(now)} of ${formatDuration(furthest)} reached`}
        onKeyDown={(e) => {
          // One key press, one moment: the nearest recorded moment before or after now.
          if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') {
            e.preventDefault();
            go(now - 1);
          } else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') {
            e.preventDefault();
            go(now + 1);
          }
        }}
        onChange={(e) => setPending(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <output className="timeline-value" htmlFor="timeline-slider">
        {formatDuration(now)} / {formatDuration(furthest)}
      </output>
    </div>
  );
}
