// Browser consoles (redis-cli, a telnet session to Memcached, psql) over the worker's
// `console` action. Import LazyConsolesPanel: it keeps the consoles out of every first load.
export { LazyConsolesPanel as ConsolesPanel } from './lazy-consoles-panel';
export type { ConsolesPanelProps } from './consoles-panel';
export type { ConsoleTarget } from './types';
