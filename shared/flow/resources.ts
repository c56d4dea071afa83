import { z } from 'zod';
import type { DeepReadonly } from './readonly';

/** Rules and groups are only ever opened on one TCP port from one named source. */
const RuleSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('securityGroup'), groupId: z.string().min(1) }),
  z.object({ type: z.literal('cidr'), cidr: z.string().min(1) }),
]);
export type RuleSource = DeepReadonly<z.infer<typeof RuleSourceSchema>>;

/**
 * What this connection created in the customer's account — the ledger teardown works from. Every
 * entry is also tagged in AWS with the connection id, so resources created just before a crash
 * (and never written here) are still found.
 */
export const CreatedResourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('securityGroup'),
    purpose: z.enum(['lambda', 'endpoints']),
    groupId: z.string().min(1),
    groupName: z.string().min(1),
    vpcId: z.string().min(1),
  }),
  z.object({
    kind: z.literal('ingressRule'),
    groupId: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    source: RuleSourceSchema,
  }),
  z.object({
    kind: z.literal('vpcEndpoint'),
    endpointId: z.string().min(1),
    serviceName: z.string().min(1),
  }),
  z.object({
    kind: z.literal('stack'),
    stackName: z.string().min(1),
    stackId: z.string().min(1),
  }),
]);
export type CreatedResource = DeepReadonly<z.infer<typeof CreatedResourceSchema>>;

/** A stable identity for a ledger entry, so recording the same resource twice is a no-op. */
export function resourceKey(resource: CreatedResource): string {
  switch (resource.kind) {
    case 'securityGroup':
      return `sg:${resource.groupId}`;
    case 'ingressRule': {
      const from =
        resource.source.type === 'securityGroup' ? resource.source.groupId : resource.source.cidr;
      return `rule:${resource.groupId}:${resource.port}:${from}`;
    }
    case 'vpcEndpoint':
      return `vpce:${resource.endpointId}`;
    case 'stack':
      return `stack:${resource.stackName}`;
  }
}

/**
 * An interface endpoint (or its group) another connection still reaches its API through: left in
 * place and re-tagged with that connection's id, whose teardown then removes it.
 */
export const HandedOverSchema = z.object({
  resource: CreatedResourceSchema,
  connectionId: z.string().min(1),
});
export type HandedOver = DeepReadonly<z.infer<typeof HandedOverSchema>>;

export const TeardownReportSchema = z.object({
  removed: z.array(CreatedResourceSchema),
  /** Resources found gone already (deleted by hand, or never fully created). */
  alreadyGone: z.array(CreatedResourceSchema),
  handedOver: z.array(HandedOverSchema).optional(),
});
export type TeardownReport = DeepReadonly<z.infer<typeof TeardownReportSchema>>;
