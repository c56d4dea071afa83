import type { ReactNode } from 'react';

/**
 * One labelled value in a `facts` list. The wrapper puts label and value on one grid line, so a
 * long value (an ARN, AWS's reason) wraps beside its label instead of under it.
 */
export function FactRow({
  label,
  testId,
  children,
}: {
  label: string;
  /** Names the value (not the row) for tests that read it. */
  testId?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="facts-row">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
