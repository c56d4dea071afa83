import { AppError, ErrorCodes } from '../../shared/errors';
import { AwsErrorCodes } from '../../shared/aws/errorCodes';
import { isSsoBrowserUrl } from '../aws/sso/ssoBrowserLinks';

/** Only https links to allow-listed hosts (or their subdomains) may leave the app. */
export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** The system browser itself (Electron's `shell.openExternal`); never handed to a caller. */
export type OpenInBrowser = (url: string) => Promise<void>;

/**
 * The only way out to the system browser. Each opener checks its URL itself, so no caller (an
 * IPC handler, the window's link handler, an SSO login) can open a link unchecked.
 */
export interface ExternalLinks {
  /** A link from the app's pages: https to an allow-listed host. */
  openAppLink(url: string): Promise<void>;
  /** A page of an SSO login: IAM Identity Center's hosts, or the configured OIDC endpoint. */
  openSsoPage(url: string): Promise<void>;
}

export interface ExternalLinkRules {
  readonly allowedHosts: readonly string[];
  /**
   * `AWS_ENDPOINT_URL_SSO_OIDC`, the SDK's documented override (the tests' fake OIDC server),
   * read when a page is opened, as the SDK reads it when a login starts.
   */
  readonly ssoOidcEndpoint?: () => string | undefined;
}

export function createExternalLinks(open: OpenInBrowser, rules: ExternalLinkRules): ExternalLinks {
  return {
    async openAppLink(url) {
      if (!isAllowedExternalUrl(url, rules.allowedHosts)) {
        throw new AppError(ErrorCodes.urlNotAllowed, { url });
      }
      await open(url);
    },
    async openSsoPage(url) {
      if (!isSsoBrowserUrl(url, rules.ssoOidcEndpoint?.() ?? null)) {
        throw new AppError(AwsErrorCodes.ssoBrowserUrlRejected, { url: originOf(url) });
      }
      await open(url);
    },
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid';
  }
}
