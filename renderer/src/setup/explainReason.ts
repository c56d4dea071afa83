/**
 * AWS's reason for a failed stack, said in plain words where the cause is a known one: which
 * explanation (a key under `guided:attention.explained`) and the values it names. The raw reason
 * is always shown too; an unknown reason has no explanation rather than a guessed one.
 */
export type ReasonExplanation =
  | { readonly key: 'dnsLookup'; readonly params: { readonly host: string } }
  | { readonly key: 'egress' }
  | { readonly key: 'subnetsMissing' }
  | { readonly key: 'permission'; readonly params: { readonly action: string } }
  | { readonly key: 'nameTaken' }
  | { readonly key: 'quota' }
  | { readonly key: 'throttled' };

const RULES: readonly ((reason: string) => ReasonExplanation | undefined)[] = [
  // The registration Lambda could not resolve the database endpoint inside the VPC.
  (reason) => {
    const host = /DNS lookup of (\S+) failed/.exec(reason)?.[1];
    return host === undefined ? undefined : { key: 'dnsLookup', params: { host } };
  },
  // The Lambda's subnet has no way to the Elastic Load Balancing API (the template's own hint).
  (reason) =>
    /Elastic Load Balancing API|elasticloadbalancing interface endpoint|timed out/i.test(reason)
      ? { key: 'egress' }
      : undefined,
  (reason) => (/subnets? not found/i.test(reason) ? { key: 'subnetsMissing' } : undefined),
  (reason) => {
    const action = /not authorized to perform:? ([\w-]+:[\w*]+)/i.exec(reason)?.[1];
    if (action !== undefined) return { key: 'permission', params: { action } };
    return /AccessDenied/.test(reason) ? { key: 'permission', params: { action: '—' } } : undefined;
  },
  (reason) => (/already exists/i.test(reason) ? { key: 'nameTaken' } : undefined),
  (reason) => (/LimitExceeded|limit exceeded|quota/i.test(reason) ? { key: 'quota' } : undefined),
  (reason) => (/Rate exceeded|Throttl/i.test(reason) ? { key: 'throttled' } : undefined),
];

export function explainStackReason(reason: string): ReasonExplanation | undefined {
  for (const rule of RULES) {
    const found = rule(reason);
    if (found !== undefined) return found;
  }
  return undefined;
}
