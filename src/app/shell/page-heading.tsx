import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. After a hash navigation focus moves here and the document title follows, so
 * screen-reader users hear where they landed.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ElastiCache Simulator`;
    if (document.activeElement && document.activeElement !== document.body)
      ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  );
}
