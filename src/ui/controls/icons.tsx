/** Control pictograms as inline SVG: no dependence on which symbol fonts the machine has. */
const base = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
} as const;

export const PlayIcon = () => (
  <svg {...base}>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </svg>
);

export const PauseIcon = () => (
  <svg {...base}>
    <rect x="3" y="2.5" width="3.5" height="11" rx="1" fill="currentColor" />
    <rect x="9.5" y="2.5" width="3.5" height="11" rx="1" fill="currentColor" />
  </svg>
);

export const StepIcon = () => (
  <svg {...base}>
    <path d="M3 2.5v11l7.5-5.5z" fill="currentColor" />
    <rect x="11" y="2.5" width="2.5" height="11" rx="1" fill="currentColor" />
  </svg>
);

export const FastForwardIcon = () => (
  <svg {...base}>
    <path d="M1.5 3v10l6.5-5zM8 3v10l6.5-5z" fill="currentColor" />
  </svg>
);
