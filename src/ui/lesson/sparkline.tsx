import { useMemo } from 'react';
import { extent, line, scaleLinear } from 'd3';

interface Props {
  points: readonly { t: number; v: number }[];
  width?: number;
  height?: number;
}

/** A tiny trend line: d3 computes the path, React renders it. Decorative — the value is in text beside it. */
export function Sparkline({ points, width = 96, height = 24 }: Props) {
  const d = useMemo(() => {
    if (points.length < 2) return '';
    const [t0, t1] = extent(points, (p) => p.t) as [number, number];
    const [v0, v1] = extent(points, (p) => p.v) as [number, number];
    const x = scaleLinear()
      .domain([t0, t1])
      .range([1, width - 1]);
    // A flat series sits in the middle instead of on an edge.
    const y = scaleLinear()
      .domain(v0 === v1 ? [v0 - 1, v1 + 1] : [v0, v1])
      .range([height - 2, 2]);
    return (
      line<{ t: number; v: number }>()
        .x((p) => x(p.t))
        .y((p) => y(p.v))(points as { t: number; v: number }[]) ?? ''
    );
  }, [points, width, height]);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
      data-points={points.length}
      data-last-t={points[points.length - 1]?.t ?? ''}
    >
      <path d={d} />
    </svg>
  );
}
