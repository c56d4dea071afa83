"""Inline IAM role policies from CloudFormation stored as JSON (moto 5.2.1).

moto's AWS::IAM::Role model stores each `Policies[].PolicyDocument` with str(dict), so
GetRolePolicy returns a Python repr that no JSON parser (and no IAM client) reads. This plug-in
hands the model JSON text, as CloudFormation sends IAM, without the statements an `Fn::If` left
out with `AWS::NoValue` (moto resolves those to null list items; CloudFormation drops them).
"""
import copy
import json
from typing import Any

from moto.iam.models import Role

_original_role_from_cfn = Role.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _role_from_cfn(
    cls: type,
    resource_name: str,
    cloudformation_json: dict[str, Any],
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> Role:
    resource = copy.deepcopy(cloudformation_json)
    for policy in resource.get("Properties", {}).get("Policies") or []:
        document = policy.get("PolicyDocument")
        if isinstance(document, dict) and isinstance(document.get("Statement"), list):
            document["Statement"] = [s for s in document["Statement"] if s is not None]
        if not isinstance(document, str):
            policy["PolicyDocument"] = json.dumps(document, default=str)
    return _original_role_from_cfn(cls, resource_name, resource, account_id, region_name, **kwargs)


Role.create_from_cloudformation_json = classmethod(_role_from_cfn)  # type: ignore[assignment]
