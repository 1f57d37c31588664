/**
 * The embed frame's URL parameters (`#/embed/<id>?seed=7&controls=minimal&parentOrigin=…`),
 * documented in docs/embedding.md: one valibot schema, each entry a parameter with its safe
 * default. A bad value never blanks the frame: that parameter's default is used and a sentence
 * names the parameter and what it takes (the frame shows it). EmbedParams is the schema's output.
 */
import * as v from 'valibot';
import { MAX_SPEED, MIN_SPEED } from '../../worker';
import { exactOrigin } from '../../ui/lesson';
import { FIRST_ISSUE } from './validate';

export { exactOrigin };

/** Longest value read from the URL; longer ones are refused before parsing (and shown cut). */
const MAX_VALUE_CHARS = 2_000;
const MAX_ORIGINS = 10;
const MAX_STEP = 1_000;
const MAX_SEED = 0xffff_ffff;
const DEFAULT_SEED = 42;

/** A parameter's text, short enough to read; each parameter's pipe then says what it expects. */
const Text = v.pipe(v.string(), v.maxLength(MAX_VALUE_CHARS, 'a short value'));

const number = (pattern: RegExp, min: number, max: number, expected: string) =>
  v.pipe(
    Text,
    v.regex(pattern, expected),
    v.transform(Number),
    v.minValue(min, expected),
    v.maxValue(max, expected),
  );

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  v.optional(v.picklist(values, `one of ${values.join(', ')}`), fallback);

const TRUE = ['1', 'true', 'yes'];
const FALSE = ['0', 'false', 'no'];
const ORIGINS_EXPECTED = `up to ${MAX_ORIGINS} origins like https://lms.example.edu (scheme, host and port; no path)`;

/** Origins from every `parentOrigin` value, comma- or space-separated. */
const splitOrigins = (value: string): string[] =>
  value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Every parameter: its schema, with its default when the URL leaves it out. */
export const EmbedParamsSchema = v.object({
  seed: v.optional(
    number(/^\d{1,10}$/, 0, MAX_SEED, `a whole number from 0 to ${MAX_SEED}`),
    String(DEFAULT_SEED),
  ),
  /** 1-based step to open at (as the panel shows "Step 2 of 8"); null = saved/first. */
  step: v.optional(v.nullable(number(/^\d{1,4}$/, 1, MAX_STEP, 'a step number from 1')), null),
  /** Speed (virtual seconds per wall second) to set after loading; null = the app's default. */
  speed: v.optional(
    v.nullable(
      number(/^\d+(\.\d+)?$/, MIN_SPEED, MAX_SPEED, `a number from ${MIN_SPEED} to ${MAX_SPEED}`),
    ),
    null,
  ),
  autoplay: v.optional(
    v.pipe(
      Text,
      v.check((t) => TRUE.includes(t) || FALSE.includes(t), '1 or 0 (true or false)'),
      v.transform((t) => TRUE.includes(t)),
    ),
    '0',
  ),
  controls: oneOf(['full', 'minimal', 'none'], 'full'),
  theme: oneOf(['light', 'dark', 'auto'], 'auto'),
  mode: oneOf(['lesson', 'demo'], 'lesson'),
  /** Origins allowed to drive the frame (exact `scheme://host[:port]`); empty = read-only API. */
  parentOrigins: v.optional(
    v.pipe(
      // Every value the URL gives (the parameter may be repeated): given, it must name an origin.
      v.array(Text),
      v.check(
        (values) => values.length === 0 || values.some((t) => splitOrigins(t).length > 0),
        ORIGINS_EXPECTED,
      ),
      v.transform((values) => values.flatMap(splitOrigins)),
      v.maxLength(MAX_ORIGINS, ORIGINS_EXPECTED),
      v.check((list) => list.every((o) => exactOrigin(o) !== null), ORIGINS_EXPECTED),
      v.transform((list) => [...new Set(list.map((o) => exactOrigin(o)!))]),
    ),
    () => [],
  ),
});

export type EmbedParams = v.InferOutput<typeof EmbedParamsSchema>;
export type EmbedControls = EmbedParams['controls'];
export type EmbedTheme = EmbedParams['theme'];
export type EmbedMode = EmbedParams['mode'];
type Key = keyof EmbedParams;

export interface ParamProblem {
  param: string;
  message: string;
}

export const EMBED_DEFAULTS: EmbedParams = v.parse(EmbedParamsSchema, {});

/** The URL's names for each entry: "slide" for hosts that think in slides (a slide is a step). */
const NAMES: Record<Key, readonly string[]> = {
  seed: ['seed'],
  step: ['step', 'slide'],
  speed: ['speed'],
  autoplay: ['autoplay'],
  controls: ['controls'],
  theme: ['theme'],
  mode: ['mode'],
  parentOrigins: ['parentOrigin'],
};

/** Parses the query part of the hash; never throws. Unknown parameters are left alone. */
export function parseEmbedParams(search: string): {
  params: EmbedParams;
  problems: ParamProblem[];
} {
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(search);
  } catch {
    query = new URLSearchParams();
  }
  const params: Record<string, unknown> = { ...EMBED_DEFAULTS, parentOrigins: [] };
  const problems: ParamProblem[] = [];
  for (const key of Object.keys(NAMES) as Key[]) {
    const name = NAMES[key].find((n) => query.has(n));
    if (name === undefined) continue;
    // A repeated parentOrigin adds origins; any other repeat uses the first value.
    const raw =
      key === 'parentOrigins'
        ? query.getAll(name).map((t) => t.trim())
        : (query.get(name) ?? '').trim();
    const r = v.safeParse(EmbedParamsSchema.entries[key], raw, FIRST_ISSUE);
    if (r.success) {
      params[key] = r.output;
    } else {
      const shown = Array.isArray(raw) ? query.getAll(name).join(',') : (query.get(name) ?? '');
      problems.push({
        param: name,
        message: `The parameter "${name}" has the value "${shorten(shown)}", which is not ${r.issues[0].message}, so the default (${describeDefault(key)}) is used.`,
      });
    }
  }
  return { params: params as EmbedParams, problems };
}

function describeDefault(key: Key): string {
  switch (key) {
    case 'step':
      return 'the first step';
    case 'speed':
      return 'the normal speed';
    case 'parentOrigins':
      return 'no host may drive the lesson; only read-only messages are accepted';
    default:
      return String(EMBED_DEFAULTS[key]);
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
