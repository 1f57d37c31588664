import { useEffect } from 'react';

/**
 * Auto-resize: the frame tells its host page how tall its content is, whenever that changes,
 * in two dialects — ours (`ecsim.v1.resize`, read by public/embed.js) and H5P's resizer message
 * (`{ context: 'h5p', action: 'resize', scrollHeight }`), so an LMS page that already runs
 * H5P's h5p-resizer.js sizes the frame with no script of ours. Sizes carry nothing private.
 */
export function useEmbedResize(enabled: boolean, allowed: readonly string[]): void {
  useEffect(() => {
    if (!enabled || window.parent === window || typeof ResizeObserver === 'undefined') return;
    const targets = allowed.length > 0 ? allowed : ['*'];
    // The app's root, not <body>: body is at least the viewport tall, so it could never shrink.
    const content = document.getElementById('root') ?? document.body;
    let last = { width: -1, height: -1 };
    let frame = 0;
    const send = () => {
      frame = 0;
      const root = document.documentElement;
      const height = Math.ceil(content.getBoundingClientRect().height);
      const width = root.clientWidth;
      if (height === last.height && width === last.width) return;
      last = { width, height };
      for (const origin of targets) {
        try {
          window.parent.postMessage({ type: 'ecsim.v1.resize', width, height }, origin);
          window.parent.postMessage(
            { context: 'h5p', action: 'resize', scrollHeight: height },
            origin,
          );
        } catch (err) {
          console.warn('[embed] could not post the frame size', err);
        }
      }
    };
    // At most one message per animation frame while content settles.
    const schedule = () => {
      if (frame === 0) frame = window.requestAnimationFrame(send);
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(content);
    schedule();
    return () => {
      observer.disconnect();
      if (frame !== 0) window.cancelAnimationFrame(frame);
    };
  }, [enabled, allowed]);
}
