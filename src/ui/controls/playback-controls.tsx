import {
  MAX_SPEED,
  MIN_SPEED,
  formatSpeed,
  sliderToSpeed,
  speedInWords,
  speedToSlider,
} from '../../worker';
import { useUiStore } from '../store/ui-store';
import {
  FAST_FORWARD_LENGTHS,
  selectFastForward,
  selectFfLength,
  selectPlaying,
  selectSpeed,
} from '../store/playback-slice';
import { selectSimState } from '../store/sim-slice';
import { useSimSession } from '../session/session-context';
import { FastForwardProgress } from './fast-forward-progress';
import { FastForwardIcon, PauseIcon, PlayIcon, StepIcon } from './icons';

/** Slider positions across the log scale from 1 ms/s to 60 s/s. */
const SLIDER_STEPS = 480;

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
          disabled={speed <= MIN_SPEED}
          aria-label="Slower"
          aria-keyshortcuts="-"
        >
          −
        </button>
        <input
          type="range"
          className="speed-slider"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={Math.round(speedToSlider(speed) * SLIDER_STEPS)}
          aria-label="Speed, simulated time per second"
          aria-valuetext={speedInWords(speed)}
          onChange={(e) =>
            void session.setSpeed(sliderToSpeed(Number(e.target.value) / SLIDER_STEPS))
          }
        />
        <button
          type="button"
          className="btn btn-square"
          onClick={() => void session.changeSpeed(1)}
          disabled={speed >= MAX_SPEED}
          aria-label="Faster"
          aria-keyshortcuts="+"
        >
          +
        </button>
        <output
          className="speed-value"
          aria-live="polite"
          aria-label="Current speed"
          title={speedInWords(speed)}
        >
          {formatSpeed(speed)}
        </output>
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
