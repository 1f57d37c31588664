export { scenarios, findScenario } from './registry';
export type { ScenarioMeta, ScenarioLevel, ScenarioStatus } from './registry';
