import type { ParamProblem } from './embed-params';

/** Bad URL parameters, each named, in a visible alert: the frame still starts with defaults. */
export function EmbedParamProblems({ problems }: { problems: readonly ParamProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="lesson-problems embed-param-problems">
      {problems.map((p) => (
        <p key={p.param} data-param={p.param}>
          {p.message}
        </p>
      ))}
    </div>
  );
}
