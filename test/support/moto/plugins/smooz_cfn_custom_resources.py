"""Custom-resource lifecycle as CloudFormation runs it (moto 5.2.1).

moto sends a custom resource only its Create request, looks the stack up in the default region
and account when the answer arrives (the response URL carries no credentials), ignores FAILED
answers (the stack waits for ever) and never sends Delete. This plug-in:

- finds the stack from the StackId in the answer;
- on FAILED, records the resource's CREATE_FAILED event with the returned reason and rolls the
  stack back (ROLLBACK_IN_PROGRESS, resources deleted, ROLLBACK_COMPLETE);
- sends Delete, with the physical id the function answered, before other resources go, when a
  stack is deleted or rolled back, waits for the answer and records DELETE_COMPLETE or
  DELETE_FAILED with the reason;
- reports the physical id the function answered, as CloudFormation does;
- ignores an answer to a Create request that is no longer awaited: the stack has left
  CREATE_IN_PROGRESS, or the request is not the one sent for the stack's current resource
  (CloudFormation discards such answers too).
"""
import json
import threading
from typing import Any

from moto import settings
from moto.awslambda.models import lambda_backends
from moto.cloudformation.custom_model import CustomModel
from moto.cloudformation.models import Event, Stack, cloudformation_backends
from moto.cloudformation.responses import CloudFormationResponse
from moto.moto_api._internal import mock_random

from .smooz_cfn_deleted_resources import mark_gone

_lock = threading.Lock()
# RequestId of each Delete request sent -> the answer, once it arrives.
_delete_answers: dict[str, dict[str, Any] | None] = {}

_original_custom_from_cfn = CustomModel.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _custom_from_cfn(
    cls: type,
    resource_name: str,
    cloudformation_json: dict[str, Any],
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> CustomModel:
    resource = _original_custom_from_cfn(
        cls, resource_name, cloudformation_json, account_id, region_name, **kwargs
    )
    resource.smooz_properties = cloudformation_json["Properties"]
    resource.smooz_stack_id = kwargs["StackId"]
    resource.smooz_resource_type = kwargs["ResourceType"]
    resource.smooz_account_id = account_id
    resource.smooz_deleted = False
    return resource


def _physical_id(self: CustomModel) -> str:
    return getattr(self, "smooz_answered_id", None) or self.resource_name


def _already_deleted(self: CustomModel, account_id: str, region: str) -> None:
    """The Delete request went out before the other resources were deleted."""


CustomModel.create_from_cloudformation_json = classmethod(_custom_from_cfn)  # type: ignore[assignment]
CustomModel.physical_resource_id = property(_physical_id)  # type: ignore[assignment,method-assign]
CustomModel.delete = _already_deleted  # type: ignore[attr-defined]


def _event(stack: Stack, resource: CustomModel, status: str, reason: str | None) -> None:
    stack.events.append(
        Event(
            stack_id=stack.stack_id,
            stack_name=stack.name,
            logical_resource_id=resource.logical_id,
            physical_resource_id=resource.physical_resource_id,
            resource_type=getattr(resource, "smooz_resource_type", "AWS::CloudFormation::CustomResource"),
            resource_status=status,
            resource_status_reason=reason,
            resource_properties=None,
        )
    )


def _send_delete(stack: Stack, resource: CustomModel) -> None:
    if getattr(resource, "smooz_deleted", True):
        return
    resource.smooz_deleted = True
    properties = resource.smooz_properties
    request_id = str(mock_random.uuid4())
    with _lock:
        _delete_answers[request_id] = None
    event = {
        "RequestType": "Delete",
        "ServiceToken": properties["ServiceToken"],
        "ResponseURL": f"{settings.moto_server_host()}:{settings.moto_server_port()}"
        f"/cloudformation_{resource.region_name}/cfnresponse?stack={stack.stack_id}",
        "StackId": stack.stack_id,
        "RequestId": request_id,
        "LogicalResourceId": resource.logical_id,
        "PhysicalResourceId": resource.physical_resource_id,
        "ResourceType": resource.smooz_resource_type,
        "ResourceProperties": properties,
    }
    _event(stack, resource, "DELETE_IN_PROGRESS", None)
    try:
        backend = lambda_backends[resource.smooz_account_id][resource.region_name]
        backend.get_function(properties["ServiceToken"]).invoke(json.dumps(event), {}, {})
    except Exception as error:  # the function is gone or failed to start: CloudFormation gets no answer
        with _lock:
            _delete_answers.pop(request_id, None)
        _event(stack, resource, "DELETE_FAILED", f"Failed to invoke the custom resource: {error}")
        return
    with _lock:
        answer = _delete_answers.pop(request_id, None)
    if answer and answer.get("Status") == "SUCCESS":
        _event(stack, resource, "DELETE_COMPLETE", None)
    else:
        reason = (answer or {}).get("Reason") or "The custom resource did not answer the Delete request"
        _event(stack, resource, "DELETE_FAILED", reason)


def delete_custom_resources(stack: Stack) -> None:
    for resource in list(stack.custom_resources.values()):
        _send_delete(stack, resource)


_original_stack_delete = Stack.delete


def _stack_delete(self: Stack) -> None:
    delete_custom_resources(self)
    _original_stack_delete(self)


Stack.delete = _stack_delete  # type: ignore[method-assign]


def _stack_of(stack_id: str) -> Stack:
    _, _, _, region, account_id, _ = stack_id.split(":", 5)
    return cloudformation_backends[account_id][region].get_stack(stack_id)


def _ok() -> Any:
    return 200, {"status": 200}, json.dumps("{}")


def _process_cfn_response(self: CloudFormationResponse) -> Any:
    request_id = self._get_param("RequestId")
    answer = {
        "Status": self._get_param("Status"),
        "Reason": self._get_param("Reason"),
        "PhysicalResourceId": self._get_param("PhysicalResourceId"),
    }
    with _lock:
        if request_id in _delete_answers:
            _delete_answers[request_id] = answer
            return _ok()
    stack = _stack_of(self._get_param("StackId"))
    resource = stack.custom_resources.get(self._get_param("LogicalResourceId"))
    if (
        resource is None
        or resource.request_id != request_id
        or stack.status != "CREATE_IN_PROGRESS"
        or resource.is_created()
    ):
        return _ok()
    if answer["PhysicalResourceId"]:
        resource.smooz_answered_id = answer["PhysicalResourceId"]
    if answer["Status"] == "SUCCESS":
        resource.set_data(self._get_param("Data") or {})
        stack.verify_readiness()
        return _ok()
    reason = answer["Reason"] or "See the details in CloudWatch Log Stream"
    _event(
        stack,
        resource,
        "CREATE_FAILED",
        f"Received response status [FAILED] from custom resource. Message returned: {reason}",
    )
    stack.status = "ROLLBACK_IN_PROGRESS"
    stack._add_stack_event(
        "ROLLBACK_IN_PROGRESS",
        resource_status_reason=f"The following resource(s) failed to create: [{resource.logical_id}]. Rollback requested by user.",
    )
    # The answer must get back to the function before the rollback invokes it again.
    threading.Thread(target=_roll_back, args=(stack,), daemon=True).start()
    return _ok()


def _roll_back(stack: Stack) -> None:
    # From here on nothing of the stack is created again, whoever looks its resources up.
    mark_gone(stack)
    delete_custom_resources(stack)
    try:
        stack.resource_map.delete()
    except Exception as error:  # a resource moto cannot delete, as CloudFormation would report it
        stack.status = "ROLLBACK_FAILED"
        stack._add_stack_event("ROLLBACK_FAILED", resource_status_reason=str(error))
        return
    stack.status = "ROLLBACK_COMPLETE"
    stack._add_stack_event("ROLLBACK_COMPLETE")


CloudFormationResponse.process_cfn_response = _process_cfn_response  # type: ignore[method-assign]
