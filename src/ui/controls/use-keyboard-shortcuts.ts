import { useEffect } from 'react';
import { useSimSession } from '../session/session-context';

/** Elements that own the keys themselves: typing, or a focused control activating with Space. */
function ownsKeys(target: EventTarget | null): { text: boolean; activates: boolean } {
  if (!(target instanceof HTMLElement)) return { text: false, activates: false };
  const text =
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type));
  const activates =
    target.closest(
      'button, a[href], summary, [role="button"], [role="link"], input, [role="checkbox"]',
    ) !== null;
  return { text, activates };
}

/**
 * Space = play/pause, → = step, + / − = speed, F = fast-forward. Keys typed into a text field are
 * never taken, and Space on a focused button presses that button as usual.
 */
export function useKeyboardShortcuts(enabled = true): void {
  const session = useSimSession();
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const owner = ownsKeys(e.target);
      if (owner.text) return;
      switch (e.key) {
        case ' ':
          if (owner.activates) return;
          e.preventDefault();
          void session.togglePlay();
          break;
        case 'ArrowRight':
          e.preventDefault();
          void session.step();
          break;
        case '+':
        case '=':
          e.preventDefault();
          void session.changeSpeed(1);
          break;
        case '-':
        case '_':
          e.preventDefault();
          void session.changeSpeed(-1);
          break;
        case 'f':
        case 'F':
          e.preventDefault();
          void session.fastForward();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, enabled]);
}
