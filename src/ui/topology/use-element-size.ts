import { useEffect, useState, type RefObject } from 'react';

/** The element's content box in CSS px, following resizes (null until measured). */
export function useElementSize(
  ref: RefObject<Element | null>,
): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box) return;
      // Whole pixels: sub-pixel jitter must not re-run the layout.
      const next = { width: Math.round(box.width), height: Math.round(box.height) };
      setSize((prev) =>
        prev && prev.width === next.width && prev.height === next.height ? prev : next,
      );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
