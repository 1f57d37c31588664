export { useUiStore, type UiState } from './ui-store';
export * from './playback-slice';
export * from './sim-slice';
export * from './notice-slice';
export * from './view-slice';
