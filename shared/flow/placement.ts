import { z } from 'zod';
import { UPDATER_PLACEMENTS, type UpdaterPlacement } from '../stack/templateParameters';
import type { DatabaseRecord } from './database';

export const UpdaterPlacementSchema = z.enum(UPDATER_PLACEMENTS);

/** Why a placement is recommended; the renderer words `setup:placement.reason.<reason>`. */
export type PlacementReason = 'publicDatabase' | 'privateDatabase';

export interface PlacementRecommendation {
  readonly placement: UpdaterPlacement;
  readonly reason: PlacementReason;
}

/**
 * A non-public database's name resolves to its private address from anywhere, so the updater
 * needs no VPC; a publicly accessible one's resolves to its public address outside the VPC, which
 * the target group cannot use, so the updater must ask the VPC's resolver from inside.
 */
export function recommendPlacement(
  database: Pick<DatabaseRecord, 'publiclyAccessible'>,
): PlacementRecommendation {
  return database.publiclyAccessible
    ? { placement: 'insideVpc', reason: 'publicDatabase' }
    : { placement: 'outsideVpc', reason: 'privateDatabase' };
}

export const runsInVpc = (plan: { readonly updaterPlacement: UpdaterPlacement }): boolean =>
  plan.updaterPlacement === 'insideVpc';
