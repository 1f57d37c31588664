import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** Discrete speeds offered by the controls (virtual time relative to the animated base rate). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

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
  speed: Speed;
  playing: boolean;
  /** Non-null while a fast-forward runs. */
  fastForward: FastForwardState | null;
  /** The length the next fast-forward runs (one of FAST_FORWARD_LENGTHS). */
  ffLengthUs: number;
  setFfLength: (us: number) => void;
  setSpeed: (speed: Speed) => void;
  setPlaying: (playing: boolean) => void;
  setFastForward: (ff: FastForwardState | null) => void;
}

export const createPlaybackSlice: StateCreator<UiState, [], [], PlaybackSlice> = (set) => ({
  speed: 1,
  playing: false,
  fastForward: null,
  ffLengthUs: 60_000_000,
  setFfLength: (ffLengthUs) => set({ ffLengthUs }),
  setSpeed: (speed) => set({ speed }),
  setPlaying: (playing) => set({ playing }),
  setFastForward: (fastForward) => set({ fastForward }),
});

/** The next speed up or down the ladder; stays put at either end. */
export function stepSpeed(current: Speed, direction: 1 | -1): Speed {
  const i = SPEEDS.indexOf(current);
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, i + direction))];
  return next ?? current;
}

export const selectSpeed = (s: UiState) => s.speed;
export const selectPlaying = (s: UiState) => s.playing;
export const selectFastForward = (s: UiState) => s.fastForward;
export const selectFfLength = (s: UiState) => s.ffLengthUs;
