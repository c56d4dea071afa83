import type { ReactNode } from 'react';

/**
 * A button that acts on one row of a list. Its accessible name says which row (`named`), so a
 * screen reader, a test or a support call never has to tell five "Resume" buttons apart.
 */
export function RowAction({
  named,
  onClick,
  disabled,
  className,
  children,
}: {
  named: string;
  onClick: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={named}
      className={className}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
