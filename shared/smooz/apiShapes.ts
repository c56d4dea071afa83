import { z } from 'zod';
import {
  connectionStatusValues,
  connectivityTestResultBrokenLinkValues,
  connectivityTestResultCheckedValues,
  connectivityTestResultOutcomeValues,
} from '../smooz-api/openapi-types';

/**
 * SMOOZ API shapes that persisted records hold (the guided record keeps SMOOZ's status and its
 * connectivity test). The enums come from `shared/smooz-api/openapi.yaml`, so they cannot drift.
 */
type NonEmpty<T> = readonly [T, ...T[]];
export const asEnum = <T extends string>(values: ReadonlyArray<T>) =>
  values as unknown as NonEmpty<T>;

export const SmoozConnectionStatusSchema = z.enum(asEnum(connectionStatusValues));
export type SmoozConnectionStatus = z.infer<typeof SmoozConnectionStatusSchema>;

export const StatusReasonSchema = z.object({ code: z.string(), message: z.string() });

/** The first broken link of a failed connectivity test (SMOOZ API `brokenLink`). */
const SmoozBrokenLinkSchema = z.enum(asEnum(connectivityTestResultBrokenLinkValues));

export const SmoozConnectivityTestResultSchema = z.object({
  connectionId: z.string(),
  outcome: z.enum(asEnum(connectivityTestResultOutcomeValues)),
  checked: z.enum(asEnum(connectivityTestResultCheckedValues)).exactOptional(),
  brokenLink: SmoozBrokenLinkSchema.exactOptional(),
  target: z.object({ address: z.string(), port: z.number().int() }).exactOptional(),
  reason: StatusReasonSchema.exactOptional(),
  checkedAt: z.string(),
});
export type SmoozConnectivityTestResult = z.infer<typeof SmoozConnectivityTestResultSchema>;
