/** Virtual durations in words people read aloud: "420 µs", "3.1 ms", "1.25 s". */
export function formatDuration(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${trim(us / 1000)} ms`;
  return `${trim(us / 1_000_000)} s`;
}

/** The virtual clock: seconds with microsecond precision, grouped for reading ("1.234 567 s"). */
export function formatClock(us: number): string {
  const whole = Math.floor(us / 1_000_000);
  const frac = String(Math.floor(us) % 1_000_000).padStart(6, '0');
  return `${whole}.${frac.slice(0, 3)} ${frac.slice(3)} s`;
}

function trim(n: number): string {
  const text = n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
