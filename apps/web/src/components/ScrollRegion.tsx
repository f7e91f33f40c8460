import type { CSSProperties, ReactNode } from 'react';

/**
 * A wide table at 768 px scrolls sideways inside this region, which takes keyboard focus (so it
 * can be scrolled without a mouse) and is named for screen readers.
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div
      className="saeil-scroll"
      tabIndex={0}
      role="region"
      aria-label={label}
      style={{ '--saeil-min-width': `${minWidth}px` } as CSSProperties}
    >
      {children}
    </div>
  );
}
