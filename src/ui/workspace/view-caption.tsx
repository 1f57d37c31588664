import { flowShare } from '../../worker';
import { useUiStore } from '../store/ui-store';
import { selectFlows } from '../store/sim-slice';
import { selectPlaying, selectSpeed } from '../store/playback-slice';
import { FLOW_OUTCOMES } from '../../worker';
import { FLOW_STYLE } from '../topology/flow-style';
import { formatRate } from '../topology/rates';

/**
 * What the canvas shows, in words, with the flow key: packets (one dot per message) or rates
 * (bands as wide as the requests per second, one strand per outcome, each with its own dash).
 */
export function ViewCaption() {
  const speed = useUiStore(selectSpeed);
  const flows = useUiStore(selectFlows);
  const playing = useUiStore(selectPlaying);
  const share = flowShare(speed);
  if (share < 1) {
    return (
      <p className="view-caption" data-testid="view-caption">
        <strong>Packets</strong>: each dot is one message on the wire
        {share > 0 ? ' — speed up to see rates' : ''}.
      </p>
    );
  }
  return (
    <p className="view-caption" data-testid="view-caption">
      <strong>Rates</strong>
      {playing && flows ? `, ${formatRate(flows.requestsPerSecond)}` : ''}: band width ∝ requests/s
      ·{' '}
      {FLOW_OUTCOMES.map((o) => (
        <span key={o} className="flow-key">
          <svg width="28" height="10" aria-hidden="true">
            <line
              x1="1"
              y1="5"
              x2="27"
              y2="5"
              className={`flow-${o}`}
              strokeWidth={4}
              strokeDasharray={FLOW_STYLE[o].dash}
            />
          </svg>
          {FLOW_STYLE[o].label}
        </span>
      ))}
    </p>
  );
}
