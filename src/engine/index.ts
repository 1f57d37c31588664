export type { EngineClock, ManualClock } from './clock';
export { manualClock } from './clock';
export type { EngineRng } from './rng';
export { engineRng } from './rng';
