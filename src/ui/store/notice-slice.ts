import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

export interface NoticeSlice {
  /** A sentence for the role="alert" region; null when there is nothing to say. */
  notice: string | null;
  setNotice: (notice: string | null) => void;
}

export const createNoticeSlice: StateCreator<UiState, [], [], NoticeSlice> = (set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
});

export const selectNotice = (s: UiState) => s.notice;
