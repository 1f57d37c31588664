import type { HostTimers } from './run-loop';

/**
 * The worker's timers, with setTimeout(fn, 0) as a message to itself. Browsers clamp a timer
 * set from inside a timer's task to at least 4 ms once five are nested (HTML, "timer
 * initialisation steps"), and a fast-forward yields through setTimeout(…, 0) after every 50 ms
 * slice (run-loop.ts): 4 ms of every 54 were spent waiting. A MessageChannel message is a task
 * of its own too — the page's messages (cancel, pings) still run between slices — but nothing
 * delays it. Delays above 0 (the play loop's ticks) stay real timers.
 */
export function zeroDelayTimers(): HostTimers {
  const channel = new MessageChannel();
  const queue = new Map<number, () => void>();
  let next = 0;
  channel.port1.onmessage = (e: MessageEvent<number>) => {
    const fn = queue.get(e.data);
    if (fn === undefined) return; // cleared before it ran
    queue.delete(e.data);
    fn();
  };
  // Node's ports (the tests) would otherwise keep the process alive; browsers have no unref.
  (channel.port1 as { unref?: () => void }).unref?.();
  return {
    now: () => performance.now(),
    setTimeout: (fn, ms) => {
      if (ms > 0) return setTimeout(fn, ms);
      const id = next++;
      queue.set(id, fn);
      channel.port2.postMessage(id);
      return { zeroDelay: id };
    },
    clearTimeout: (h) => {
      if (typeof h === 'object' && h !== null && 'zeroDelay' in h)
        queue.delete((h as { zeroDelay: number }).zeroDelay);
      else clearTimeout(h as ReturnType<typeof setTimeout>);
    },
  };
}
