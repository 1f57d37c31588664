import { useEffect, useState } from 'react';
import type { FieldSpec, FieldValues } from './types';

export interface ControlGroupView {
  id: string;
  title: string;
  description?: string;
  fields: FieldSpec[];
  apply: 'change' | 'button';
  applyLabel?: string;
}

export interface ButtonView {
  id: string;
  label: string;
  description: string;
}

export interface ControlPanelProps {
  groups: readonly ControlGroupView[];
  /** Values as applied in the simulation (follow step back and restores). */
  values: Readonly<Record<string, FieldValues>>;
  buttons: readonly ButtonView[];
  disabled: boolean;
  onApply(groupId: string, values: FieldValues): Promise<string | null>;
  onButton(buttonId: string): Promise<string | null>;
}

/** A scenario's controls, rendered from data: selects, toggles, sliders and action buttons. */
export function ControlPanel({
  groups,
  values,
  buttons,
  disabled,
  onApply,
  onButton,
}: ControlPanelProps) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const report = (label: string) => (err: string | null) =>
    setMessage(err ? { text: err, error: true } : { text: `Applied: ${label}.`, error: false });
  return (
    <section className="panel control-panel" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Controls</h2>
      <div className="control-groups">
        {groups.map((g) => (
          <Group
            key={g.id}
            group={g}
            applied={values[g.id] ?? {}}
            disabled={disabled}
            onApply={(v) => onApply(g.id, v).then(report(g.title))}
          />
        ))}
      </div>
      {buttons.length > 0 ? (
        <ul className="control-buttons">
          {buttons.map((b) => (
            <li key={b.id}>
              <button
                type="button"
                className="btn"
                disabled={disabled}
                onClick={() => void onButton(b.id).then(report(b.label))}
              >
                {b.label}
              </button>
              <span className="muted">{b.description}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p
        role="status"
        className={message?.error ? 'control-message control-error' : 'control-message'}
      >
        {message?.text}
      </p>
    </section>
  );
}

function Group({
  group,
  applied,
  disabled,
  onApply,
}: {
  group: ControlGroupView;
  applied: FieldValues;
  disabled: boolean;
  onApply: (v: FieldValues) => Promise<void>;
}) {
  const [draft, setDraft] = useState<FieldValues>(applied);
  // The applied values change on step back or restore: the form follows them.
  const appliedKey = JSON.stringify(applied);
  useEffect(() => setDraft(JSON.parse(appliedKey) as FieldValues), [appliedKey]);

  const change = (id: string, v: string | number | boolean) => {
    const next = { ...draft, [id]: v };
    setDraft(next);
    if (group.apply === 'change') void onApply(next);
  };
  const dirty = JSON.stringify(draft) !== appliedKey;
  return (
    <form
      className="control-group"
      onSubmit={(e) => {
        e.preventDefault();
        void onApply(draft);
      }}
    >
      <fieldset disabled={disabled}>
        <legend>{group.title}</legend>
        {group.description ? <p className="muted control-desc">{group.description}</p> : null}
        {group.fields.map((f) => (
          <Field
            key={f.id}
            field={f}
            groupId={group.id}
            value={draft[f.id] ?? f.initial}
            onChange={(v) => change(f.id, v)}
          />
        ))}
        {group.apply === 'button' ? (
          <button type="submit" className="btn btn-primary btn-small">
            {group.applyLabel ?? 'Apply'}
            {dirty ? <span className="visually-hidden"> (changed, not applied yet)</span> : null}
          </button>
        ) : null}
      </fieldset>
    </form>
  );
}

function Field({
  field,
  groupId,
  value,
  onChange,
}: {
  field: FieldSpec;
  groupId: string;
  value: string | number | boolean;
  onChange: (v: string | number | boolean) => void;
}) {
  const id = `ctl-${groupId}-${field.id}`;
  switch (field.kind) {
    case 'select':
      return (
        <div className="field">
          <label htmlFor={id}>{field.label}</label>
          <select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)}>
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    case 'toggle':
      return (
        <div className="field field-toggle">
          <input
            id={id}
            type="checkbox"
            checked={Boolean(value)}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id}>{field.label}</label>
        </div>
      );
    case 'number':
      return (
        <div className="field field-number">
          <label htmlFor={id}>{field.label}</label>
          <input
            id={id}
            type="range"
            min={field.min}
            max={field.max}
            step={field.step}
            value={Number(value)}
            onChange={(e) => onChange(Number(e.target.value))}
            aria-valuetext={`${value}${field.unit ? ` ${field.unit}` : ''}`}
          />
          <output htmlFor={id}>
            {value}
            {field.unit ? ` ${field.unit}` : ''}
          </output>
        </div>
      );
  }
}
