import { useEffect, useRef } from 'react';

export interface PresentKeyHandlers {
  next(): void;
  previous(): void;
  togglePlay(): void;
  blank(): void;
  fullscreen(): void;
  resetSlide(): void;
  /** 0-based: key 1 is fault 0. */
  fault(index: number): void;
  keyMap(): void;
  /** A: reveal the slide's answer to the room, or hide it again. */
  reveal(): void;
  /** P: the presenter view (the audience window only). */
  presenter?: () => void;
}

/**
 * The keys of a lecture, as a clicker sends them too (most send PageDown/PageUp, some → / ←,
 * some B for a black screen). Ignored while typing in a field, with Ctrl/Alt/Meta held (the
 * browser's own shortcuts), or when a button has focus and the key is Space (it presses it).
 */
export function usePresentKeys(handlers: PresentKeyHandlers, enabled = true): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.defaultPrevented) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const h = ref.current;
      const key = e.key;
      let handled = true;
      if (key === 'ArrowRight' || key === 'PageDown') h.next();
      else if (key === 'ArrowLeft' || key === 'PageUp') h.previous();
      else if (key === ' ' || key === 'Spacebar') {
        if (t?.tagName === 'BUTTON' || t?.tagName === 'SUMMARY') return;
        h.togglePlay();
      } else if (key === 'b' || key === 'B' || key === '.') h.blank();
      else if (key === 'f' || key === 'F') h.fullscreen();
      else if (key === 'r' || key === 'R') h.resetSlide();
      else if (key === '?') h.keyMap();
      else if (key === 'a' || key === 'A') h.reveal();
      else if ((key === 'p' || key === 'P') && h.presenter) h.presenter();
      else if (/^[1-9]$/.test(key)) h.fault(Number(key) - 1);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/** F: the page fills the screen, or leaves full screen; a refusal (no user gesture) is harmless. */
export function toggleFullscreen(): void {
  const doc = document;
  const request = doc.fullscreenElement
    ? doc.exitFullscreen?.()
    : doc.documentElement.requestFullscreen?.();
  void request?.catch((err: unknown) => console.warn('[present] full screen refused', err));
}
