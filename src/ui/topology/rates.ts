import { FLOW_OUTCOMES, type FlowSnapshot } from '../../worker';
import { FLOW_STYLE } from './flow-style';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "2,400 req/s", "38 req/s", "0.5 req/s": requests per second of simulated time. */
export function formatRate(perSecond: number): string {
  const n = perSecond >= 10 ? grouped.format(perSecond) : String(Number(perSecond.toPrecision(2)));
  return `${n} req/s`;
}

/** "/s" figures for a node meter: "2.4k/s", "950/s". */
export function formatOps(perSecond: number): string {
  if (perSecond >= 10_000) return `${Math.round(perSecond / 1000)}k ops/s`;
  if (perSecond >= 1000) return `${(perSecond / 1000).toFixed(1)}k ops/s`;
  return `${Math.round(perSecond)} ops/s`;
}

/**
 * The flow view in words, for the narration and the canvas caption: "rates, 2,400 req/s —
 * hits 1,900, misses 500". Colour is never the only signal: the outcomes are named here.
 */
export function describeFlows(flows: FlowSnapshot | null): string {
  if (!flows || flows.requestsPerSecond <= 0) return 'rates: no requests in the last moment';
  const parts = FLOW_OUTCOMES.filter((o) => flows.byOutcome[o] > 0).map(
    (o) => `${FLOW_STYLE[o].label} ${formatRate(flows.byOutcome[o]).replace(' req/s', '')}`,
  );
  return `rates, ${formatRate(flows.requestsPerSecond)} — ${parts.join(', ')}`;
}
