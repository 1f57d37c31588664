/** Virtual time as the room reads it: "t = 24.0 s", "t = 3 min 05 s". */
export function formatVirtual(us: number): string {
  const s = us / 1_000_000;
  if (s < 60) return `t = ${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `t = ${m} min ${String(Math.floor(s - m * 60)).padStart(2, '0')} s`;
}

/** Wall time since the presenter started: "12:05". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
