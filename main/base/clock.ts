import { sleep } from './backoff';

/**
 * Where the engine's time comes from: every wait and every "since when" goes through one clock,
 * so a test can run the engine and the emulated AWS on the same accelerated time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` of this clock's time, or rejects with AbortedError when the signal fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, signal),
};
