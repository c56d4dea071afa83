"""Real-AWS timings for moto, on a virtual clock the test drives (off by default).

moto finishes everything at once. With the profile on, the accounts it covers see what AWS shows:

- a stack is `CREATE_IN_PROGRESS` for about 4½ minutes: its events appear over time, resources
  that AWS creates side by side overlap, the network load balancer takes 3 minutes and the
  endpoint service a minute after it; outputs appear with `CREATE_COMPLETE`;
- a deleted stack reads `DELETE_IN_PROGRESS` for about 70 s, with a delete event per resource;
- a Lambda function in a VPC holds its security groups while it exists and for 20–45 minutes
  after its deletion (its network interfaces); deleting such a group answers DependencyViolation;
- an interface endpoint is `pending` for 1–2 minutes (a minute for an endpoint service's);
- optionally, CloudFormation's Describe*/List* calls are throttled above a rate per second.

Time: the test's clock POSTs /moto-api/smooz/clock {"now": ms since the epoch} whenever it moves;
between two posts time runs at `speed` × real time (0: stands still, the test's clock alone moves
it). The switch: POST /moto-api/smooz/timing-profile {"enabled": true, "accounts": [...]?,
"speed": 0, "now": ms?, "eniReleaseMinutes": n?, "throttle": {"perSecond": r, "burst": b}?};
{"enabled": false} (or POST /moto-api/reset) turns it off. GET reads it.
"""
import copy
import json
import threading
import time
import zlib
from datetime import datetime, timezone
from typing import Any

from moto.awslambda.models import LambdaBackend, LambdaFunction, lambda_backends
from moto.cloudformation.exceptions import CloudFormationError
from moto.cloudformation.models import CloudFormationBackend, Event, Stack
from moto.cloudformation.responses import CloudFormationResponse
from moto.ec2.exceptions import DependencyViolationError
from moto.ec2.models import EC2Backend
from moto.ec2.models.vpcs import VPCBackend
from moto.moto_api._internal import urls as moto_api_urls
from moto.moto_api._internal.models import MotoAPIBackend

STACK_TYPE = "AWS::CloudFormation::Stack"
SECOND = 1000.0

# (start, end) in seconds after CreateStack, by resource type: what AWS creates side by side
# overlaps; the load balancer's provisioning dominates, the endpoint service waits for it.
CREATE_TIMES: list[tuple[str, tuple[float, float]]] = [
    ("AWS::ElasticLoadBalancingV2::LoadBalancer", (5, 185)),
    ("AWS::ElasticLoadBalancingV2::Listener", (185, 191)),
    ("AWS::EC2::VPCEndpointServicePermissions", (251, 256)),
    ("AWS::EC2::VPCEndpointService", (191, 251)),
    ("AWS::ElasticLoadBalancingV2::TargetGroup", (5, 15)),
    ("AWS::IAM::", (5, 20)),
    ("AWS::Logs::", (5, 8)),
    ("AWS::Lambda::Function", (20, 80)),
    ("AWS::Lambda::", (80, 85)),
    ("AWS::Events::", (85, 95)),
    ("Custom::", (95, 115)),
    ("AWS::CloudFormation::CustomResource", (95, 115)),
]
DELETE_TIMES: list[tuple[str, tuple[float, float]]] = [
    ("AWS::EC2::VPCEndpointServicePermissions", (0, 3)),
    ("AWS::EC2::VPCEndpointService", (3, 33)),
    ("AWS::ElasticLoadBalancingV2::Listener", (33, 36)),
    ("AWS::ElasticLoadBalancingV2::LoadBalancer", (36, 66)),
    ("AWS::ElasticLoadBalancingV2::TargetGroup", (66, 70)),
    ("Custom::", (0, 10)),
    ("AWS::CloudFormation::CustomResource", (0, 10)),
    ("AWS::Lambda::Function", (10, 16)),
    ("AWS::IAM::", (16, 22)),
]
DEFAULT_TIMES = (5, 10)

_lock = threading.RLock()
_profile: dict[str, Any] | None = None
_clock = {"virtual": 0.0, "real": 0.0}
# stack id → {"created": ms, "deleted": ms | None, "delete_index": int}
_stacks: dict[str, dict[str, Any]] = {}
# (account, region, group id) → virtual ms until which a deleted function's interfaces hold it
_held_until: dict[tuple[str, str, str], float] = {}
# endpoint id → (virtual ms when it becomes available, the endpoint)
_endpoint_ready: dict[str, tuple[float, Any]] = {}
_buckets: dict[str, tuple[float, float]] = {}
_throttled_calls = {"count": 0}


def now_ms() -> float:
    with _lock:
        speed = float((_profile or {}).get("speed", 1))
        return _clock["virtual"] + (time.monotonic() - _clock["real"]) * SECOND * speed


def _set_clock(virtual: float) -> None:
    with _lock:
        if virtual > _clock["virtual"] or _clock["real"] == 0:
            _clock.update(virtual=virtual, real=time.monotonic())


def active(account_id: str) -> bool:
    with _lock:
        if _profile is None:
            return False
        accounts = _profile.get("accounts")
        return accounts is None or account_id in accounts


def _times(table: list[tuple[str, tuple[float, float]]], resource_type: str) -> tuple[float, float]:
    for prefix, times in table:
        if resource_type.startswith(prefix):
            return times
    return DEFAULT_TIMES


def _as_datetime(ms: float) -> datetime:
    return datetime.fromtimestamp(ms / SECOND, timezone.utc).replace(tzinfo=None)


# --- CloudFormation ---------------------------------------------------------------------------


def _resource_events(stack: Stack, statuses: tuple[str, str], only: set[str] | None) -> list[Event]:
    """What CloudFormation reports per resource and moto does not: an event per step."""
    template = stack.resource_map._resource_json_map
    created = stack.resource_map._parsed_resources
    events = []
    for logical_id, spec in template.items():
        if logical_id not in created or (only is not None and logical_id not in only):
            continue
        resource = created[logical_id]
        for status in statuses:
            events.append(
                Event(
                    stack_id=stack.stack_id,
                    stack_name=stack.name,
                    logical_resource_id=logical_id,
                    physical_resource_id=getattr(resource, "physical_resource_id", None) or logical_id,
                    resource_type=spec.get("Type", ""),
                    resource_status=status,
                    resource_status_reason=None,
                    resource_properties=None,
                )
            )
    return events


def _phase(events: list[Event], base: float, table: Any, arrived: dict[str, float]) -> list[tuple[float, Event]]:
    """Each event with the virtual time it becomes visible: resources by the table, the stack's
    own end after its last resource, a failure and what follows it in moto's order; never before
    moto itself got there."""
    timed: list[tuple[float, Event]] = []
    failed_at: float | None = None
    for event in events:
        status = event.resource_status or ""
        if event.resource_type == STACK_TYPE:
            continue
        start, end = _times(table, event.resource_type or "")
        offset = start if status.endswith("_IN_PROGRESS") else end
        if status.endswith("_FAILED"):
            failed_at = offset if failed_at is None else min(failed_at, offset)
        timed.append((offset, event))
    if failed_at is not None:
        # CloudFormation stops starting resources after a failure.
        timed = [(o, e) for o, e in timed if o <= failed_at]
    latest = max((o for o, _ in timed), default=0.0)
    for event in events:
        if event.resource_type != STACK_TYPE:
            continue
        status = event.resource_status or ""
        if status in ("CREATE_IN_PROGRESS", "DELETE_IN_PROGRESS"):
            offset = 0.0
        elif status == "ROLLBACK_IN_PROGRESS":
            offset = (failed_at or latest) + 1
        elif status.startswith("ROLLBACK"):
            offset = (failed_at or latest) + 30
        else:
            offset = latest + 2
        timed.append((offset, event))
    out = []
    for offset, event in timed:
        at = max(base + offset * SECOND, arrived.get(str(event.event_id), 0.0))
        out.append((at, event))
    return out


def _visible(stack: Stack) -> tuple[list[Event], str] | None:
    """The events visible now (oldest first, stamped with virtual times) and the stack's status."""
    with _lock:
        record = _stacks.get(stack.stack_id)
    if record is None:
        return None
    now = now_ms()
    arrived = record["arrived"]
    with _lock:
        for event in stack.events:
            arrived.setdefault(str(event.event_id), now)
    split = record.get("delete_index", len(stack.events))
    real_create, real_delete = stack.events[:split], stack.events[split:]
    failed = {e.logical_resource_id for e in real_create if (e.resource_status or "").endswith("_FAILED")}
    create = [
        e for e in record["create_events"]
        if not (e.logical_resource_id in failed and e.resource_status == "CREATE_COMPLETE")
    ]
    timed = _phase(create + real_create, record["created"], CREATE_TIMES, arrived)
    if record.get("deleted") is not None:
        reported = {e.logical_resource_id for e in real_delete if e.resource_type != STACK_TYPE}
        delete = [e for e in record["delete_events"] if e.logical_resource_id not in reported]
        timed += _phase(delete + real_delete, record["deleted"], DELETE_TIMES, arrived)
    shown = []
    for at, event in sorted(timed, key=lambda pair: pair[0]):
        if at > now:
            continue
        view = copy.copy(event)
        view.timestamp = _as_datetime(at)
        shown.append(view)
    stack_events = [e for e in shown if e.resource_type == STACK_TYPE]
    status = stack_events[-1].resource_status if stack_events else "CREATE_IN_PROGRESS"
    return shown, status


class _StackInProgress(Stack):
    """A stack still being created, as DescribeStacks shows it: no outputs yet."""

    @property
    def outputs(self) -> None:  # type: ignore[override]
        return None


_StackInProgress.__name__ = "Stack"  # moto's serializer picks `status` for StackStatus by name


def _stack_view(stack: Stack) -> Stack:
    seen = _visible(stack)
    if seen is None:
        return stack
    _, status = seen
    view = copy.copy(stack)
    view.status = status
    if status.endswith("_IN_PROGRESS") and not status.startswith("DELETE"):
        view.__class__ = _StackInProgress
    return view


_original_create_stack = CloudFormationBackend.create_stack


def _create_stack(self: CloudFormationBackend, *args: Any, **kwargs: Any) -> Stack:
    stack = _original_create_stack(self, *args, **kwargs)
    if active(self.account_id):
        events = _resource_events(stack, ("CREATE_IN_PROGRESS", "CREATE_COMPLETE"), None)
        with _lock:
            _stacks[stack.stack_id] = {
                "created": now_ms(),
                "deleted": None,
                "arrived": {},
                "create_events": events,
                "stack": stack,
            }
    return stack


_original_delete_stack = CloudFormationBackend.delete_stack


def _delete_stack(self: CloudFormationBackend, name_or_stack_id: str) -> None:
    stack = next(
        (s for s in self.stacks.values() if name_or_stack_id in (s.stack_id, s.name)), None
    )
    with _lock:
        record = _stacks.get(stack.stack_id) if stack else None
    if stack is None or record is None:
        return _original_delete_stack(self, name_or_stack_id)
    index = len(stack.events)
    # What a rollback already removed is not deleted again.
    live = None if stack.status.startswith("CREATE") else set()
    events = _resource_events(stack, ("DELETE_IN_PROGRESS", "DELETE_COMPLETE"), live)
    _original_delete_stack(self, name_or_stack_id)
    with _lock:
        record.update(deleted=now_ms(), delete_index=index, delete_events=events)


def _describe_stacks(self: CloudFormationBackend, name_or_stack_id: str) -> list[Stack]:
    return [_stack_view(s) for s in _original_describe_stacks(self, name_or_stack_id)]


def _describe_stack_events(self: CloudFormationBackend, stack_name: str) -> list[Event]:
    stack = self.get_stack(stack_name)
    seen = _visible(stack)
    return seen[0] if seen is not None else stack.events


_original_describe_stacks = CloudFormationBackend.describe_stacks
CloudFormationBackend.create_stack = _create_stack  # type: ignore[method-assign]
CloudFormationBackend.delete_stack = _delete_stack  # type: ignore[method-assign]
CloudFormationBackend.describe_stacks = _describe_stacks  # type: ignore[method-assign]
CloudFormationBackend.describe_stack_events = _describe_stack_events  # type: ignore[method-assign]


class Throttling(CloudFormationError):
    code = "Throttling"

    def __init__(self) -> None:
        super().__init__("Rate exceeded")


def _take_token(account_id: str) -> bool:
    """A token bucket per account. It refills on virtual time (the engine's polls) and on real
    time too: the SDK waits out a Throttling answer in real time before it retries."""
    with _lock:
        throttle = (_profile or {}).get("throttle")
        if not throttle or not active(account_id):
            return True
        at = now_ms() + time.monotonic() * SECOND
        rate, burst = float(throttle["perSecond"]), float(throttle.get("burst", throttle["perSecond"]))
        tokens, last = _buckets.get(account_id, (burst, at))
        tokens = min(burst, tokens + max(0.0, at - last) / SECOND * rate)
        if tokens < 1:
            _buckets[account_id] = (tokens, at)
            _throttled_calls["count"] += 1
            return False
        _buckets[account_id] = (tokens - 1, at)
        return True


def _throttled(method: Any) -> Any:
    def wrapper(self: CloudFormationResponse) -> Any:
        if not _take_token(self.current_account):
            raise Throttling()
        return method(self)

    return wrapper


for _name in ("describe_stacks", "describe_stack_events", "describe_stack_resources", "list_stacks"):
    setattr(CloudFormationResponse, _name, _throttled(getattr(CloudFormationResponse, _name)))


# --- Lambda network interfaces ------------------------------------------------------------


def _release_ms(function_arn: str) -> float:
    with _lock:
        fixed = (_profile or {}).get("eniReleaseMinutes")
    minutes = float(fixed) if fixed is not None else 20 + zlib.crc32(function_arn.encode()) % 26
    return minutes * 60 * SECOND


_original_delete_function = LambdaBackend.delete_function


def _delete_function(self: LambdaBackend, function_name: str, qualifier: str | None = None) -> None:
    fn = next((f for f in self._lambdas.all() if function_name in (f.function_name, f.function_arn)), None)
    _original_delete_function(self, function_name, qualifier)
    groups = ((getattr(fn, "_vpc_config", None) or {}).get("SecurityGroupIds") or []) if fn else []
    if fn is None or not groups or not active(self.account_id):
        return
    until = now_ms() + _release_ms(fn.function_arn)
    with _lock:
        for group_id in groups:
            key = (self.account_id, self.region_name, group_id)
            _held_until[key] = max(until, _held_until.get(key, 0.0))


def _held_by_function(account_id: str, region: str, group_id: str) -> bool:
    regional = dict.get(lambda_backends, account_id)
    backend = dict.get(regional, region) if regional is not None else None
    if backend is None:
        return False
    for fn in backend._lambdas.all():
        config = getattr(fn, "_vpc_config", None) or {}
        if group_id in (config.get("SecurityGroupIds") or []):
            return True
    return False


_original_delete_security_group = EC2Backend.delete_security_group


def _delete_security_group(self: Any, name: str | None = None, group_id: str | None = None) -> None:
    if group_id and active(self.account_id):
        with _lock:
            until = _held_until.get((self.account_id, self.region_name, group_id), 0.0)
        if now_ms() < until or _held_by_function(self.account_id, self.region_name, group_id):
            raise DependencyViolationError(f"resource {group_id} has a dependent object")
    return _original_delete_security_group(self, name=name, group_id=group_id)


LambdaBackend.delete_function = _delete_function  # type: ignore[method-assign]
EC2Backend.delete_security_group = _delete_security_group  # type: ignore[method-assign]


# --- Interface endpoints ------------------------------------------------------------------

_original_create_vpc_endpoint = VPCBackend.create_vpc_endpoint


def _create_vpc_endpoint(self: Any, *args: Any, **kwargs: Any) -> Any:
    endpoint = _original_create_vpc_endpoint(self, *args, **kwargs)
    interface = (endpoint.vpc_endpoint_type or "").lower() == "interface"
    if interface and endpoint.state == "available" and active(self.account_id):
        if endpoint.service_name.startswith("com.amazonaws.vpce."):
            seconds = 60
        else:
            seconds = 60 + zlib.crc32(endpoint.id.encode()) % 61
        endpoint.state = "pending"
        with _lock:
            _endpoint_ready[endpoint.id] = (now_ms() + seconds * SECOND, endpoint)
    return endpoint


def _endpoints_due() -> None:
    now = now_ms()
    with _lock:
        due = [e for at, e in _endpoint_ready.values() if at <= now]
        for endpoint in due:
            del _endpoint_ready[endpoint.id]
    for endpoint in due:
        if endpoint.state == "pending":
            endpoint.state = "available"


_original_describe_vpc_endpoints = VPCBackend.describe_vpc_endpoints


def _describe_vpc_endpoints(self: Any, *args: Any, **kwargs: Any) -> Any:
    _endpoints_due()
    return _original_describe_vpc_endpoints(self, *args, **kwargs)


VPCBackend.create_vpc_endpoint = _create_vpc_endpoint  # type: ignore[method-assign]
VPCBackend.describe_vpc_endpoints = _describe_vpc_endpoints  # type: ignore[method-assign]


# --- Routes and reset -----------------------------------------------------------------------


def _body(request: Any) -> dict[str, Any]:
    raw = request.get_data(as_text=True) or next(iter(request.form.keys()), "")
    return json.loads(raw or "{}")


def _json(value: Any) -> Any:
    return 200, {"Content-Type": "application/json"}, json.dumps(value)


def _profile_route(request: Any, full_url: str, headers: Any) -> Any:
    global _profile
    if request.method == "POST":
        body = _body(request)
        with _lock:
            if not body.get("enabled"):
                _clear()
            else:
                accounts = body.get("accounts")
                _profile = {
                    "accounts": set(accounts) if accounts is not None else None,
                    "speed": float(body.get("speed", 1)),
                    "eniReleaseMinutes": body.get("eniReleaseMinutes"),
                    "throttle": body.get("throttle"),
                }
                _clock.update(virtual=0.0, real=0.0)
                _set_clock(float(body.get("now", time.time() * SECOND)))
    with _lock:
        if _profile is None:
            return _json({"enabled": False})
        shown = dict(_profile)
        accounts = shown["accounts"]
        shown["accounts"] = sorted(accounts) if accounts is not None else None
        return _json(
            {"enabled": True, "now": now_ms(), "throttled": _throttled_calls["count"], **shown}
        )


# Work moto does in real time (a function run, a stack waiting for its custom resource's answer)
# takes no virtual time: the clock moves on only once it has settled.
_settled = threading.Condition()
_running = {"functions": 0}
_original_invoke_lambda = LambdaFunction._invoke_lambda


def _invoke_lambda(self: LambdaFunction, event: Any = None) -> Any:
    with _settled:
        _running["functions"] += 1
    try:
        return _original_invoke_lambda(self, event)
    finally:
        with _settled:
            _running["functions"] -= 1
            _settled.notify_all()


LambdaFunction._invoke_lambda = _invoke_lambda  # type: ignore[method-assign]

BUSY_STATUSES = ("CREATE_IN_PROGRESS", "ROLLBACK_IN_PROGRESS", "DELETE_IN_PROGRESS")


def _busy() -> bool:
    with _lock:
        stacks = [r["stack"] for r in _stacks.values()]
    return _running["functions"] > 0 or any(s.status in BUSY_STATUSES for s in stacks)


def _wait_until_settled(limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    with _settled:
        while _busy() and time.monotonic() < deadline:
            _settled.wait(timeout=0.05)


def _clock_route(request: Any, full_url: str, headers: Any) -> Any:
    if request.method == "POST":
        _wait_until_settled()
        _set_clock(float(_body(request)["now"]))
        # What a function run sees (its egress) reads the state directly, not through Describe.
        _endpoints_due()
    return _json({"now": now_ms()})


def _clear() -> None:
    global _profile
    with _lock:
        _profile = None
        _clock.update(virtual=0.0, real=0.0)
        _stacks.clear()
        _held_until.clear()
        _endpoint_ready.clear()
        _buckets.clear()
        _throttled_calls["count"] = 0


moto_api_urls.url_paths["{0}/moto-api/smooz/timing-profile"] = _profile_route
moto_api_urls.url_paths["{0}/moto-api/smooz/clock"] = _clock_route

_original_reset = MotoAPIBackend.reset


def _reset(self: MotoAPIBackend) -> None:
    _clear()
    _original_reset(self)


MotoAPIBackend.reset = _reset  # type: ignore[method-assign]
