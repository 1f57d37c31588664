/**
 * The animation's idea of "now" in virtual µs. The worker reports `now` once per batch; between
 * batches the view extrapolates at the rate it has observed, so packets glide instead of jumping
 * at the batch rate. It never runs backwards except on a reset (load, rebuild), and never runs
 * more than MAX_LEAD_MS of wall time ahead of the last report.
 */
const MAX_LEAD_MS = 250;
/** When paused, the view eases to a new `now` (a step) over roughly this long. */
const EASE_MS = 220;

export class VirtualClock {
  private reportedUs = 0;
  private reportedAtMs = 0;
  private playing = false;
  /** Observed virtual µs per wall ms while playing (exponential moving average). */
  private rate = 0;
  private shownUs = 0;
  private lastFrameMs = 0;

  /** A new snapshot arrived. `reset` jumps (a fresh load or a rebuild), never eases. */
  report(nowUs: number, playing: boolean, wallMs: number, reset = false): void {
    if (this.playing && playing && wallMs > this.reportedAtMs && nowUs >= this.reportedUs) {
      const observed = (nowUs - this.reportedUs) / (wallMs - this.reportedAtMs);
      this.rate = this.rate === 0 ? observed : this.rate * 0.8 + observed * 0.2;
    }
    if (reset || nowUs < this.reportedUs) {
      this.shownUs = nowUs;
      this.rate = 0;
    }
    this.reportedUs = nowUs;
    this.reportedAtMs = wallMs;
    this.playing = playing;
  }

  /** The virtual time to draw at wall time `wallMs` (call once per animation frame). */
  frame(wallMs: number, reducedMotion: boolean): number {
    const dt = this.lastFrameMs === 0 ? 16 : Math.min(100, wallMs - this.lastFrameMs);
    this.lastFrameMs = wallMs;
    let target = this.reportedUs;
    if (this.playing) {
      const lead = Math.min(MAX_LEAD_MS, Math.max(0, wallMs - this.reportedAtMs));
      target = this.reportedUs + this.rate * lead;
    }
    if (reducedMotion || this.playing || target < this.shownUs) {
      this.shownUs = Math.max(target, this.playing ? this.shownUs : target);
    } else {
      // Paused and stepped forward: ease towards the reported time.
      const k = 1 - Math.exp(-dt / (EASE_MS / 4));
      this.shownUs += (target - this.shownUs) * k;
      if (target - this.shownUs < 0.5) this.shownUs = target;
    }
    return this.shownUs;
  }
}
