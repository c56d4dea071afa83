import type { awsChannels } from '../../shared/ipc/channels/aws';
import { loadAwsFiles } from '../aws/sharedConfigFiles';
import { resolveSsoTarget } from '../aws/ssoSessions';
import { readSsoToken, ssoLoginStatus } from '../aws/sso/tokenCache';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

export function createAwsHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof awsChannels> {
  const sessionFor = async (target: Parameters<typeof resolveSsoTarget>[1]) =>
    resolveSsoTarget(await loadAwsFiles(services.awsPaths), target);
  return {
    'aws:listProfiles': () => services.awsAccess.listProfiles(),
    'aws:callerIdentity': ({ profile, region }) =>
      services.awsAccess.callerIdentity(profile, region),
    'aws:ssoLoginStart': async ({ target, flow }) =>
      services.ssoLogins.start(await sessionFor(target), flow),
    'aws:ssoLoginCancel': async ({ loginId }) => ({
      cancelled: services.ssoLogins.cancel(loginId),
    }),
    'aws:ssoOpenVerificationPage': async ({ loginId }) => {
      await services.ssoLogins.openVerificationPage(loginId);
    },
    'aws:ssoLoginStatus': async ({ target }) => {
      const session = await sessionFor(target);
      return ssoLoginStatus(await readSsoToken(session.key), new Date());
    },
    'aws:ssoListAccounts': async ({ target }) =>
      services.ssoPortal.listAccounts(await sessionFor(target)),
    'aws:ssoListAccountRoles': async ({ target, accountId }) =>
      services.ssoPortal.listAccountRoles(await sessionFor(target), accountId),
    'aws:ssoWatchSession': async ({ target }) => {
      const session = await sessionFor(target);
      services.ssoSessionWatch.watch(session);
      // A login already about to end is announced now, not a minute later.
      await services.ssoSessionWatch.checkAll();
      return ssoLoginStatus(await readSsoToken(session.key), new Date());
    },
    'aws:ssoUnwatchSession': async ({ target }) => ({
      stopped: services.ssoSessionWatch.unwatch((await sessionFor(target)).key),
    }),
  };
}
