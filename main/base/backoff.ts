/** Thrown when a wait is cut short because its signal fired (a cancel, a shutdown). */
export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries from
 * many clients spread out but never retry at once.
 */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Resolves after `ms`, or rejects with AbortedError at once when the signal fires. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A backoff policy with the number of attempts (the first try included). */
export interface RetryPolicy extends BackoffPolicy {
  readonly attempts: number;
}

export interface RetryOptions {
  readonly policy: RetryPolicy;
  /** The waits between attempts go through it (tests run on an accelerated clock). */
  readonly clock: { sleep(ms: number, signal?: AbortSignal): Promise<void> };
  readonly signal?: AbortSignal | undefined;
  readonly random?: (() => number) | undefined;
}

/**
 * Runs the action again, with backoff, while it fails with an error `transient` accepts; the last
 * error (or the first one that is not transient) is thrown.
 */
export async function retryWhile<T>(
  action: () => Promise<T>,
  transient: (error: unknown) => boolean,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= options.policy.attempts || !transient(error)) throw error;
      await options.clock.sleep(
        backoffDelay(options.policy, attempt, options.random),
        options.signal,
      );
    }
  }
}
