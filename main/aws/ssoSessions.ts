import { AppError, type AppErrorData } from '../../shared/errors';
import { AwsErrorCodes } from '../../shared/aws/errorCodes';
import type { SsoTarget } from '../../shared/aws/sso';
import { describeProfile, type SsoSessionRef } from './profileCatalog';
import type { IniSection, ParsedAwsFiles } from './sharedConfigFiles';

/** A `[sso-session x]` section as a cache key, or why it cannot be logged in to. */
export function sessionFromSection(
  name: string,
  section: IniSection,
): { ref: SsoSessionRef | null; problem: AppErrorData | null } {
  const missing = ['sso_start_url', 'sso_region'].filter((key) => !section[key]);
  if (missing.length > 0 || !section.sso_start_url || !section.sso_region) {
    return {
      ref: null,
      problem: {
        code: AwsErrorCodes.profileIncomplete,
        params: { profile: `sso-session ${name}`, missing: missing.join(', ') },
      },
    };
  }
  return {
    ref: {
      key: name,
      sessionName: name,
      startUrl: section.sso_start_url,
      region: section.sso_region,
    },
    problem: null,
  };
}

/** The SSO session a login (or an account listing) is for: named directly, or through a profile. */
export function resolveSsoTarget(files: ParsedAwsFiles, target: SsoTarget): SsoSessionRef {
  if ('ssoSession' in target) {
    const section = files.ssoSessions[target.ssoSession];
    if (!section) {
      throw new AppError(AwsErrorCodes.ssoSessionMissing, {
        profile: '',
        session: target.ssoSession,
      });
    }
    const { ref, problem } = sessionFromSection(target.ssoSession, section);
    if (!ref)
      throw new AppError(problem?.code ?? AwsErrorCodes.profileIncomplete, problem?.params ?? {});
    return ref;
  }
  const profile = describeProfile(files, target.profile);
  if (!profile) throw new AppError(AwsErrorCodes.profileNotFound, { profile: target.profile });
  if (!profile.ssoSession) {
    throw new AppError(
      profile.problem?.code ?? AwsErrorCodes.ssoNotSsoProfile,
      profile.problem?.params ?? { profile: target.profile },
    );
  }
  return profile.ssoSession;
}
