import type { ScenarioFactory } from './model';
import { createSandboxModel } from './sandbox/sandbox.model';

/** The worker-side models, by scenario id. One line per scenario. */
export const scenarioModels: Readonly<Record<string, ScenarioFactory>> = {
  sandbox: createSandboxModel,
};
