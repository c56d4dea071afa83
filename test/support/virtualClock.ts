import type { Clock } from '../../main/base/clock';
import { AbortedError } from '../../main/base/backoff';

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly resolve: () => void;
  readonly detach: () => void;
}

/**
 * A clock whose time moves only when everyone using it waits: each sleep is queued, and shortly
 * after (1 ms real time, so pending I/O can start first) the clock jumps to the earliest wake-up
 * and tells `onAdvance` (the emulator's clock route) before waking the sleeper. An hour of waits
 * passes in the time the work between them takes.
 */
export class VirtualClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;

  constructor(
    start: number,
    private readonly onAdvance: (now: number) => Promise<void> = async () => undefined,
  ) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new AbortedError());
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(new AbortedError());
      };
      const timer: Timer = {
        due: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => void this.advance(), 1);
  }

  private async advance(): Promise<void> {
    this.scheduled = false;
    if (this.timers.length === 0) return;
    const due = Math.min(...this.timers.map((t) => t.due));
    if (due > this.current) {
      this.current = due;
      await this.onAdvance(due);
    }
    const ready = this.timers
      .filter((t) => t.due <= this.current)
      .sort((a, b) => a.due - b.due || a.seq - b.seq);
    this.timers = this.timers.filter((t) => t.due > this.current);
    for (const timer of ready) {
      timer.detach();
      timer.resolve();
    }
    if (this.timers.length > 0) this.schedule();
  }
}

/** Real-AWS timings in moto (smooz_timing_profile.py), on a virtual clock shared with the test. */
export interface AwsTimingProfile {
  readonly clock: VirtualClock;
  /** Turns the profile off again (later tests in the file run at moto's speed). */
  off(): Promise<void>;
}

export interface AwsTimingOptions {
  /** Minutes until a deleted Lambda's network interfaces let go of its group (default 20–45). */
  readonly eniReleaseMinutes?: number;
  /** CloudFormation Describe and List calls per second of virtual time before Throttling. */
  readonly throttle?: { readonly perSecond: number; readonly burst: number };
  readonly accounts?: readonly string[];
}

export async function useAwsTimingProfile(
  motoEndpoint: string,
  options: AwsTimingOptions = {},
  start = Date.UTC(2026, 0, 5, 9, 0, 0),
): Promise<AwsTimingProfile> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${motoEndpoint}/moto-api/smooz/${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`moto ${path}: HTTP ${res.status}`);
  };
  await post('timing-profile', { enabled: true, speed: 0, now: start, ...options });
  const clock = new VirtualClock(start, (now) => post('clock', { now }));
  return { clock, off: () => post('timing-profile', { enabled: false }) };
}
