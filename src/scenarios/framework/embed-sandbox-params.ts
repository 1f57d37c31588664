/**
 * The sandbox's embed parameters (`#/embed/sandbox?system=cluster&controls=minimal`): the
 * lessons' schema (embed-params.ts) plus `system`, the sandbox's running system. A lesson's
 * `step`, `slide` and `mode` have nothing to act on in the sandbox: they are named as ignored,
 * so an author who copied a lesson's snippet sees why nothing happened.
 */
import * as v from 'valibot';
import { parseEmbedParams, type EmbedParams, type ParamProblem } from './embed-params';

const NOT_HERE = ['step', 'slide', 'mode'] as const;

export interface SandboxEmbedParams {
  params: EmbedParams;
  /** The `system=` the link names, or null for the sandbox's first system. */
  system: string | null;
  problems: ParamProblem[];
}

/** `systems`: the sandbox's systems other than its first (the default, named `fallback`). */
export function parseSandboxEmbedParams(
  search: string,
  systems: readonly [string, ...string[]],
  fallback: string,
): SandboxEmbedParams {
  const { params, problems } = parseEmbedParams(search);
  const query = new URLSearchParams(search);
  const out: ParamProblem[] = problems.filter(
    (p) => !(NOT_HERE as readonly string[]).includes(p.param),
  );
  for (const name of NOT_HERE) {
    if (!query.has(name)) continue;
    out.push({
      param: name,
      message: `The parameter "${name}" belongs to lessons; the sandbox has no steps, so it is ignored.`,
    });
  }
  const raw = query.get('system');
  let system: string | null = null;
  if (raw !== null) {
    const SystemSchema = v.picklist(systems, `one of ${systems.join(', ')}`);
    const r = v.safeParse(SystemSchema, raw.trim());
    if (r.success) system = r.output;
    else
      out.push({
        param: 'system',
        message: `The parameter "system" has the value "${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}", which is not ${r.issues[0].message}, so the default (${fallback}) is used.`,
      });
  }
  return { params: { ...params, step: null, mode: 'demo' }, system, problems: out };
}
