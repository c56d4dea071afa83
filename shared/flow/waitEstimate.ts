const MINUTE = 60_000;

/** How long AWS usually takes for something the app waits on, as a range. */
export interface ExpectedWait {
  readonly minMs: number;
  readonly maxMs: number;
}

/**
 * What AWS usually takes (its documentation and what users report), never what an emulator
 * profile is set to: the figures shown must be as honest against real AWS as in a test.
 */
export const EXPECTED_WAITS = {
  /** The stack: its network load balancer alone usually takes 2–3 minutes, all of it about 5. */
  stackCreate: { minMs: 3 * MINUTE, maxMs: 6 * MINUTE },
  /** A deleted Lambda's network interfaces hold its security group for 20–45 minutes. */
  lambdaInterfaces: { minMs: 20 * MINUTE, maxMs: 45 * MINUTE },
} as const satisfies Record<string, ExpectedWait>;

/**
 * The time left, as the app shows it: a range in whole minutes that only ever shrinks, or — once
 * the usual time is over — "taking longer than usual", never zero or a negative figure while the
 * wait goes on.
 */
export type WaitFigure =
  | { readonly kind: 'left'; readonly minMinutes: number; readonly maxMinutes: number }
  | { readonly kind: 'overdue' };

export function waitFigure(expected: ExpectedWait, elapsedMs: number): WaitFigure {
  const elapsed = Math.max(0, elapsedMs);
  if (elapsed >= expected.maxMs) return { kind: 'overdue' };
  return {
    kind: 'left',
    minMinutes: Math.floor(Math.max(0, expected.minMs - elapsed) / MINUTE),
    maxMinutes: Math.ceil((expected.maxMs - elapsed) / MINUTE),
  };
}
