import { useId, useState, type FormEvent } from 'react';
import { useUiStore } from '../store/ui-store';
import { selectSimState } from '../store/sim-slice';
import { useSimSession } from '../session/session-context';
import type { ActionSpec, ParamSpec, UserAction } from '../../worker';

type Values = Record<string, string | number | boolean>;
type Result = { ok: boolean; text: string };

/**
 * The scenario's own actions, rendered from its ActionSpecs: a button for a plain action (crash
 * a node, flush the cache …), a small form for one with parameters. The model judges the
 * values; a refusal is shown as its sentence and changes nothing.
 */
export function ActionsPanel({ actions }: { actions: readonly ActionSpec[] }) {
  const session = useSimSession();
  const simState = useUiStore(selectSimState);
  const [result, setResult] = useState<Result | null>(null);
  const visible = actions.filter((a) => !a.hidden);
  if (visible.length === 0) return null;
  const plain = visible.filter((a) => !a.params?.length);
  const withParams = visible.filter((a) => a.params?.length);
  const disabled = simState !== 'ready';

  const run = (spec: ActionSpec, action: UserAction): void => {
    void session
      .act(action)
      .then((err) =>
        setResult(
          err === null
            ? { ok: true, text: `Done: ${spec.label}${describeParams(action.params)}.` }
            : { ok: false, text: `${spec.label}: ${err}` },
        ),
      );
  };

  return (
    <section className="panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <ul className="action-list">
        {plain.map((a) => (
          <li key={a.type}>
            <button
              type="button"
              className="btn"
              disabled={disabled}
              onClick={() => run(a, { type: a.type })}
            >
              {a.label}
            </button>
            <span className="muted action-desc">{a.description}</span>
          </li>
        ))}
      </ul>
      {withParams.length > 0 ? (
        <div className="action-forms">
          {withParams.map((a) => (
            <ActionForm key={a.type} spec={a} disabled={disabled} onRun={run} />
          ))}
        </div>
      ) : null}
      <p
        role="status"
        className={`action-result${result && !result.ok ? ' action-error' : ''}`}
        data-testid="action-result"
      >
        {result?.text}
      </p>
    </section>
  );
}

function ActionForm({
  spec,
  disabled,
  onRun,
}: {
  spec: ActionSpec;
  disabled: boolean;
  onRun: (spec: ActionSpec, action: UserAction) => void;
}) {
  const params = spec.params ?? [];
  // The fields keep what the user last applied; they start at the model's initial settings.
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(params.map((p) => [p.name, p.default])),
  );
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onRun(spec, { type: spec.type, params: { ...values } });
  };
  return (
    <details className="action-form">
      <summary>{spec.label}</summary>
      {/* noValidate: the model's sentence, in the status line, says what is wrong. */}
      <form onSubmit={submit} aria-label={spec.label} noValidate>
        <p className="muted action-desc">{spec.description}</p>
        <div className="action-fields">
          {params.map((p) => (
            <ParamField
              key={p.name}
              spec={p}
              value={values[p.name] ?? p.default}
              onChange={(v) => setValues((old) => ({ ...old, [p.name]: v }))}
            />
          ))}
        </div>
        <button type="submit" className="btn" disabled={disabled}>
          Apply
        </button>
      </form>
    </details>
  );
}

function ParamField({
  spec,
  value,
  onChange,
}: {
  spec: ParamSpec;
  value: string | number | boolean;
  onChange: (v: string | number | boolean) => void;
}) {
  const id = useId();
  switch (spec.kind) {
    case 'choice':
      return (
        <label className="action-field" htmlFor={id}>
          <span>{spec.label}</span>
          <select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)}>
            {spec.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      );
    case 'number':
      return (
        <label className="action-field" htmlFor={id}>
          <span>{spec.label}</span>
          <input
            id={id}
            type="number"
            inputMode="decimal"
            min={spec.min}
            max={spec.max}
            step={spec.step}
            required
            // The text as typed goes to the model, which says what is wrong with it.
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
          />
          {spec.unit ? <span className="muted">{spec.unit}</span> : null}
        </label>
      );
    case 'boolean':
      return (
        <label className="action-field" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={value === true || value === 'true'}
            onChange={(e) => onChange(e.target.checked)}
          />
          <span>{spec.label}</span>
        </label>
      );
  }
}

function describeParams(params: UserAction['params']): string {
  if (!params) return '';
  const parts = Object.entries(params).map(([k, v]) => `${k} = ${String(v)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
