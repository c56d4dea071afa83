import type { Tag } from '@aws-sdk/client-ec2';

/** Every resource the engine creates carries this tag, so it is found again after a crash. */
export const CONNECTION_TAG = 'smooz:connection-id';

export const connectionTags = (connectionId: string, name: string): Tag[] => [
  { Key: CONNECTION_TAG, Value: connectionId },
  { Key: 'Name', Value: name },
];

export const hasConnectionTag = (
  tags: readonly { Key?: string; Value?: string }[] | undefined,
  connectionId: string,
): boolean => (tags ?? []).some((t) => t.Key === CONNECTION_TAG && t.Value === connectionId);

/** Rule descriptions mark the rules this connection added (security group rules have no tags in every API). */
export const ruleDescription = (connectionId: string, what: string): string =>
  `smooz-privatelink ${connectionId} ${what}`;
