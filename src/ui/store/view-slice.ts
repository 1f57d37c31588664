import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** How much chrome surrounds the simulation: the full app, an instructor's projector, an iframe. */
export type ViewMode = 'full' | 'present' | 'embed';

export interface ViewSlice {
  mode: ViewMode;
  /** The node the user picked in the topology (or null). */
  selectedNode: string | null;
  setMode: (mode: ViewMode) => void;
  selectNode: (id: string | null) => void;
}

export const createViewSlice: StateCreator<UiState, [], [], ViewSlice> = (set) => ({
  mode: 'full',
  selectedNode: null,
  setMode: (mode) => set({ mode }),
  selectNode: (selectedNode) => set({ selectedNode }),
});

export const selectMode = (s: UiState) => s.mode;
export const selectSelectedNode = (s: UiState) => s.selectedNode;
