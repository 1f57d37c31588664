import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flowShare } from '../../worker';
import { useUiStore } from '../store/ui-store';
import { selectPlaying, selectSpeed } from '../store/playback-slice';
import { selectFlows, selectSnapshot } from '../store/sim-slice';
import { selectSelectedNode } from '../store/view-slice';
import { useSimSession } from '../session/session-context';
import type { TopologyView as Topology } from '../../worker';
import { layoutTopology, panStart, routePoints, type TopologyLayout } from './layout';
import { NodeCard } from './node-card';
import { InFlightMessages } from './in-flight';
import { VirtualClock } from './virtual-clock';
import { LinkHighlights, PacketLayer, type FramePackets } from './packet-layer';
import { FlowLayer } from './flow-layer';
import { NodeFlashes, type FlashKind } from './flashes';
import { useAnimationFrame } from './use-animation-frame';
import { useElementSize } from './use-element-size';
import { useReducedMotion } from './use-reduced-motion';
import './canvas.css';

/** A title (region, AZ, shard row) drawn in the box the layout measured for it. */
function Title({ box }: { box: TopologyLayout['azs'][number]['label'] }) {
  return (
    <text x={box.x} y={box.y + box.fontSize * 0.95} style={{ fontSize: box.fontSize }}>
      {box.text}
    </text>
  );
}

/** Reduced motion redraws highlights at most this often instead of every frame. */
const REDUCED_FRAME_MS = 400;
/**
 * The picture is laid out in CSS px of the space it gets (so its 14–16 px text is drawn at
 * that size), but never smaller than this: a phone scales the whole picture down instead.
 */
const MIN_LAYOUT = { width: 400, height: 420 };
/**
 * Below this scale the picture's text would be drawn under ~9 px (a many-node system on a phone
 * held upright). The picture is then laid out at least this wide, drawn at the box's height,
 * and the box scrolls sideways: readable labels and a pan beat a thumbnail.
 */
const MIN_READABLE_SCALE = 0.6;
const PAN_LAYOUT_WIDTH = 960;

/** How much larger than its CSS-px size a short picture may be drawn to fill a tall box. */
const MAX_ENLARGE = 1.5;

/**
 * A picture much shorter than its box (a two-row replication group in a lesson's canvas) is
 * laid out narrower and drawn larger, as long as it keeps its card size and fits the height:
 * larger text for the back of the room instead of empty space above and below.
 */
function enlarged(
  topology: Topology,
  base: TopologyLayout,
  fit: { width: number; height: number },
): TopologyLayout {
  let best = base;
  for (let k = 1.1; k <= MAX_ENLARGE + 1e-9; k += 0.1) {
    const next = layoutTopology(topology, { width: fit.width / k, height: fit.height / k });
    if (next.size !== base.size || next.overflow || next.height * k > fit.height) break;
    best = next;
  }
  return best;
}

/** The layout for a box of `size`, and the pixel size to draw it at when the box must pan. */
function fitLayout(
  topology: Topology,
  size: { width: number; height: number } | null,
  min: { width: number; height: number },
): { layout: TopologyLayout; pan: { width: number; height: number } | null } {
  if (!size) return { layout: layoutTopology(topology), pan: null };
  const fit = {
    width: Math.max(min.width, size.width),
    height: Math.max(min.height, size.height),
  };
  const layout = layoutTopology(topology, fit);
  const scale = Math.min(size.width / layout.width, size.height / layout.height);
  if (scale >= 1) return { layout: enlarged(topology, layout, fit), pan: null };
  if (scale >= MIN_READABLE_SCALE || size.width >= PAN_LAYOUT_WIDTH) return { layout, pan: null };
  const wide = layoutTopology(topology, { width: PAN_LAYOUT_WIDTH, height: fit.height });
  const s = Math.min(1, size.height / wide.height);
  // Panning must win legibility back; if it does not (a tall, narrow picture), keep the fit.
  if (s <= scale) return { layout, pan: null };
  return { layout: wide, pan: { width: wide.width * s, height: wide.height * s } };
}

const NO_FLASHES: ReadonlyMap<string, FlashKind> = new Map();

/**
 * The topology in SVG: AZ boxes, nodes, links, and messages on the wire placed by virtual time.
 * React renders; d3 only computes the layout.
 */
export function TopologyView({
  topology,
  minLayout = MIN_LAYOUT,
}: {
  topology: Topology;
  /**
   * The smallest box the picture is laid out for (a smaller one scales it down). The audience
   * view lowers it: its short, wide canvas under a question must keep its text size.
   */
  minLayout?: { width: number; height: number };
}) {
  const session = useSimSession();
  const snapshot = useUiStore(selectSnapshot);
  const flows = useUiStore(selectFlows);
  const speed = useUiStore(selectSpeed);
  const selected = useUiStore(selectSelectedNode);
  const selectNode = useUiStore((s) => s.selectNode);
  const reducedMotion = useReducedMotion();
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  const { layout, pan } = useMemo(
    () => fitLayout(topology, size, minLayout),
    [topology, size, minLayout],
  );
  const links = useMemo(() => new Map(layout.links.map((l) => [l.key, l])), [layout]);
  // A pan opens at the first AZ column (the nodes), not on the row labels left of it.
  const start = pan ? panStart(layout, pan.width) : null;
  useLayoutEffect(() => {
    if (start !== null && box.current) box.current.scrollLeft = start;
  }, [start]);
  const share = flowShare(speed);

  const clock = useRef(new VirtualClock());
  const inFlight = useRef(new InFlightMessages());
  const flashes = useRef(new NodeFlashes());
  const [frame, setFrame] = useState<FramePackets>({ nowUs: 0, items: [] });
  const [lit, setLit] = useState<ReadonlyMap<string, FlashKind>>(NO_FLASHES);
  const lastDraw = useRef(0);

  useEffect(() => {
    const offFeed = session.feed.subscribe((events, reset) => {
      if (reset) {
        inFlight.current.clear();
        flashes.current.clear();
      }
      inFlight.current.add(events);
      flashes.current.add(events, performance.now());
    });
    const offSnap = session.onSnapshot((s, reset) =>
      clock.current.report(s.now, selectPlaying(useUiStore.getState()), performance.now(), reset),
    );
    const s = useUiStore.getState().snapshot;
    if (s)
      clock.current.report(s.now, selectPlaying(useUiStore.getState()), performance.now(), true);
    return () => {
      offFeed();
      offSnap();
    };
  }, [session]);

  useAnimationFrame((wallMs) => {
    const nowUs = clock.current.frame(wallMs, reducedMotion);
    if (reducedMotion && wallMs - lastDraw.current < REDUCED_FRAME_MS) return;
    lastDraw.current = wallMs;
    // At flow speeds single messages are a blur: the flow layer draws the links instead.
    const items = share >= 1 ? [] : inFlight.current.at(nowUs, reducedMotion);
    setFrame((prev) =>
      prev.nowUs === nowUs && prev.items.length === 0 && items.length === 0
        ? prev
        : { nowUs, items },
    );
    const on = share >= 1 ? NO_FLASHES : flashes.current.at(wallMs);
    setLit((prev) => (prev.size === 0 && on.size === 0 ? prev : on));
  });

  const linkTouchesSelection = (from: string, to: string) =>
    selected !== null && (from === selected || to === selected);

  return (
    <div
      className={`topology-box${pan ? ' topology-box-pan' : ''}`}
      ref={box}
      // Panning: the box scrolls, so the keyboard must reach it (arrow keys scroll it).
      {...(pan ? { tabIndex: 0, 'aria-label': 'Topology picture, scrolls sideways' } : {})}
    >
      <svg
        className={`topology${share >= 1 ? ' topology-flows' : ''}`}
        style={pan ? { width: pan.width, height: pan.height } : undefined}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMidYMid meet"
        // A group, not an image: the nodes inside are buttons a screen reader must reach.
        role="group"
        aria-labelledby="topology-title"
        aria-describedby="topology-desc"
        data-now-us={Math.round(frame.nowUs)}
        data-view={share >= 1 ? 'flows' : share > 0 ? 'both' : 'packets'}
      >
        <title id="topology-title">Topology</title>
        <desc id="topology-desc">
          {`Region ${topology.region}: ${topology.nodes.map((n) => n.label).join(', ')}. Links: ${topology.links
            .map((l) => `${l.from} to ${l.to}${l.crossAz ? ' (cross-AZ)' : ''}`)
            .join(', ')}.`}
        </desc>
        <defs>
          <pattern
            id="hatch-down"
            width={8}
            height={8}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width={8} height={8} className="hatch-bg" />
            <line x1={0} y1={0} x2={0} y2={8} className="hatch-line" />
          </pattern>
        </defs>
        {layout.region ? (
          <g className="region">
            <rect
              x={layout.region.x}
              y={layout.region.y}
              width={layout.region.width}
              height={layout.region.height}
              rx={14}
            />
            <Title box={layout.region.label} />
          </g>
        ) : null}
        {layout.azs.map((az) => (
          <g key={az.id} className="az">
            <rect x={az.x} y={az.y} width={az.width} height={az.height} rx={10} />
            <Title box={az.label} />
          </g>
        ))}
        {layout.rows.map((row) =>
          row.label ? (
            <g key={row.id} className="topology-row">
              <Title box={row.label} />
              {row.detail ? <Title box={row.detail} /> : null}
            </g>
          ) : null,
        )}
        <g className="links">
          {layout.links.map((l) =>
            !l.drawn ? null : (
              <g
                key={l.key}
                className={`link${l.crossAz ? ' link-cross-az' : ''}${linkTouchesSelection(l.from, l.to) ? ' link-selected' : ''}`}
              >
                <polyline points={routePoints(l.points)} />
                {l.note ? (
                  // Where the layout found room clear of every card (route-links.ts placeNote).
                  <text
                    className="link-note"
                    x={l.note.x + l.note.width / 2}
                    y={l.note.y + l.note.fontSize * 0.95}
                  >
                    {l.note.text}
                  </text>
                ) : null}
              </g>
            ),
          )}
        </g>
        {flows ? (
          <FlowLayer flows={flows} links={links} share={share} still={reducedMotion} />
        ) : null}
        {reducedMotion && share < 1 ? <LinkHighlights frame={frame} links={links} /> : null}
        {topology.nodes.map((node) => {
          const box = layout.nodes.get(node.id);
          return box ? (
            <NodeCard
              key={node.id}
              box={box}
              node={node}
              size={layout.size}
              status={snapshot?.nodes[node.id]}
              opsPerSecond={share > 0 ? (flows?.nodes[node.id] ?? 0) : null}
              flash={lit.get(node.id) ?? null}
              selected={selected === node.id}
              onSelect={(id) => selectNode(selected === id ? null : id)}
            />
          ) : null;
        })}
        {reducedMotion || share >= 1 ? null : (
          <g style={{ opacity: 1 - share }}>
            <PacketLayer frame={frame} links={links} />
          </g>
        )}
      </svg>
    </div>
  );
}
