import type { RetryPolicy } from '../base/backoff';

/** How often the engine polls AWS and how long it waits out resources still in use. */
export interface EngineTiming {
  /** Between polls of a stack being created or deleted, or of an endpoint being deleted. */
  readonly pollMs: number;
  /** Deleting a security group still in use: a deleted Lambda's network interfaces linger. */
  readonly dependencyRetry: RetryPolicy;
}

export const DEFAULT_TIMING: EngineTiming = {
  // The UI shows a finished stack up to one poll late, so the poll sets that delay (5 s was over
  // the 2 s target). A poll is one DescribeStacks and one DescribeStackEvents for a single stack;
  // a throttled call is still retried by the SDK with exponential backoff and jitter (five
  // attempts, clientFactory.ts) before the next poll is due.
  pollMs: 1_000,
  // About fifteen minutes in all: AWS may take that long to release a Lambda's interfaces.
  dependencyRetry: { baseDelayMs: 5_000, maxDelayMs: 30_000, attempts: 40 },
};
