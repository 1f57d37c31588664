import type { FastForwardState } from '../store/playback-slice';
import { formatDuration } from '../narration/format';

/** Progress of a running fast-forward, with a way out. */
export function FastForwardProgress({
  progress,
  onCancel,
}: {
  progress: FastForwardState;
  onCancel: () => void;
}) {
  const pct = progress.totalUs > 0 ? Math.round((progress.doneUs / progress.totalUs) * 100) : 0;
  return (
    <div className="ff-progress">
      <label htmlFor="ff-bar">
        Fast-forwarding: {formatDuration(progress.doneUs)} of {formatDuration(progress.totalUs)} (
        {progress.events.toLocaleString('en')} events)
      </label>
      <progress id="ff-bar" max={progress.totalUs} value={progress.doneUs}>
        {pct}%
      </progress>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel fast-forward
      </button>
    </div>
  );
}
