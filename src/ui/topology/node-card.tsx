import type { NodeStatus } from '../../worker';
import { KIND_LABEL, NODE_H, NODE_W, type NodeBox } from './layout';
import { NodeGlyph } from './node-glyph';

interface Props {
  box: NodeBox;
  status: NodeStatus | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
}

const DETAIL_CHARS = 23;

/** One node: pictogram, name, kind and status in words (down is dashed and says DOWN, not just red). */
export function NodeCard({ box, status, selected, onSelect }: Props) {
  const { node } = box;
  const up = status?.up ?? true;
  const detail = status?.detail ?? '';
  const kind = KIND_LABEL[node.kind];
  const label = `${node.label}${node.label === kind ? '' : ` (${kind})`}, ${up ? 'up' : 'down'}${detail ? `: ${detail}` : ''}`;
  const left = -NODE_W / 2;
  const top = -NODE_H / 2;
  return (
    <g
      className={`node node-${node.kind}${up ? '' : ' node-down'}${selected ? ' node-selected' : ''}`}
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
      <rect className="node-box" x={left} y={top} width={NODE_W} height={NODE_H} rx={10} />
      <g transform={`translate(${left + 24},${top + 24})`}>
        <NodeGlyph kind={node.kind} />
      </g>
      <text className="node-label" x={left + 46} y={top + 30}>
        {node.label}
      </text>
      <text className="node-detail" x={left + 14} y={top + 58}>
        {detail.length > DETAIL_CHARS ? `${detail.slice(0, DETAIL_CHARS - 1)}…` : detail}
      </text>
      <text className="node-status" x={left + 14} y={top + 82}>
        {up ? '● Up' : '✕ DOWN'}
      </text>
    </g>
  );
}
