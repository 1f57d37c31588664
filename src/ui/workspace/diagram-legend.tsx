/** What the diagram's line styles and dots mean, in words. */
export function DiagramLegend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <svg width="36" height="12" aria-hidden="true">
          <line x1="2" y1="6" x2="34" y2="6" className="legend-link" />
        </svg>
        Same-AZ link
      </li>
      <li>
        <svg width="36" height="12" aria-hidden="true">
          <line x1="2" y1="6" x2="34" y2="6" className="legend-link legend-cross" />
        </svg>
        Cross-AZ link (dashed)
      </li>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="6" className="legend-packet" />
        </svg>
        Message on the wire
      </li>
      <li>
        <span className="legend-keys">
          Keys: <kbd>Space</kbd> play/pause · <kbd>→</kbd> step · <kbd>+</kbd>/<kbd>−</kbd> speed ·{' '}
          <kbd>F</kbd> fast-forward
        </span>
      </li>
    </ul>
  );
}
