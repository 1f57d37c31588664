export {
  SimulationWorkspace,
  type SimulationWorkspaceProps,
} from './workspace/simulation-workspace';
export { SimSession } from './session/sim-session';
export { useUiStore, type UiState } from './store/ui-store';
export { selectSnapshot, selectSimState } from './store/sim-slice';
export { selectMode, type ViewMode } from './store/view-slice';
export {
  browserStorage,
  memoryStore,
  openStorage,
  prefixedStore,
  type KeyValueStore,
  type SafeStorage,
} from './storage';
export { applyTheme, type Theme } from './styles/theme';
