"""CloudFormation change sets as the in-place template upgrade (main/lifecycle/upgrader.ts) uses them.

moto 5.2.1 creates, describes and executes change sets, but:

- a change lists only Action, LogicalResourceId and ResourceType: no Replacement, Scope or
  Details, so nothing tells a safe Modify from one that replaces the resource;
- executing one applies the resources but keeps the stack's old outputs, parameters and template
  (the new `SmoozTemplateVersion` output never appears) and records no resource events;
- an update never fails, so nothing rolls back;
- executed change sets stay listed; CloudFormation removes a stack's change sets once one is
  executed;
- a change set is found (and ListChangeSets lists) in any stack of the region; CloudFormation
  looks in the stack named by StackName (two stacks may each hold one of the same name);
- a Lambda function updated with inline code fails (moto takes the text for a base64 archive);
- a modified resource whose model has no update (log groups, rules, roles…) becomes None in the
  stack, and every Ref to it breaks; here it keeps its resource (the new properties are not
  applied to it — enough for the outputs and ids the tests read).

This plug-in fills Replacement from a small table of the properties whose change makes
CloudFormation replace the resource (the "Update requires: Replacement" entries of the resource
type reference, for the types in templates/smooz-privatelink.yaml), records UPDATE_* events per
resource, refreshes outputs and parameters, and validates what AWS would refuse on update (a
Lambda MemorySize outside 128–10240 MB) before anything is applied: such an update ends
UPDATE_ROLLBACK_COMPLETE with the resource's UPDATE_FAILED reason, and the stack is unchanged.
"""
from typing import Any

from moto.cloudformation import parsing
from moto.cloudformation.models import Change, ChangeSet, CloudFormationBackend, Stack
from moto.cloudformation.parsing import get_references_from_template

# Properties whose change replaces the resource ("Update requires: Replacement"); "Conditional"
# where the reference says "Some interruptions / Replacement" depending on the value.
REPLACING_PROPERTIES: dict[str, dict[str, str]] = {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": {
        "Name": "True",
        "Scheme": "True",
        "Type": "True",
        # A network load balancer's subnets can be added, not all removed, without a new one.
        "Subnets": "Conditional",
        "SubnetMappings": "Conditional",
    },
    "AWS::ElasticLoadBalancingV2::TargetGroup": {
        "Name": "True",
        "Port": "True",
        "Protocol": "True",
        "TargetType": "True",
        "VpcId": "True",
        "IpAddressType": "True",
    },
    "AWS::ElasticLoadBalancingV2::Listener": {"LoadBalancerArn": "True"},
    # Every property of the endpoint service updates in place; it is replaced only when its
    # logical id changes (Remove + Add), which the app refuses as well.
    "AWS::EC2::VPCEndpointService": {},
    "AWS::EC2::VPCEndpointServicePermissions": {"ServiceId": "True"},
    "AWS::Lambda::Function": {"FunctionName": "True", "PackageType": "True"},
    "AWS::Lambda::Permission": {
        "Action": "True",
        "FunctionName": "True",
        "Principal": "True",
        "SourceAccount": "True",
        "SourceArn": "True",
    },
    "AWS::IAM::Role": {"RoleName": "True", "Path": "True"},
    "AWS::Logs::LogGroup": {"LogGroupName": "True", "LogGroupClass": "True"},
    "AWS::Events::Rule": {"Name": "True", "EventBusName": "True"},
}

_RECREATION = {"True": "Always", "Conditional": "Conditionally", "False": "Never"}
_RANK = {"False": 0, "Conditional": 1, "True": 2}


def _changed_properties(old: dict[str, Any], new: dict[str, Any], changed_params: set[str]) -> list[str]:
    old_props = old.get("Properties") or {}
    new_props = new.get("Properties") or {}
    names = sorted(set(old_props) | set(new_props))
    return [
        n
        for n in names
        if old_props.get(n) != new_props.get(n)
        or (changed_params & set(get_references_from_template(new_props.get(n))))
    ]


def _plain(value: Any) -> str:
    """A parameter value as the API carries it (moto resolves lists and numbers)."""
    return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def _diff(self: ChangeSet) -> list[Change]:
    old_resources: dict[str, Any] = self.stack.resource_map._resource_json_map
    new_resources: dict[str, Any] = self.template_dict.get("Resources") or {}
    old_params = self.stack.resource_map.resolved_parameters or {}
    changed_params = {
        k for k, v in (self.parameters or {}).items() if _plain(old_params.get(k)) != _plain(v)
    }
    changes: list[Change] = []
    replaced: set[str] = set()
    for name, new in new_resources.items():
        old = old_resources.get(name)
        if old is None:
            changes.append(_change("Add", name, new["Type"], "False", []))
            continue
        props = _changed_properties(old, new, changed_params)
        if not props and old == new:
            continue
        if not props:
            props = [k for k in ("DependsOn", "Condition", "Metadata") if old.get(k) != new.get(k)]
        table = REPLACING_PROPERTIES.get(new["Type"], {})
        replacement = max((table.get(p, "False") for p in props), key=_RANK.__getitem__, default="False")
        if replacement != "False":
            replaced.add(name)
        changes.append(_change("Modify", name, new["Type"], replacement, props, table))
    for name, old in old_resources.items():
        if name not in new_resources:
            changes.append(_change("Remove", name, old["Type"], "False", []))
    # A replaced resource gets a new physical id: properties referring to it change too.
    for change in changes:
        if change.action != "Modify" or change.logical_resource_id in replaced:
            continue
        props = (new_resources[change.logical_resource_id].get("Properties") or {})
        table = REPLACING_PROPERTIES.get(change.resource_type, {})
        for prop, value in props.items():
            if replaced & set(get_references_from_template(value)) and table.get(prop):
                change.replacement = "Conditional"
    for change in changes:
        physical = self.stack.resource_map._parsed_resources.get(change.logical_resource_id)
        change.physical_resource_id = getattr(physical, "physical_resource_id", None)
    return changes


def _change(action: str, name: str, rtype: str, replacement: str, props: list[str], table: dict[str, str] | None = None) -> Change:
    change = Change(action=action, logical_resource_id=name, resource_type=rtype)
    if action == "Modify":
        change.replacement = replacement  # type: ignore[attr-defined]
        change.scope = ["Properties"]  # type: ignore[attr-defined]
        change.details = [  # type: ignore[attr-defined]
            {
                "Target": {
                    "Attribute": "Properties",
                    "Name": p,
                    "RequiresRecreation": _RECREATION[(table or {}).get(p, "False")],
                },
                "Evaluation": "Static",
                "ChangeSource": "DirectModification",
            }
            for p in props
        ]
    return change


def _update_failure(change_set: ChangeSet) -> tuple[str, str, str] | None:
    """What AWS would refuse in this update: (logical id, type, reason), checked before applying."""
    for change in change_set.changes:
        if change.action not in ("Modify", "Add") or change.resource_type != "AWS::Lambda::Function":
            continue
        props = change_set.template_dict["Resources"][change.logical_resource_id].get("Properties") or {}
        memory = props.get("MemorySize")
        if isinstance(memory, int) and not 128 <= memory <= 10240:
            return (
                change.logical_resource_id,
                change.resource_type,
                "Resource handler returned message: \"1 validation error detected: Value '"
                + str(memory)
                + "' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240\"",
            )
    return None


def _resource_event(stack: Stack, change: Change, status: str, reason: str | None = None) -> None:
    stack._add_stack_event(status, resource_status_reason=reason)
    event = stack.events[-1]
    event.logical_resource_id = change.logical_resource_id
    event.resource_type = change.resource_type
    event.physical_resource_id = getattr(change, "physical_resource_id", None) or change.logical_resource_id


_STATUS = {"Add": "CREATE", "Modify": "UPDATE", "Remove": "DELETE"}
_original_execute = CloudFormationBackend.execute_change_set


def _execute_change_set(self: CloudFormationBackend, change_set_name: str, stack_name: str | None = None) -> None:
    change_set = self.describe_change_set(change_set_name)
    if change_set is None or change_set.change_set_type != "UPDATE":
        return _original_execute(self, change_set_name, stack_name)
    stack = self.stacks[change_set.stack_id]
    stack._add_stack_event("UPDATE_IN_PROGRESS", resource_status_reason="User Initiated")
    failure = _update_failure(change_set)
    if failure:
        name, rtype, reason = failure
        failed = next(c for c in change_set.changes if c.logical_resource_id == name)
        _resource_event(stack, failed, "UPDATE_IN_PROGRESS")
        _resource_event(stack, failed, "UPDATE_FAILED", reason)
        stack._add_stack_event("UPDATE_ROLLBACK_IN_PROGRESS", resource_status_reason="The following resource(s) failed to update: [" + name + "].")
        _resource_event(stack, failed, "UPDATE_COMPLETE")
        stack._add_stack_event("UPDATE_ROLLBACK_COMPLETE")
        stack.status = "UPDATE_ROLLBACK_COMPLETE"
        _drop_change_sets(self, stack)
        return None
    for change in change_set.changes:
        _resource_event(stack, change, f"{_STATUS[change.action]}_IN_PROGRESS")
    # UsePreviousValue hands moto's resolved values (lists) back, which it cannot parse again.
    change_set.parameters = {k: _plain(v) for k, v in (change_set.parameters or {}).items()}
    change_set.apply()
    stack.template = change_set.template
    stack._parse_template()
    stack.parameters = dict(stack.resource_map.resolved_parameters)
    stack.output_map = stack._create_output_map()
    for change in change_set.changes:
        _resource_event(stack, change, f"{_STATUS[change.action]}_COMPLETE")
    stack._add_stack_event("UPDATE_COMPLETE")
    stack.status = "UPDATE_COMPLETE"
    _drop_change_sets(self, stack)
    return None


def _drop_change_sets(backend: CloudFormationBackend, stack: Stack) -> None:
    for change_set_id in [k for k, c in backend.change_sets.items() if c.stack_id == stack.stack_id]:
        del backend.change_sets[change_set_id]


ChangeSet.diff = _diff  # type: ignore[method-assign]
CloudFormationBackend.execute_change_set = _execute_change_set  # type: ignore[method-assign]


_original_update_resource = parsing.parse_and_update_resource


def _update_resource_or_keep(logical_id: str, resource_json: dict[str, Any], resources_map: Any, account_id: str, region_name: str) -> Any:
    updated = _original_update_resource(logical_id, resource_json, resources_map, account_id, region_name)
    return updated if updated is not None else resources_map[logical_id]


parsing.parse_and_update_resource = _update_resource_or_keep  # type: ignore[assignment]


_original_delete = CloudFormationBackend.delete_change_set


def _delete_change_set(self: CloudFormationBackend, change_set_name: str) -> None:
    """moto fails with a server error for a name it does not hold; AWS answers not found."""
    if change_set_name not in self.change_sets and not any(
        c.change_set_name == change_set_name for c in self.change_sets.values()
    ):
        from moto.cloudformation.exceptions import ValidationError

        raise ValidationError(change_set_name, message=f"ChangeSet [{change_set_name}] does not exist")
    _original_delete(self, change_set_name)


CloudFormationBackend.delete_change_set = _delete_change_set  # type: ignore[method-assign]


def _update_function(
    cls: type,
    original_resource: Any,
    new_resource_name: str,
    cloudformation_json: dict[str, Any],
    account_id: str,
    region_name: str,
) -> Any:
    """moto hands inline `ZipFile` text to the code update as if it were a base64 archive (it fails);
    the function gets the configuration and an index.js archive, as on creation."""
    import base64

    from plugins.smooz_lambda_node import _text, _zip_index_js

    properties = cloudformation_json["Properties"]
    variables = (properties.get("Environment") or {}).get("Variables")
    if variables:
        properties["Environment"] = {"Variables": {k: _text(v) for k, v in variables.items()}}
    original_resource.update_configuration(properties)
    inline = (properties.get("Code") or {}).get("ZipFile")
    if isinstance(inline, str):
        original_resource.update_function_code({"ZipFile": base64.b64encode(_zip_index_js(inline)).decode()})
    return original_resource


def _patch_lambda_update() -> None:
    from moto.awslambda.models import LambdaFunction

    LambdaFunction.update_from_cloudformation_json = classmethod(_update_function)  # type: ignore[assignment]


_patch_lambda_update()



def _scoped(backend: CloudFormationBackend, stack_name: str | None, name: str) -> str:
    """The id of the change set `name` of stack `stack_name` (a name or an id), as AWS scopes it."""
    if not stack_name or name.startswith("arn:"):
        return name
    for change_set_id, change_set in backend.change_sets.items():
        if change_set.change_set_name == name and stack_name in (change_set.stack_name, change_set.stack_id):
            return change_set_id
    from moto.cloudformation.exceptions import ValidationError

    raise ValidationError(name, message=f"ChangeSet [{name}] does not exist")


def _patch_responses() -> None:
    from moto.cloudformation.responses import CloudFormationResponse
    from moto.core.responses import ActionResult, EmptyResult

    def describe(self: Any) -> Any:
        backend = self.cloudformation_backend
        name = _scoped(backend, self._get_param("StackName"), self._get_param("ChangeSetName"))
        return ActionResult(backend.describe_change_set(change_set_name=name))

    def delete(self: Any) -> Any:
        backend = self.cloudformation_backend
        name = _scoped(backend, self._get_param("StackName"), self._get_param("ChangeSetName"))
        backend.delete_change_set(change_set_name=name)
        return EmptyResult()

    def execute(self: Any) -> Any:
        backend = self.cloudformation_backend
        stack_name = self._get_param("StackName")
        name = _scoped(backend, stack_name, self._get_param("ChangeSetName"))
        backend.execute_change_set(stack_name=stack_name, change_set_name=name)
        return EmptyResult()

    def list_for_stack(self: Any) -> Any:
        stack_name = self._get_param("StackName")
        change_sets = [
            c
            for c in self.cloudformation_backend.list_change_sets()
            if stack_name in (c.stack_name, c.stack_id)
        ]
        return ActionResult({"Summaries": change_sets})

    CloudFormationResponse.list_change_sets = list_for_stack  # type: ignore[method-assign]
    CloudFormationResponse.describe_change_set = describe  # type: ignore[method-assign]
    CloudFormationResponse.delete_change_set = delete  # type: ignore[method-assign]
    CloudFormationResponse.execute_change_set = execute  # type: ignore[method-assign]


_patch_responses()
