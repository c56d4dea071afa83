import { z } from 'zod';
import type { DeepReadonly } from './readonly';

/**
 * The endpoint service requires acceptance: the app accepts the one endpoint SMOOZ reported for
 * this connection, only when it comes from SMOOZ's account, and rejects every other request it
 * finds pending on the service. Each rejection is recorded as it happens, so a restart neither
 * repeats nor forgets one.
 */
export const EndpointAcceptanceSchema = z.object({
  /** SMOOZ's interface endpoint (its status API's `vpcEndpointId`). */
  vpcEndpointId: z.string().regex(/^vpce-[0-9a-f]+$/),
  /** Set once the endpoint connection is accepted (or found accepted already). */
  acceptedAt: z.iso.datetime().optional(),
  /** Other pending requests on the service, rejected. */
  rejected: z.array(z.object({ vpcEndpointId: z.string(), ownerAccountId: z.string() })),
});
export type EndpointAcceptance = DeepReadonly<z.infer<typeof EndpointAcceptanceSchema>>;
