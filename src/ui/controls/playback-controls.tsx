import { useUiStore } from '../store/ui-store';
import {
  FAST_FORWARD_LENGTHS,
  SPEEDS,
  selectFastForward,
  selectFfLength,
  selectPlaying,
  selectSpeed,
} from '../store/playback-slice';
import { selectSimState } from '../store/sim-slice';
import { useSimSession } from '../session/session-context';
import { FastForwardProgress } from './fast-forward-progress';
import { FastForwardIcon, PauseIcon, PlayIcon, StepIcon } from './icons';

/** Play/pause, step, speed and fast-forward; every button also has a key (shown in <kbd>). */
export function PlaybackControls() {
  const session = useSimSession();
  const playing = useUiStore(selectPlaying);
  const speed = useUiStore(selectSpeed);
  const ff = useUiStore(selectFastForward);
  const simState = useUiStore(selectSimState);
  const ffLength = useUiStore(selectFfLength);
  const setFfLength = useUiStore((s) => s.setFfLength);
  const ffLabel = FAST_FORWARD_LENGTHS.find((l) => l.us === ffLength)?.label ?? '';
  const busy = simState !== 'ready' || ff !== null;
  const i = SPEEDS.indexOf(speed);

  return (
    <div className="controls" role="group" aria-label="Playback controls">
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void session.togglePlay()}
        disabled={busy}
        aria-keyshortcuts="Space"
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
        {playing ? 'Pause' : 'Play'} <kbd aria-hidden="true">Space</kbd>
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void session.step()}
        disabled={busy}
        aria-keyshortcuts="ArrowRight"
      >
        <StepIcon />
        Step <kbd aria-hidden="true">→</kbd>
      </button>
      <div className="speed" role="group" aria-labelledby="speed-label">
        <span id="speed-label" className="speed-label">
          Speed
        </span>
        <button
          type="button"
          className="btn btn-square"
          onClick={() => void session.changeSpeed(-1)}
          disabled={i <= 0}
          aria-label="Slower"
          aria-keyshortcuts="-"
        >
          −
        </button>
        <output className="speed-value" aria-live="polite" aria-label="Current speed">
          {speed}×
        </output>
        <button
          type="button"
          className="btn btn-square"
          onClick={() => void session.changeSpeed(1)}
          disabled={i >= SPEEDS.length - 1}
          aria-label="Faster"
          aria-keyshortcuts="+"
        >
          +
        </button>
      </div>
      <div className="ff" role="group" aria-label="Fast-forward">
        <button
          type="button"
          className="btn"
          onClick={() => void session.fastForward()}
          disabled={busy}
          aria-keyshortcuts="F"
        >
          <FastForwardIcon />
          Fast-forward {ffLabel} <kbd aria-hidden="true">F</kbd>
        </button>
        <label className="ff-length">
          <span className="visually-hidden">Fast-forward length</span>
          <select
            value={ffLength}
            disabled={busy}
            onChange={(e) => setFfLength(Number(e.target.value))}
          >
            {FAST_FORWARD_LENGTHS.map((l) => (
              <option key={l.us} value={l.us}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {ff ? (
        <FastForwardProgress progress={ff} onCancel={() => void session.cancelFastForward()} />
      ) : null}
    </div>
  );
}
