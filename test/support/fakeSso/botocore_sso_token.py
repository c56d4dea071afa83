"""Reads (and, near its end, renews) an SSO token the way the AWS CLI does, with botocore.

The AWS CLI's `[sso-session]` token handling is botocore's SSOTokenProvider: it finds the file in
~/.aws/sso/cache by the sha1 of the session name, renews the token with the refresh token when
less than 15 minutes are left (writing the file back in its own format), and hands out the access
token. A legacy profile (sso_start_url in the profile) has its token read by SSOTokenLoader under
the sha1 of the start URL, as the CLI's SSO credential provider does, without renewal.

Usage: botocore_sso_token.py <profile> | botocore_sso_token.py --legacy <start url>; HOME,
AWS_CONFIG_FILE and AWS_ENDPOINT_URL_SSO_OIDC come from the environment. Prints
{"token": ..., "expiration": ...} as JSON.
"""
import json
import sys

import botocore.session
from botocore.tokens import SSOTokenProvider
from botocore.utils import JSONFileCache, SSOTokenLoader


def legacy(start_url: str) -> None:
    token = SSOTokenLoader(cache=JSONFileCache(SSOTokenProvider._SSO_TOKEN_CACHE_DIR))(start_url)
    print(json.dumps({"token": token["accessToken"], "expiration": token["expiresAt"]}))


def main() -> None:
    if sys.argv[1] == "--legacy":
        legacy(sys.argv[2])
        return
    session = botocore.session.Session(profile=sys.argv[1])
    provider = SSOTokenProvider(session)
    token = provider.load_token()
    if token is None:
        raise SystemExit("the profile does not use an sso-session")
    frozen = token.get_frozen_token()
    expiration = frozen.expiration
    print(
        json.dumps(
            {
                "token": frozen.token,
                "expiration": expiration.isoformat() if hasattr(expiration, "isoformat") else str(expiration),
            }
        )
    )


if __name__ == "__main__":
    main()
