import { describe, expect, it } from 'vitest';
import { AbortedError, backoffDelay, retryWhile, sleep } from '../../../main/base/backoff';

const policy = { baseDelayMs: 100, maxDelayMs: 1_000, attempts: 4 };

describe('backoff shared by the setup engine and the SMOOZ client', () => {
  it('doubles the step each attempt up to the cap, half of it fixed and half random', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(policy, n, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, () => 1))).toEqual([
      100, 200, 400, 800, 1_000,
    ]);
  });

  it('retries a transient failure until it succeeds', async () => {
    let calls = 0;
    const result = await retryWhile(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('DependencyViolation');
        return 'deleted';
      },
      (error) => (error as Error).message === 'DependencyViolation',
      { policy: { ...policy, baseDelayMs: 1, maxDelayMs: 2 } },
    );
    expect(result).toBe('deleted');
    expect(calls).toBe(3);
  });

  it('gives up after the policy’s attempts and throws the last error', async () => {
    let calls = 0;
    await expect(
      retryWhile(
        async () => {
          calls += 1;
          throw new Error(`busy ${calls}`);
        },
        () => true,
        { policy: { ...policy, baseDelayMs: 1, maxDelayMs: 2 } },
      ),
    ).rejects.toThrow('busy 4');
    expect(calls).toBe(4);
  });

  it('does not retry an error that is not transient', async () => {
    let calls = 0;
    await expect(
      retryWhile(
        async () => {
          calls += 1;
          throw new Error('AccessDenied');
        },
        () => false,
        { policy },
      ),
    ).rejects.toThrow('AccessDenied');
    expect(calls).toBe(1);
  });

  it('stops waiting as soon as the signal fires', async () => {
    const abort = new AbortController();
    const waiting = sleep(60_000, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortedError);
    await expect(sleep(1, abort.signal)).rejects.toBeInstanceOf(AbortedError);
  });

  it('a cancel during the wait between attempts ends the retries', async () => {
    const abort = new AbortController();
    let calls = 0;
    const retrying = retryWhile(
      async () => {
        calls += 1;
        if (calls === 1) setTimeout(() => abort.abort(), 5);
        throw new Error('busy');
      },
      () => true,
      { policy: { baseDelayMs: 60_000, maxDelayMs: 60_000, attempts: 5 }, signal: abort.signal },
    );
    await expect(retrying).rejects.toBeInstanceOf(AbortedError);
    expect(calls).toBe(1);
  });
});
