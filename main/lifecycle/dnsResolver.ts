import { lookup } from 'node:dns/promises';
import type { ResolveAddresses } from './database';

/**
 * An RDS endpoint is a public DNS name that answers with the database's private address from
 * anywhere (AWS's RDS documentation), so the PC's resolver can tell where the database is now.
 * A name that does not resolve from here (a private hosted zone, no network) is "unknown".
 */
export const resolveWithSystemDns: ResolveAddresses = async (hostname) => {
  try {
    const answers = await lookup(hostname, { all: true, family: 4 });
    return answers.map((a) => a.address).sort();
  } catch {
    return undefined;
  }
};
