/** Thrown when a wait is cut short because the flow was cancelled. */
export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

/** Waits, unless the signal fires first. */
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

export interface RetryOptions {
  readonly attempts: number;
  readonly delayMs: number;
  readonly signal?: AbortSignal;
}

/**
 * Retries while AWS reports a state that resolves itself (a dependency still being deleted).
 * Throttling is not handled here: the SDK's own retry strategy backs off on it.
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
      if (attempt >= options.attempts || !transient(error)) throw error;
      await sleep(options.delayMs, options.signal);
    }
  }
}
