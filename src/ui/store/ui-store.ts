import { create } from 'zustand';
import { createNoticeSlice, type NoticeSlice } from './notice-slice';
import { createPlaybackSlice, type PlaybackSlice } from './playback-slice';
import { createSimSlice, type SimSlice } from './sim-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

/** UI state only; the simulation's state of record lives in the worker. */
export type UiState = PlaybackSlice & SimSlice & NoticeSlice & ViewSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createPlaybackSlice(...a),
  ...createSimSlice(...a),
  ...createNoticeSlice(...a),
  ...createViewSlice(...a),
}));
