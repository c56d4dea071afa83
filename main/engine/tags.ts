import type { Tag } from '@aws-sdk/client-ec2';

/** Every resource the engine creates carries this tag, so it is found again after a crash. */
export const CONNECTION_TAG = 'smooz:connection-id';

export const connectionTags = (connectionId: string, name: string, extra: Tag[] = []): Tag[] => [
  { Key: CONNECTION_TAG, Value: connectionId },
  { Key: 'Name', Value: name },
  ...extra,
];

export const hasConnectionTag = (
  tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined,
  connectionId: string,
): boolean => (tags ?? []).some((t) => t.Key === CONNECTION_TAG && t.Value === connectionId);

/** Which of the app's two groups a security group is (its name may contain either word). */
export const PURPOSE_TAG = 'smooz:purpose';

const RULE_MARK = 'smooz-privatelink';

/**
 * Rule descriptions mark the rules connections added (security group rules have no tags in every
 * API). One rule can serve several connections: two databases behind the same group and port,
 * with load balancers in the same subnets, need the very same CIDR rule, and AWS keeps it once.
 * The description then lists every connection id that needs it, and the rule goes only when the
 * last of them is torn down.
 */
export const ruleDescription = (connectionIds: readonly string[], what: string): string =>
  `${RULE_MARK} ${connectionIds.join(',')} ${what}`;

/** The connection ids and the wording of one of the app's rule descriptions; undefined if not. */
export function parseRuleDescription(
  description: string | undefined,
): { connectionIds: string[]; what: string } | undefined {
  const match = /^smooz-privatelink (\S+) (.+)$/.exec(description ?? '');
  return match ? { connectionIds: (match[1] ?? '').split(','), what: match[2] ?? '' } : undefined;
}
