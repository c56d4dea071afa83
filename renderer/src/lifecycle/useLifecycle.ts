import { useIpcQuery } from '../data/useIpcQuery';

/** Which account and region to look through; `attempt` counts the user's "find" clicks. */
export interface ScanTarget {
  readonly profile: string;
  readonly region: string;
  readonly attempt: number;
}

/**
 * The setups in an account and region, with their diagnosis. A scan runs only when asked: it
 * reads the whole account and runs SMOOZ's connectivity test. Adoptions change beside it (below).
 */
export function useExistingSetups(target: ScanTarget | undefined) {
  return useIpcQuery(
    (client) =>
      client.call('lifecycle:scan', {
        profile: target?.profile ?? '',
        region: target?.region ?? '',
      }),
    { key: target ? `${target.profile}|${target.region}|${target.attempt}` : null },
  );
}

/** The adoptions kept on this computer, current with every pushed transition. */
export function useAdoptions() {
  return useIpcQuery((client) => client.call('lifecycle:listAdoptions'), {
    follow: ['lifecycle:adoptionChanged'],
  });
}
