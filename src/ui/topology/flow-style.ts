import type { FlowOutcome } from '../../worker';

/**
 * How each outcome is drawn in the flow view: colour (stylesheet `.flow-<outcome>`) *and* a dash
 * pattern, so the strands differ without colour; the legend and the narration name them.
 */
export const FLOW_STYLE: Record<FlowOutcome, { label: string; dash: string }> = {
  hit: { label: 'hits', dash: '18 4' },
  miss: { label: 'misses', dash: '8 6' },
  write: { label: 'writes', dash: '2 5' },
  error: { label: 'errors', dash: '12 4 2 4' },
  redirect: { label: 'redirects', dash: '4 10' },
};
