/**
 * AWS Lambda's end-of-support dates for the runtimes an updater function may run on, as AWS's
 * runtime table gives them (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html), checked
 * 2026-12-02 against cfn-lint 1.51.0's copy of that table (a unit test keeps them equal).
 * `deprecated`: no more security patches; `createBlock`: no new functions;
 * `updateBlock`: the function's code and configuration can no longer be changed.
 * AWS has moved these dates before (python3.9's blocks were first set for 2026): update this table
 * with cfn-lint, not by hand.
 */
export interface RuntimeLifecycle {
  readonly deprecated: string;
  readonly createBlock: string;
  readonly updateBlock: string;
  /** The runtime AWS names as its successor. */
  readonly successor: string;
}

export const RUNTIMES_CHECKED_ON = '2026-12-02';

export const RUNTIME_LIFECYCLE: Readonly<Record<string, RuntimeLifecycle>> = {
  'python3.8': {
    deprecated: '2024-10-14',
    createBlock: '2027-02-01',
    updateBlock: '2027-03-03',
    successor: 'python3.14',
  },
  'python3.9': {
    deprecated: '2025-12-15',
    createBlock: '2027-02-01',
    updateBlock: '2027-03-03',
    successor: 'python3.14',
  },
  'python3.10': {
    deprecated: '2026-10-31',
    createBlock: '2027-02-01',
    updateBlock: '2027-03-03',
    successor: 'python3.14',
  },
  'python3.11': {
    deprecated: '2027-06-30',
    createBlock: '2027-07-31',
    updateBlock: '2027-08-31',
    successor: 'python3.14',
  },
  'python3.12': {
    deprecated: '2028-10-31',
    createBlock: '2028-11-30',
    updateBlock: '2029-01-10',
    successor: 'python3.14',
  },
  'python3.13': {
    deprecated: '2029-06-30',
    createBlock: '2029-07-31',
    updateBlock: '2029-08-31',
    successor: 'python3.14',
  },
  'python3.14': {
    deprecated: '2029-06-30',
    createBlock: '2029-07-31',
    updateBlock: '2029-08-31',
    successor: 'python3.14',
  },
  'nodejs16.x': {
    deprecated: '2024-06-12',
    createBlock: '2027-02-01',
    updateBlock: '2027-03-03',
    successor: 'nodejs24.x',
  },
  'nodejs18.x': {
    deprecated: '2025-09-01',
    createBlock: '2027-02-01',
    updateBlock: '2027-03-03',
    successor: 'nodejs24.x',
  },
  'nodejs20.x': {
    deprecated: '2026-04-30',
    createBlock: '2027-02-01',
    updateBlock: '2027-03-03',
    successor: 'nodejs24.x',
  },
  'nodejs22.x': {
    deprecated: '2027-04-30',
    createBlock: '2027-06-01',
    updateBlock: '2027-07-01',
    successor: 'nodejs24.x',
  },
  'nodejs24.x': {
    deprecated: '2028-04-30',
    createBlock: '2028-06-01',
    updateBlock: '2028-07-01',
    successor: 'nodejs24.x',
  },
};

/** Where a runtime stands on a given day (ISO date, `YYYY-MM-DD`). */
export type RuntimeStanding =
  | {
      readonly stage: 'updateBlocked' | 'createBlocked' | 'deprecated';
      readonly life: RuntimeLifecycle;
    }
  /** Deprecation within a year: plan the move. */
  | { readonly stage: 'endingSoon'; readonly life: RuntimeLifecycle }
  | { readonly stage: 'supported'; readonly life: RuntimeLifecycle }
  /** Not in the table: older than every listed runtime (long blocked) or unknown. */
  | { readonly stage: 'unknown' };

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function runtimeStanding(runtime: string, today: string): RuntimeStanding {
  const life = RUNTIME_LIFECYCLE[runtime];
  if (!life) return { stage: 'unknown' };
  if (today >= life.updateBlock) return { stage: 'updateBlocked', life };
  if (today >= life.createBlock) return { stage: 'createBlocked', life };
  if (today >= life.deprecated) return { stage: 'deprecated', life };
  if (Date.parse(life.deprecated) - Date.parse(today) <= YEAR_MS)
    return { stage: 'endingSoon', life };
  return { stage: 'supported', life };
}
