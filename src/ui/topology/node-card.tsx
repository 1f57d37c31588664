import type { NodeSize, NodeStatus, PlacedNode, TopologyNodeView } from '../../worker';
import { KIND_LABEL } from './layout';
import { NodeGlyph } from './node-glyph';

interface Props {
  box: PlacedNode;
  node: TopologyNodeView;
  size: NodeSize;
  status: NodeStatus | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** Characters of the status line that fit a card / a compact card. */
const DETAIL_CHARS: Record<NodeSize, number> = { card: 25, compact: 12, chip: 0 };

/**
 * One node: pictogram, name, kind and status in words (down is dashed and says DOWN, not just
 * red). Where and how big comes from the layout: cards show the status line, compact cards
 * fold it into one line, chips (a 15-shard picture) keep the name and the up/down mark.
 */
export function NodeCard({ box, node, size, status, selected, onSelect }: Props) {
  const up = status?.up ?? true;
  const detail = status?.detail ?? '';
  const kind = KIND_LABEL[node.kind];
  const label = `${node.label}${node.label === kind ? '' : ` (${kind})`}, ${up ? 'up' : 'down'}${detail ? `: ${detail}` : ''}`;
  const { width: w, height: h } = box;
  const chars = DETAIL_CHARS[size];
  const shown = detail.length > chars ? `${detail.slice(0, chars - 1)}…` : detail;
  const text = box.label;
  return (
    <g
      className={`node node-${node.kind} node-${size}${up ? '' : ' node-down'}${selected ? ' node-selected' : ''}`}
      transform={`translate(${box.x},${box.y})`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={label}
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
        className="node-label"
        x={text.x - box.x}
        y={text.y - box.y + text.fontSize * 0.95}
        style={{ fontSize: text.fontSize }}
      >
        {text.text}
      </text>
      {size === 'card' ? (
        <>
          <text className="node-detail" x={14} y={58}>
            {shown}
          </text>
          <text className="node-status" x={14} y={82}>
            {up ? '● Up' : '✕ DOWN'}
          </text>
        </>
      ) : null}
      {size === 'compact' ? (
        <text className="node-status" x={10} y={h - 10} style={{ fontSize: 12.5 }}>
          {up ? '● Up' : '✕ DOWN'}
          <tspan className="node-detail" dx={6} style={{ fontSize: 12.5, fontWeight: 400 }}>
            {shown}
          </tspan>
        </text>
      ) : null}
    </g>
  );
}
