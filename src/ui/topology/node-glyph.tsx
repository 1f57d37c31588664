import type { NodeKind } from '../../worker';

/** A small pictogram per node kind, so kinds differ by shape as well as by colour. */
export function NodeGlyph({ kind }: { kind: NodeKind }) {
  switch (kind) {
    case 'client':
      return (
        <g className="glyph">
          <rect x={-11} y={-9} width={22} height={15} rx={2} />
          <path d="M-5 10h10M0 6v4" />
        </g>
      );
    case 'lb':
      return (
        <g className="glyph">
          <circle r={10} />
          <path d="M-6 0h12M2-4l4 4-4 4" />
        </g>
      );
    case 'app':
      return (
        <g className="glyph">
          <rect x={-11} y={-10} width={22} height={8} rx={2} />
          <rect x={-11} y={1} width={22} height={8} rx={2} />
          <circle cx={-6} cy={-6} r={1.2} />
          <circle cx={-6} cy={5} r={1.2} />
        </g>
      );
    case 'cache':
      return (
        <g className="glyph">
          <path d="M2-11 -7 2h6l-2 10 9-13H0z" />
        </g>
      );
    case 'db':
      return (
        <g className="glyph">
          <ellipse cx={0} cy={-7} rx={10} ry={4} />
          <path d="M-10-7v14c0 2.2 4.5 4 10 4s10-1.8 10-4V-7M-10 0c0 2.2 4.5 4 10 4s10-1.8 10-4" />
        </g>
      );
  }
}
