import { memo, useLayoutEffect, useRef } from 'react';
import type { NodeGauge, NodeSize, NodeStatus, PlacedNode, TopologyNodeView } from '../../worker';
import type { FlashKind } from './flashes';
import { KIND_LABEL } from './layout';
import { NodeGlyph } from './node-glyph';
import { formatOps } from './rates';
import { wrapPhrases } from './wrap';

interface Props {
  box: PlacedNode;
  node: TopologyNodeView;
  size: NodeSize;
  status: NodeStatus | undefined;
  /** Requests per second through the node (flow view), or null while packets are shown. */
  opsPerSecond: number | null;
  flash: FlashKind | null;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** Text on the canvas is never smaller than this (readable on a projector at 1280 × 720). */
const MIN_FONT = 14;
/** Characters of 14 px text per line inside a card (220 px wide, 14 px padding). */
const CARD_LINE_CHARS = 25;

/**
 * One node: pictogram, name, and its state in words and bars (down is dashed and says DOWN,
 * not just red). Cards show the key state as meters (memory against maxmemory, CPU) or the
 * status in whole phrases; compact cards keep the name, up/down, ops/s and a memory bar; chips
 * (a 15-shard picture) the name and the up/down mark. Everything is in the node's panel too.
 */
export const NodeCard = memo(function NodeCard({
  box,
  node,
  size,
  status,
  opsPerSecond,
  flash,
  selected,
  onSelect,
}: Props) {
  const up = status?.up ?? true;
  const detail = status?.detail ?? '';
  const gauges = status?.gauges ?? [];
  const kind = KIND_LABEL[node.kind];
  const label = `${node.label}${node.label === kind ? '' : ` (${kind})`}, ${up ? 'up' : 'down'}${detail ? `: ${detail}` : ''}`;
  const { width: w, height: h } = box;
  const text = box.label;
  const ops = opsPerSecond !== null && up ? ` · ${formatOps(opsPerSecond)}` : '';
  const upText = up ? '● Up' : '✕ DOWN';
  const bars = gauges.filter((g) => g.max !== undefined);
  const labelRef = useRef<SVGTextElement>(null);
  const room = w - (text.x - box.x) - 6;
  // The layout fits labels by an estimate of glyph widths; a wider font (DejaVu Sans Bold on
  // Linux) is squeezed into the card rather than spilling over its edge.
  useLayoutEffect(() => {
    const el = labelRef.current;
    if (!el || typeof el.getComputedTextLength !== 'function') return;
    el.removeAttribute('textLength');
    if (el.getComputedTextLength() > room) {
      el.setAttribute('textLength', String(room));
      el.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    }
  }, [text.text, room, size]);
  return (
    <g
      className={`node node-${node.kind} node-${size}${up ? '' : ' node-down'}${selected ? ' node-selected' : ''}${flash ? ` node-flash-${flash}` : ''}`}
      transform={`translate(${box.x},${box.y})`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={label}
      data-node={node.id}
      onClick={() => onSelect(node.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(node.id);
        }
      }}
    >
      <title>{label}</title>
      <rect className="node-box" width={w} height={h} rx={size === 'chip' ? 6 : 10} />
      {size === 'chip' ? (
        <text className="node-status" x={6} y={h / 2 + 4.5} style={{ fontSize: 12 }}>
          {up ? '●' : '✕'}
        </text>
      ) : (
        <g transform={`translate(${size === 'card' ? 24 : 15},${size === 'card' ? 24 : 17})`}>
          <NodeGlyph kind={node.kind} />
        </g>
      )}
      <text
        ref={labelRef}
        className="node-label"
        x={text.x - box.x}
        y={text.y - box.y + text.fontSize * 0.95}
        style={{ fontSize: size === 'chip' ? text.fontSize : Math.max(MIN_FONT, text.fontSize) }}
      >
        {text.text}
      </text>
      {size === 'card' ? (
        <>
          {bars.length > 0 ? (
            bars
              .slice(0, 2)
              .map((g, i) => (
                <Meter key={g.label} gauge={g} x={12} y={40 + i * 20} width={w - 24} />
              ))
          ) : (
            <text className="node-detail" x={14} y={56}>
              {wrapPhrases(detail, CARD_LINE_CHARS, 2).map((line, i) => (
                <tspan key={i} x={14} dy={i === 0 ? 0 : 17}>
                  {line}
                </tspan>
              ))}
            </text>
          )}
          <text className="node-status" x={14} y={h - 8}>
            {upText}
            <tspan className="node-ops">{ops}</tspan>
          </text>
        </>
      ) : null}
      {size === 'compact' ? (
        <>
          <text className="node-status" x={10} y={h - 10} style={{ fontSize: MIN_FONT }}>
            {upText}
            <tspan className="node-ops">{ops}</tspan>
          </text>
          {bars[0] ? <MiniBar gauge={bars[0]} x={10} y={h - 5} width={w - 20} /> : null}
        </>
      ) : null}
      {flash ? (
        <g className="node-flash" aria-hidden="true">
          <rect className="node-flash-ring" x={-4} y={-4} width={w + 8} height={h + 8} rx={12} />
          <text className="node-flash-word" x={w - 8} y={-8}>
            {flash === 'hit' ? 'HIT' : 'MISS'}
          </text>
        </g>
      ) : null}
    </g>
  );
});

/** A labelled bar: the text sits on the bar, which fills in proportion to value / max. */
function Meter({ gauge, x, y, width }: { gauge: NodeGauge; x: number; y: number; width: number }) {
  const f = Math.min(1, Math.max(0, gauge.value / (gauge.max ?? 1)));
  return (
    <g className="meter" transform={`translate(${x},${y})`}>
      <rect className="meter-track" width={width} height={18} rx={4} />
      <rect className="meter-fill" width={Math.max(0, width * f)} height={18} rx={4} />
      <text className="meter-text" x={6} y={14}>
        {gauge.label} {gauge.text}
      </text>
    </g>
  );
}

/** The first bar of a compact card: no text (the panel has it), a thin line along the bottom. */
function MiniBar({
  gauge,
  x,
  y,
  width,
}: {
  gauge: NodeGauge;
  x: number;
  y: number;
  width: number;
}) {
  const f = Math.min(1, Math.max(0, gauge.value / (gauge.max ?? 1)));
  return (
    <g className="meter meter-mini" transform={`translate(${x},${y})`} aria-hidden="true">
      <rect className="meter-track" width={width} height={3} />
      <rect className="meter-fill" width={width * f} height={3} />
    </g>
  );
}
