/**
 * Hash routes (DESIGN.md: hash-based so any static host and any iframe work). Parsing is pure
 * so it can be tested without a browser; a malformed query never throws.
 */
export type ScenarioMode = 'learn' | 'present' | 'embed';

export interface RouteQuery {
  seed: number;
  /** False with `play=0`: the simulation loads paused (stepping from a known start, tests). */
  autoplay: boolean;
  /** A sentence for the user when the URL's seed was rejected and the default used instead. */
  seedError: string | null;
  /** The sandbox's system (`system=`), when the link names one. */
  system?: string;
  /** Instructor mode's window (`view=presenter`, `view=lesson`), when the link names one. */
  view?: string;
}

export type Route =
  | { name: 'catalog' }
  | { name: 'sandbox'; query: RouteQuery }
  | { name: 'scenario'; mode: ScenarioMode; id: string; query: RouteQuery }
  | { name: 'not-found'; path: string };

export const DEFAULT_SEED = 42;
const MAX_SEED = 0xffff_ffff;
const MODES: readonly ScenarioMode[] = ['learn', 'present', 'embed'];

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)) || '/';
  const search = q === -1 ? '' : raw.slice(q + 1);
  const segments = path.split('/').filter((s) => s.length > 0);

  if (segments.length === 0) return { name: 'catalog' };
  const [head, id, ...rest] = segments;
  if (head === 'sandbox' && id === undefined) return { name: 'sandbox', query: parseQuery(search) };
  if (MODES.includes(head as ScenarioMode) && id !== undefined && rest.length === 0) {
    return {
      name: 'scenario',
      mode: head as ScenarioMode,
      id: safeDecode(id),
      query: parseQuery(search),
    };
  }
  return { name: 'not-found', path };
}

export function parseQuery(search: string): RouteQuery {
  const params = new URLSearchParams(search);
  const autoplay = !['0', 'false', 'no'].includes(params.get('play') ?? '');
  const systemText = params.get('system');
  const viewText = params.get('view');
  const system = {
    ...(systemText === null ? {} : { system: systemText }),
    ...(viewText === null ? {} : { view: viewText }),
  };
  const seedText = params.get('seed');
  if (seedText === null) return { seed: DEFAULT_SEED, autoplay, seedError: null, ...system };
  const trimmed = seedText.trim();
  if (/^\d{1,10}$/.test(trimmed) && Number(trimmed) <= MAX_SEED) {
    return { seed: Number(trimmed), autoplay, seedError: null, ...system };
  }
  return {
    ...system,
    seed: DEFAULT_SEED,
    autoplay,
    seedError: `The seed "${seedText.slice(0, 40)}" in the link is not a whole number from 0 to ${MAX_SEED}, so the default seed ${DEFAULT_SEED} is used.`,
  };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'catalog':
      return '#/';
    case 'sandbox':
      return `#/sandbox?seed=${route.query.seed}${route.query.system ? `&system=${encodeURIComponent(route.query.system)}` : ''}`;
    case 'scenario':
      return `#/${route.mode}/${encodeURIComponent(route.id)}?seed=${route.query.seed}`;
    case 'not-found':
      return `#${route.path}`;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
