/**
 * An AWS config file of about `bytes` bytes made of four long `source_profile` chains, one ending
 * in each way a chain can end: static keys, an SSO login, a missing source and a loop. Each chain
 * is listed from its last link: `<chain>-<n>` takes its credentials from `<chain>-<n - 1>`.
 */
export const CHAIN_ENDINGS = ['keys', 'sso', 'missing', 'loop'] as const;
export type ChainEnding = (typeof CHAIN_ENDINGS)[number];

export interface LongChains {
  readonly text: string;
  /** Profiles per chain. */
  readonly length: number;
}

const ROLE = 'role_arn = arn:aws:iam::123456789012:role/SmoozChainLink';

function firstLink(ending: ChainEnding, length: number): string {
  switch (ending) {
    case 'keys':
      return 'aws_access_key_id = AKIDCHAINEXAMPLE\naws_secret_access_key = chain/example/secret';
    case 'sso':
      return 'sso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly';
    case 'missing':
      return `${ROLE}\nsource_profile = nobody`;
    case 'loop':
      return `${ROLE}\nsource_profile = loop-${length - 1}`;
  }
}

export function longChainConfig(bytes: number): LongChains {
  const linkBytes = `[profile sso-1]\n${ROLE}\nsource_profile = sso-0\n\n`.length;
  const length = Math.ceil(bytes / CHAIN_ENDINGS.length / linkBytes);
  const parts = [
    '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n',
  ];
  for (const ending of CHAIN_ENDINGS) {
    parts.push(`[profile ${ending}-0]\n${firstLink(ending, length)}\n`);
    for (let n = 1; n < length; n += 1) {
      parts.push(`[profile ${ending}-${n}]\n${ROLE}\nsource_profile = ${ending}-${n - 1}\n`);
    }
  }
  return { text: parts.join('\n'), length };
}
