export { parseRoute, parseQuery, routeHref, DEFAULT_SEED } from './parse-route';
export type { Route, RouteQuery, ScenarioMode } from './parse-route';
export { useHashRoute } from './use-hash-route';
