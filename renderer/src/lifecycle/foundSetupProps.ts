import type { AdoptionState } from '../../../shared/lifecycle/adopt';
import type { ScannedSetup } from '../../../shared/lifecycle/scan';

/** What a found setup's card and its migration panel are both drawn from. */
export interface FoundSetupProps {
  readonly found: ScannedSetup;
  /** The adoption as kept now (pushed), newer than the scan's. */
  readonly adoption: AdoptionState | undefined;
  /** SMOOZ's account (the scan's), which the new setup's endpoint service allows. */
  readonly smoozAccountId: string;
}
