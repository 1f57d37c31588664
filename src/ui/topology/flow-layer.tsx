import { memo } from 'react';
import { FLOW_OUTCOMES, type FlowSnapshot } from '../../worker';
import type { LinkGeometry } from './layout';
import { linkKey, offsetRoute, routeMiddle, routePoints } from './layout';
import { FLOW_STYLE } from './flow-style';
import { formatRate } from './rates';

/** The widest band, for the busiest link (px of the canvas); every other link is in proportion. */
const MAX_BAND = 18;
/** A link carrying anything at all stays visible. */
const MIN_STRAND = 1.5;

interface Props {
  flows: FlowSnapshot;
  links: ReadonlyMap<string, LinkGeometry>;
  /** 0…1: how far the picture has crossed from packets to flows (speed.ts flowShare). */
  share: number;
  /** Reduced motion (a hook for the stylesheet: the bands themselves do not move). */
  still: boolean;
}

/**
 * The flow view (DESIGN.md "Two time scales"): each link with traffic becomes a band whose
 * width is proportional to its requests per second, made of one strand per outcome (hit, miss,
 * write, error, redirect) side by side, and a live rate label. Modelled on Kiali's traffic graph
 * (rate labels on edges, errors apart) and Vizceral (volume drawn as density): here volume is
 * width, because width reads at a glance on a projector and costs one line per strand.
 */
export const FlowLayer = memo(function FlowLayer({ flows, links, share, still }: Props) {
  if (share <= 0) return null;
  const busiest = Math.max(1e-9, ...flows.links.map((f) => f.total));
  return (
    <g
      className={`flows${still ? ' flows-still' : ''}`}
      style={{ opacity: share }}
      data-testid="flows"
      aria-hidden="true"
    >
      {flows.links.map((f) => {
        const link = links.get(linkKey(f.from, f.to));
        if (!link || !link.drawn) return null;
        const band = Math.max(MIN_STRAND, (MAX_BAND * f.total) / busiest);
        // Strands side by side across the band, each as wide as its share of the rate.
        let offset = -band / 2;
        const strands = FLOW_OUTCOMES.filter((o) => f.perSecond[o] > 0).map((o) => {
          const w = Math.max(MIN_STRAND, (band * f.perSecond[o]) / f.total);
          const mid = offset + w / 2;
          offset += w;
          return { o, w, mid };
        });
        const { at, normal } = routeMiddle(link.points);
        return (
          <g key={link.key} className="flow" data-testid="flow-link" data-rate={f.total.toFixed(1)}>
            {strands.map(({ o, w, mid }) => (
              <polyline
                key={o}
                className={`flow-strand flow-${o}`}
                points={routePoints(offsetRoute(link.points, mid))}
                strokeWidth={w}
                strokeDasharray={FLOW_STYLE[o].dash}
              />
            ))}
            <text
              className="flow-label"
              data-testid="flow-rate"
              x={at.x + normal.x * (band / 2 + 12)}
              y={at.y + normal.y * (band / 2 + 12) + 5}
            >
              {formatRate(f.total)}
              {f.perSecond.miss > 0 && f.perSecond.hit > 0
                ? ` · ${Math.round((100 * f.perSecond.miss) / (f.perSecond.miss + f.perSecond.hit))} % miss`
                : ''}
              {f.perSecond.error > 0 ? ` · ${formatRate(f.perSecond.error)} err` : ''}
            </text>
          </g>
        );
      })}
    </g>
  );
});
