import { useEffect, useRef } from 'react';
import type { PreparedFault } from './lecture-types';

const KEYS: [string, string][] = [
  ['→ or Page Down', 'Next slide'],
  ['← or Page Up', 'Previous slide'],
  ['Space', 'Play or pause the simulation'],
  ['B', 'Blank the screen (again to show it)'],
  ['F', 'Full screen'],
  ['R', 'Back to script: this slide’s scripted state'],
  ['A', 'Reveal the answer to the room (again to hide it)'],
  ['P', 'Open the presenter view (from the audience view)'],
  ['?', 'This key map'],
];

/** The keys, with this slide's prepared faults on 1–9. Escape or the button closes it. */
export function KeyMap({ faults, onClose }: { faults: PreparedFault[]; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        e.stopImmediatePropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  return (
    <div className="present-keymap" role="dialog" aria-modal="true" aria-labelledby="keymap-title">
      <h2 id="keymap-title">Keys</h2>
      <dl>
        {KEYS.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
        {faults.map((f, i) => (
          <div key={f.label}>
            <dt>
              <kbd>{i + 1}</kbd>
            </dt>
            <dd>{f.label}</dd>
          </div>
        ))}
      </dl>
      <button type="button" ref={close} onClick={onClose}>
        Close
      </button>
    </div>
  );
}
