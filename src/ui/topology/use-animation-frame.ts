import { useEffect, useRef } from 'react';

/** The view's single requestAnimationFrame loop: `onFrame` runs once per frame while mounted. */
export function useAnimationFrame(onFrame: (wallMs: number) => void): void {
  const callback = useRef(onFrame);
  useEffect(() => {
    callback.current = onFrame;
  });
  useEffect(() => {
    let id = requestAnimationFrame(function tick(t) {
      callback.current(t);
      id = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(id);
  }, []);
}
