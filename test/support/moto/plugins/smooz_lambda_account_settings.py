"""Lambda GetAccountSettings for moto 5.2.1 (not implemented there: no route, no handler).

The app's preflight reads AccountLimit.UnreservedConcurrentExecutions before the template
reserves concurrency for its updater: AWS refuses a reservation that leaves fewer than 100
unreserved executions in the account and region. As on AWS, the unreserved figure here is the
account's concurrency limit minus every function's reserved concurrency. The limit is the one
moto's own PutFunctionConcurrency enforces when MOTO_LAMBDA_CONCURRENCY_QUOTA is set, else
AWS's default of 1000; a test lowers the unreserved figure by reserving concurrency on a function,
or gives the account a new account's limit with POST /moto-api/smooz/lambda-concurrency-limit
{"limit": 10} (null restores the server's own; moto's reset does too). That sets
MOTO_LAMBDA_CONCURRENCY_QUOTA, so PutFunctionConcurrency refuses reservations as AWS would.
"""
import json
import os
from typing import Any

from moto.awslambda import urls
from moto.awslambda.responses import LambdaResponse
from moto.moto_api._internal import urls as moto_api_urls

from .smooz_moto_reset import on_reset

_DEFAULT_CONCURRENCY_LIMIT = 1000
# AWS's default code storage quota, 75 GB, and the per-function package limits.
_TOTAL_CODE_SIZE = 75 * 1024**3
_CODE_SIZE_UNZIPPED = 250 * 1024**2
_CODE_SIZE_ZIPPED = 50 * 1024**2


def _concurrency_limit() -> int:
    return int(os.environ.get("MOTO_LAMBDA_CONCURRENCY_QUOTA", _DEFAULT_CONCURRENCY_LIMIT))


def _get_account_settings(self: LambdaResponse) -> str:
    functions = list(self.backend.list_functions())
    reserved = sum(int(fn.reserved_concurrency or 0) for fn in functions)
    limit = _concurrency_limit()
    return json.dumps(
        {
            "AccountLimit": {
                "TotalCodeSize": _TOTAL_CODE_SIZE,
                "CodeSizeUnzipped": _CODE_SIZE_UNZIPPED,
                "CodeSizeZipped": _CODE_SIZE_ZIPPED,
                "ConcurrentExecutions": limit,
                "UnreservedConcurrentExecutions": limit - reserved,
            },
            "AccountUsage": {
                "TotalCodeSize": sum(int(fn.code_size or 0) for fn in functions),
                "FunctionCount": len(functions),
            },
        }
    )


LambdaResponse.get_account_settings = _get_account_settings  # type: ignore[attr-defined]
# Read when moto server builds the Lambda app, after every plug-in is imported.
urls.url_paths[r"{0}/(?P<api_version>[^/]+)/account-settings/?$"] = LambdaResponse.dispatch

_SERVER_QUOTA = os.environ.get("MOTO_LAMBDA_CONCURRENCY_QUOTA")


def _set_quota(value: str | None) -> None:
    if value is None:
        os.environ.pop("MOTO_LAMBDA_CONCURRENCY_QUOTA", None)
    else:
        os.environ["MOTO_LAMBDA_CONCURRENCY_QUOTA"] = value


def _limit_route(request: Any, full_url: str, headers: Any) -> Any:
    if request.method == "POST":
        raw = request.get_data(as_text=True) or next(iter(request.form.keys()), "")
        limit = json.loads(raw or "{}").get("limit")
        _set_quota(_SERVER_QUOTA if limit is None else str(int(limit)))
    return 200, {"Content-Type": "application/json"}, json.dumps({"limit": _concurrency_limit()})


moto_api_urls.url_paths["{0}/moto-api/smooz/lambda-concurrency-limit"] = _limit_route

on_reset(lambda: _set_quota(_SERVER_QUOTA))
