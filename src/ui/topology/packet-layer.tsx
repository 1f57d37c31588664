import type { LinkGeometry } from './layout';
import { pointOnLink, routeMiddle, routePoints } from './layout';
import type { InFlight } from './in-flight';

export interface FramePackets {
  nowUs: number;
  items: { msg: InFlight; progress: number }[];
}

/** Labels are drawn only while few messages are on the wire, so the picture stays readable. */
const MAX_LABELLED = 6;

/** Moving dots for messages on the wire (decorative: the narration says the same in words). */
export function PacketLayer({
  frame,
  links,
}: {
  frame: FramePackets;
  links: ReadonlyMap<string, LinkGeometry>;
}) {
  const labelled = frame.items.length <= MAX_LABELLED;
  return (
    <g className="packets" aria-hidden="true">
      {frame.items.map(({ msg, progress }) => {
        const p = pointOnLink(links, msg.from, msg.to, progress);
        if (!p) return null;
        return (
          <g
            key={msg.seq}
            className="packet"
            data-testid="packet"
            data-seq={msg.seq}
            transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
          >
            <circle r={9} />
            {labelled ? (
              <text className="packet-label" y={-15}>
                {msg.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/** Reduced motion: no movement — the links carrying a message are highlighted and labelled instead. */
export function LinkHighlights({
  frame,
  links,
}: {
  frame: FramePackets;
  links: ReadonlyMap<string, LinkGeometry>;
}) {
  const busy = new Map<string, { link: LinkGeometry; label: string; forward: boolean }>();
  for (const { msg } of frame.items) {
    for (const link of links.values()) {
      if (
        (link.from === msg.from && link.to === msg.to) ||
        (link.from === msg.to && link.to === msg.from)
      ) {
        busy.set(link.key, { link, label: msg.label, forward: link.from === msg.from });
      }
    }
  }
  return (
    <g className="link-highlights" aria-hidden="true">
      {[...busy.values()].map(({ link, label, forward }) => {
        const { at } = routeMiddle(link.points);
        return (
          <g key={link.key} data-testid="busy-link">
            <polyline className="link-busy" points={routePoints(link.points)} />
            <text className="packet-label" x={at.x} y={at.y - 12}>
              {forward ? `${label} →` : `← ${label}`}
            </text>
          </g>
        );
      })}
    </g>
  );
}
