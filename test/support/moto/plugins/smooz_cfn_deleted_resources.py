"""A rolled-back or deleted stack's resources stay deleted (moto 5.2.1).

moto's ResourceMap creates a resource the first time anything looks it up, and forgets it once it
is deleted. After a rollback or DeleteStack, DescribeStacks still resolves the stack's Outputs
(deleted stacks can be described by id), so every poll re-created the resources the outputs name
— for a custom resource that re-runs its function, whose FAILED answer rolled the stack back
again — and left them behind. An output naming a resource whose creation is not even attempted
(`Fn::GetAtt`) failed the whole DescribeStacks call. On AWS a stack that is rolled back or deleted
lists no outputs and nothing is created again. This plug-in:

- marks a stack's resource map as gone once its resources are deleted (mark_gone, called by the
  rollback in smooz_cfn_custom_resources.py and after DeleteStack);
- never creates a resource of a gone map; looking it up answers None;
- answers no Outputs, Exports or resources for a stack whose map is gone.
"""
from typing import Any

from moto.cloudformation.models import Stack
from moto.cloudformation.parsing import ResourceMap


def mark_gone(stack: Stack) -> None:
    stack.resource_map.smooz_gone = True


def _gone(stack: Stack) -> bool:
    return getattr(stack.resource_map, "smooz_gone", False)


_original_getitem = ResourceMap.__getitem__


def _getitem(self: ResourceMap, key: str) -> Any:
    if (
        getattr(self, "smooz_gone", False)
        and key in self._resource_json_map
        and key not in self._parsed_resources
    ):
        return None
    return _original_getitem(self, key)


ResourceMap.__getitem__ = _getitem  # type: ignore[method-assign]

_original_outputs = Stack.outputs
_original_exports = Stack.exports
_original_stack_resources = Stack.stack_resources


def _outputs(self: Stack) -> Any:
    return None if _gone(self) else _original_outputs.fget(self)  # type: ignore[attr-defined]


def _exports(self: Stack) -> Any:
    return [] if _gone(self) else _original_exports.fget(self)  # type: ignore[attr-defined]


def _stack_resources(self: Stack) -> Any:
    resources = _original_stack_resources.fget(self)  # type: ignore[attr-defined]
    return [r for r in resources if r is not None] if _gone(self) else resources


Stack.outputs = property(_outputs)  # type: ignore[assignment,method-assign]
Stack.exports = property(_exports)  # type: ignore[assignment,method-assign]
Stack.stack_resources = property(_stack_resources)  # type: ignore[assignment,method-assign]

_original_delete = Stack.delete


def _delete(self: Stack) -> None:
    _original_delete(self)
    mark_gone(self)


Stack.delete = _delete  # type: ignore[method-assign]
