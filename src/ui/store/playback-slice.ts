import type { StateCreator } from 'zustand';
import { DEFAULT_SPEED } from '../../worker';
import type { UiState } from './ui-store';

/** Virtual time one fast-forward covers, by the user's choice (µs) and how it reads. */
export const FAST_FORWARD_LENGTHS = [
  { us: 10_000_000, label: '10 s' },
  { us: 60_000_000, label: '1 min' },
  { us: 600_000_000, label: '10 min' },
] as const;

export interface FastForwardState {
  doneUs: number;
  totalUs: number;
  events: number;
}

export interface PlaybackSlice {
  /** Virtual seconds per wall second (worker speed.ts: 1 ms/s up to 60 s/s). */
  speed: number;
  playing: boolean;
  /** Non-null while a fast-forward runs. */
  fastForward: FastForwardState | null;
  /** The length the next fast-forward runs (one of FAST_FORWARD_LENGTHS). */
  ffLengthUs: number;
  setFfLength: (us: number) => void;
  setSpeed: (speed: number) => void;
  setPlaying: (playing: boolean) => void;
  setFastForward: (ff: FastForwardState | null) => void;
}

export const createPlaybackSlice: StateCreator<UiState, [], [], PlaybackSlice> = (set) => ({
  speed: DEFAULT_SPEED,
  playing: false,
  fastForward: null,
  ffLengthUs: 60_000_000,
  setFfLength: (ffLengthUs) => set({ ffLengthUs }),
  setSpeed: (speed) => set({ speed }),
  setPlaying: (playing) => set({ playing }),
  setFastForward: (fastForward) => set({ fastForward }),
});

export const selectSpeed = (s: UiState) => s.speed;
export const selectPlaying = (s: UiState) => s.playing;
export const selectFastForward = (s: UiState) => s.fastForward;
export const selectFfLength = (s: UiState) => s.ffLengthUs;
