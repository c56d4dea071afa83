import { realClock, type Clock } from '../base/clock';
import type { RetryPolicy } from '../base/backoff';

/**
 * How often to look again while AWS works: soon after something moved (the next change often
 * follows), then less and less often while nothing moves, so a long quiet wait costs few calls.
 */
export interface PollPolicy {
  /** The first wait after a change (and the first poll). */
  readonly fastMs: number;
  /** The longest wait between two polls while nothing moves. */
  readonly idleMaxMs: number;
}

/** The poll policy's next wait: back to `fastMs` after a change, else half as long again. */
export function nextPollMs(policy: PollPolicy, previousMs: number | undefined, moved: boolean) {
  if (moved || previousMs === undefined) return policy.fastMs;
  return Math.min(policy.idleMaxMs, Math.round(previousMs * 1.5));
}

/** How often the engine polls AWS, on which clock, and how it waits out resources still in use. */
export interface EngineTiming {
  /** Every wait goes through it (tests run the engine and the emulator on one fast clock). */
  readonly clock: Clock;
  /** A stack being created or deleted, an endpoint being deleted. */
  readonly poll: PollPolicy;
  /**
   * A security group a deleted Lambda's network interfaces still hold: AWS releases them 20–45
   * minutes after the function goes, and nothing can speed that up, so the wait has no cap (the
   * user can stop it) and tries less often as it goes on.
   */
  readonly interfaceWait: PollPolicy;
}

export const DEFAULT_TIMING: EngineTiming = {
  clock: realClock,
  // A change that follows another reaches the screen within a second; after a quiet spell the
  // UI may show a change up to 15 s late. A poll is one DescribeStackEvents call (the newest page
  // only), so a five-minute stack costs tens of calls, not hundreds.
  poll: { fastMs: 1_000, idleMaxMs: 15_000 },
  // About 30 DeleteSecurityGroup attempts for a 45-minute wait.
  interfaceWait: { fastMs: 5_000, idleMaxMs: 120_000 },
};

/**
 * A listing that lags what AWS just did (the NLB's interfaces, the connection SMOOZ reported): a
 * minute or so of retries, on the engine's clock.
 */
export const LISTING_RETRY: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 10_000, attempts: 10 };
