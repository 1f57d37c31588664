import { useId, useRef, useState } from 'react';
import {
  embedSnippet,
  embedUrl,
  exactOrigin,
  initialHeight,
  type EmbedOptions,
} from './embed-snippet';

export interface EmbedDialogProps {
  scenario: string;
  title: string;
  seed: number;
  /** The step the author is on (1-based), offered as the frame's starting step. */
  step: number;
}

type Choices = Pick<EmbedOptions, 'controls' | 'theme' | 'mode' | 'autoplay' | 'script'> & {
  atStep: boolean;
  origins: string;
};

/**
 * "Embed": builds the snippet for this lesson from the chosen options, with a live preview of
 * the frame it makes (docs/embedding.md). A native <dialog>: focus moves in and back, Escape
 * closes it.
 */
export function EmbedDialog({ scenario, title, seed, step }: EmbedDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [c, setC] = useState<Choices>({
    controls: 'full',
    theme: 'auto',
    mode: 'lesson',
    autoplay: false,
    script: true,
    atStep: false,
    origins: '',
  });
  const set = (patch: Partial<Choices>) => setC((old) => ({ ...old, ...patch }));
  const typed = c.origins.split(/[\s,]+/).filter((s) => s.length > 0);
  const origins = typed.map(exactOrigin);
  const badOrigin = typed.find((_, i) => origins[i] === null);
  const options: EmbedOptions = {
    appUrl: window.location.href,
    scenario,
    title,
    seed,
    step: c.atStep ? step : null,
    controls: c.controls,
    theme: c.theme,
    mode: c.mode,
    autoplay: c.autoplay,
    parentOrigins: origins.filter((o): o is string => o !== null),
    script: c.script,
  };
  const snippet = embedSnippet(options);

  const show = () => {
    setOpen(true);
    setMessage(null);
    dialog.current?.showModal();
  };
  const close = () => {
    dialog.current?.close();
  };

  return (
    <>
      <button type="button" className="btn" onClick={show} aria-haspopup="dialog">
        Embed
      </button>
      <dialog
        ref={dialog}
        className="embed-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => setOpen(false)}
      >
        <h2 id={`${id}-title`}>Embed this lesson</h2>
        <p className="embed-dialog-lede">
          Paste the snippet into an LMS page, a blog or docs. The frame fits its width (from 320 px)
          and, with the script, its height.
        </p>
        <div className="embed-dialog-body">
          <form className="embed-options" onSubmit={(e) => e.preventDefault()}>
            <label>
              Controls{' '}
              <select
                value={c.controls}
                onChange={(e) => set({ controls: e.target.value as Choices['controls'] })}
              >
                <option value="full">Full: step, goals, controls, metrics, quiz</option>
                <option value="minimal">Minimal: picture, play, the step</option>
                <option value="none">None: the picture (your page drives it)</option>
              </select>
            </label>
            <label>
              Content{' '}
              <select
                value={c.mode}
                onChange={(e) => set({ mode: e.target.value as Choices['mode'] })}
              >
                <option value="lesson">Lesson (steps and goals)</option>
                <option value="demo">Demo (the running system only)</option>
              </select>
            </label>
            <label>
              Theme{' '}
              <select
                value={c.theme}
                onChange={(e) => set({ theme: e.target.value as Choices['theme'] })}
              >
                <option value="auto">Follow the reader’s system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
            <label className="embed-check">
              <input
                type="checkbox"
                checked={c.atStep}
                onChange={(e) => set({ atStep: e.target.checked })}
              />{' '}
              Open at step {step} (the one you are on)
            </label>
            <label className="embed-check">
              <input
                type="checkbox"
                checked={c.autoplay}
                onChange={(e) => set({ autoplay: e.target.checked })}
              />{' '}
              Start playing when loaded
            </label>
            <label className="embed-check">
              <input
                type="checkbox"
                checked={c.script}
                onChange={(e) => set({ script: e.target.checked })}
              />{' '}
              Include the resize script (embed.js)
            </label>
            <label htmlFor={`${id}-origins`}>
              Pages allowed to drive the lesson (origins, comma-separated)
            </label>
            <input
              id={`${id}-origins`}
              type="text"
              placeholder="https://lms.example.edu"
              value={c.origins}
              aria-describedby={`${id}-origins-help`}
              aria-invalid={badOrigin !== undefined}
              onChange={(e) => set({ origins: e.target.value.slice(0, 2_000) })}
            />
            <p id={`${id}-origins-help`} className="embed-help">
              {badOrigin !== undefined
                ? `“${badOrigin.slice(0, 60)}” is not an origin (scheme, host and port, no path); it is left out.`
                : 'Empty: the page can watch (state, play, pause) but not act.'}
            </p>
          </form>
          <div className="embed-preview">
            <label htmlFor={`${id}-snippet`}>Snippet</label>
            <textarea
              id={`${id}-snippet`}
              readOnly
              rows={5}
              value={snippet}
              onFocus={(e) => e.currentTarget.select()}
            />
            <p>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  void navigator.clipboard?.writeText(snippet).then(
                    () => setMessage('Snippet copied.'),
                    () =>
                      setMessage('Copy is blocked here; select the snippet and copy it by hand.'),
                  )
                }
              >
                Copy snippet
              </button>{' '}
              <span role="status">{message}</span>
            </p>
            {open ? (
              // Keyed by its address: a new option loads a new frame (a frame reads its
              // parameters once, as on a host page).
              <iframe
                key={embedUrl(options)}
                className="embed-preview-frame"
                title="Preview of the embedded lesson"
                src={embedUrl(options)}
                style={{ height: `${Math.min(initialHeight(c.controls), 560)}px` }}
              />
            ) : null}
          </div>
        </div>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </dialog>
    </>
  );
}
