/**
 * The embed frame's URL parameters (`#/embed/<id>?seed=7&controls=minimal&parentOrigin=…`),
 * documented in docs/embedding.md. Each parameter is described once in a table: how to read
 * it, its safe default, and the sentence a bad value earns. A bad value never blanks the frame:
 * the default is used and the message names the parameter (the frame shows it).
 */
import { MAX_SPEED, MIN_SPEED } from '../../worker';
import { exactOrigin } from '../../ui/lesson';

export { exactOrigin };

export type EmbedControls = 'full' | 'minimal' | 'none';
export type EmbedTheme = 'light' | 'dark' | 'auto';
export type EmbedMode = 'lesson' | 'demo';

export interface EmbedParams {
  seed: number;
  /** 1-based step to open at (as the panel shows "Step 2 of 8"); null = saved/first. */
  step: number | null;
  /** Speed (virtual seconds per wall second) to set after loading; null = the app's default. */
  speed: number | null;
  autoplay: boolean;
  controls: EmbedControls;
  theme: EmbedTheme;
  mode: EmbedMode;
  /** Origins allowed to drive the frame (exact `scheme://host[:port]`); empty = read-only API. */
  parentOrigins: string[];
}

export interface ParamProblem {
  param: string;
  message: string;
}

export const EMBED_DEFAULTS: EmbedParams = {
  seed: 42,
  step: null,
  speed: null,
  autoplay: false,
  controls: 'full',
  theme: 'auto',
  mode: 'lesson',
  parentOrigins: [],
};

/** Longest value read from the URL; longer ones are refused before parsing (and shown cut). */
const MAX_VALUE_CHARS = 2_000;
const MAX_ORIGINS = 10;
const MAX_STEP = 1_000;
const MAX_SEED = 0xffff_ffff;

type Reader<K extends keyof EmbedParams> = (
  text: string,
) => { ok: true; value: EmbedParams[K] } | { ok: false; expected: string };

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (text: string) =>
    (values as readonly string[]).includes(text)
      ? { ok: true as const, value: text as T }
      : { ok: false as const, expected: `one of ${values.join(', ')}` };

const SPECS: { [K in keyof EmbedParams]: { names: readonly string[]; read: Reader<K> } } = {
  seed: {
    names: ['seed'],
    read: (t) =>
      /^\d{1,10}$/.test(t) && Number(t) <= MAX_SEED
        ? { ok: true, value: Number(t) }
        : { ok: false, expected: `a whole number from 0 to ${MAX_SEED}` },
  },
  step: {
    // "slide" for hosts that think in slides (a slide is a lesson step here).
    names: ['step', 'slide'],
    read: (t) =>
      /^\d{1,4}$/.test(t) && Number(t) >= 1 && Number(t) <= MAX_STEP
        ? { ok: true, value: Number(t) }
        : { ok: false, expected: `a step number from 1` },
  },
  speed: {
    names: ['speed'],
    read: (t) => {
      const n = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
      return n >= MIN_SPEED && n <= MAX_SPEED
        ? { ok: true, value: n }
        : { ok: false, expected: `a number from ${MIN_SPEED} to ${MAX_SPEED}` };
    },
  },
  autoplay: {
    names: ['autoplay'],
    read: (t) =>
      ['1', 'true', 'yes'].includes(t)
        ? { ok: true, value: true }
        : ['0', 'false', 'no'].includes(t)
          ? { ok: true, value: false }
          : { ok: false, expected: '1 or 0 (true or false)' },
  },
  controls: { names: ['controls'], read: oneOf(['full', 'minimal', 'none'] as const) },
  theme: { names: ['theme'], read: oneOf(['light', 'dark', 'auto'] as const) },
  mode: { names: ['mode'], read: oneOf(['lesson', 'demo'] as const) },
  parentOrigins: {
    names: ['parentOrigin'],
    read: (t) => {
      const list = t
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      const expected = `up to ${MAX_ORIGINS} origins like https://lms.example.edu (scheme, host and port; no path)`;
      if (list.length === 0 || list.length > MAX_ORIGINS) return { ok: false, expected };
      const clean: string[] = [];
      for (const item of list) {
        const origin = exactOrigin(item);
        if (origin === null) return { ok: false, expected };
        if (!clean.includes(origin)) clean.push(origin);
      }
      return { ok: true, value: clean };
    },
  },
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
  const params: EmbedParams = { ...EMBED_DEFAULTS, parentOrigins: [] };
  const problems: ParamProblem[] = [];
  for (const key of Object.keys(SPECS) as (keyof EmbedParams)[]) {
    const spec = SPECS[key];
    const name = spec.names.find((n) => query.has(n));
    if (name === undefined) continue;
    // A repeated parentOrigin adds origins; any other repeat uses the first value.
    const raw = key === 'parentOrigins' ? query.getAll(name).join(',') : (query.get(name) ?? '');
    const text = raw.trim();
    const read =
      text.length > MAX_VALUE_CHARS
        ? ({ ok: false, expected: 'a short value' } as const)
        : (spec.read as Reader<typeof key>)(text);
    if (read.ok) {
      (params as unknown as Record<string, unknown>)[key] = read.value;
    } else {
      problems.push({
        param: name,
        message: `The parameter "${name}" has the value "${shorten(raw)}", which is not ${read.expected}, so the default (${describeDefault(key)}) is used.`,
      });
    }
  }
  return { params, problems };
}

function describeDefault(key: keyof EmbedParams): string {
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
