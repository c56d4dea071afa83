import { describe, expect, it } from 'vitest';
import { AbortedError, backoffDelay, sleep } from '../../../main/base/backoff';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };

describe('backoff shared by the setup engine and the SMOOZ client', () => {
  it('doubles the step each attempt up to the cap, half of it fixed and half random', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, () => 1))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
  });

  it('stops waiting as soon as the signal fires', async () => {
    const abort = new AbortController();
    const waiting = sleep(60_000, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    await expect(sleep(1, abort.signal)).rejects.toBeInstanceOf(AbortedError);
  });
});
