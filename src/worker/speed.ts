/**
 * How fast virtual time runs while playing: a speed is virtual seconds per wall second. One
 * control covers both time scales the picture teaches with (DESIGN.md "Two time scales"):
 * milliseconds per second, where a hop of a tenth of a millisecond is slow enough to follow,
 * up to a minute per second, where a warm-up curve or a wave of TTL expiries forms in seconds.
 */
export const MIN_SPEED = 0.001;
export const MAX_SPEED = 60;
/** The speed a simulation opens at: 1 ms of virtual time per second. */
export const DEFAULT_SPEED = 0.001;

/** The stops + and − move between (1–2–5 per decade, then 30 s and a minute). */
export const SPEED_LADDER: readonly number[] = [
  0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 60,
];

/**
 * Up to this speed single requests are drawn as packets: a same-AZ hop (≈ 0.1 ms one way,
 * src/sim/topology.ts LATENCY) then lasts ≥ 50 ms on screen, a few frames an eye can follow.
 * From FLOWS_FROM on, a hop lasts a frame or less, so links show rates (flows) instead; in
 * between the two pictures cross-fade.
 */
export const PACKETS_UNTIL = 0.002;
export const FLOWS_FROM = 0.02;

/** A speed in range, or a sentence saying what is allowed. */
export function checkSpeed(speed: number): string | null {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    return `Speed must be ${formatSpeed(MIN_SPEED)} to ${formatSpeed(MAX_SPEED)} (virtual time per second), got ${speed}`;
  }
  return null;
}

/** The next stop up or down the ladder from `current` (which may lie between stops). */
export function stepSpeed(current: number, direction: 1 | -1): number {
  if (direction === 1) return SPEED_LADDER.find((s) => s > current * 1.0001) ?? MAX_SPEED;
  return [...SPEED_LADDER].reverse().find((s) => s < current * 0.9999) ?? MIN_SPEED;
}

/**
 * How much of the picture is flows rather than packets at `speed`: 0 up to PACKETS_UNTIL, 1
 * from FLOWS_FROM, linear in log(speed) between.
 */
export function flowShare(speed: number): number {
  if (speed <= PACKETS_UNTIL) return 0;
  if (speed >= FLOWS_FROM) return 1;
  return Math.log(speed / PACKETS_UNTIL) / Math.log(FLOWS_FROM / PACKETS_UNTIL);
}

/** "1 ms/s", "250 ms/s", "1 s/s", "60 s/s": virtual time per wall second. */
export function formatSpeed(speed: number): string {
  if (speed < 1) return `${round(speed * 1000)} ms/s`;
  return `${round(speed)} s/s`;
}

/** The same in words for screen readers: "1 millisecond of simulated time per second". */
export function speedInWords(speed: number): string {
  if (speed < 1) {
    const ms = round(speed * 1000);
    return `${ms} millisecond${ms === '1' ? '' : 's'} of simulated time per second`;
  }
  const s = round(speed);
  return `${s} second${s === '1' ? '' : 's'} of simulated time per second`;
}

/** Two significant figures at most, no trailing zeros ("1", "2.5", "150"). */
function round(n: number): string {
  const v = n >= 10 ? Math.round(n) : Number(n.toPrecision(2));
  return String(v);
}

/** Position 0…1 on a log-scale slider for `speed`, and back. */
export function speedToSlider(speed: number): number {
  return Math.log(speed / MIN_SPEED) / Math.log(MAX_SPEED / MIN_SPEED);
}

export function sliderToSpeed(position: number): number {
  const raw = MIN_SPEED * Math.pow(MAX_SPEED / MIN_SPEED, Math.min(1, Math.max(0, position)));
  // Two significant figures: the slider lands on speeds that read well (1.5 ms/s, not 1.4823).
  const snapped = Number(raw.toPrecision(2));
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, snapped));
}
