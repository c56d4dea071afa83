import type { RetryPolicy } from '../services/backoff';

/** How often the engine polls AWS and how long it waits out resources still in use. */
export interface EngineTiming {
  /** Between polls of a stack or an endpoint being created or deleted. */
  readonly pollMs: number;
  /** Deleting a security group still in use: a deleted Lambda's network interfaces linger. */
  readonly dependencyRetry: RetryPolicy;
}

export const DEFAULT_TIMING: EngineTiming = {
  pollMs: 5_000,
  // About fifteen minutes in all: AWS may take that long to release a Lambda's interfaces.
  dependencyRetry: { baseDelayMs: 5_000, maxDelayMs: 30_000, attempts: 40 },
};
