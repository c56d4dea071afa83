import type { OperationId } from './openapiDocument';

/**
 * Failures the tests ask the reference server for, each for the next `times` calls of an
 * operation: an error status before anything is done, or a dropped connection after the work is
 * done (the client never sees the answer).
 */
export type FaultAction =
  | {
      readonly kind: 'status';
      readonly status: 500 | 502 | 503 | 504;
      readonly retryAfterS?: number;
    }
  | { readonly kind: 'drop-after-processing' };

interface Rule {
  readonly operationId: OperationId;
  remaining: number;
  readonly action: FaultAction;
}

export class FaultPlan {
  private rules: Rule[] = [];

  inject(operationId: OperationId, action: FaultAction, times = 1): void {
    this.rules.push({ operationId, action, remaining: times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this call, if one is due; consumes one use of it. */
  take(operationId: OperationId): FaultAction | undefined {
    const rule = this.rules.find((r) => r.operationId === operationId && r.remaining > 0);
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.action;
  }
}
