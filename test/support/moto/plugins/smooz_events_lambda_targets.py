"""EventBridge rules that invoke Lambda functions, and TestEventPattern (moto 5.2.1).

moto's rules deliver only to log groups, archives, SQS and event buses: a Lambda target raises
NotImplementedError, and TestEventPattern answers nothing. This plug-in:

- delivers a matching event to a Lambda target as EventBridge does: asynchronously, with `time`
  as an ISO timestamp, and only if the function's resource policy lets events.amazonaws.com
  invoke it for this rule (AWS::Lambda::Permission with the rule's ARN as SourceArn); otherwise
  the delivery is recorded as denied, as a FailedInvocations metric would show it;
- records every delivery, readable at GET /moto-api/smooz/event-deliveries (cleared by reset);
- answers TestEventPattern with moto's own pattern matcher, the one its rules use;
- keeps schedule-only rules (no pattern) from matching every event put on the bus;
- fires the schedule on request: POST /moto-api/smooz/schedule-tick delivers one "Scheduled
  Event" to the Lambda targets of every enabled `rate(...)`/`cron(...)` rule, what EventBridge does
  once a minute for `rate(1 minute)`, so a test decides when a minute has passed. It answers the
  event id; its deliveries show at /event-deliveries like any other.
"""
import json
import threading
import uuid
from datetime import datetime, timezone
from typing import Any

from moto.awslambda.models import lambda_backends
from moto.events.models import EventPattern, Rule, events_backends
from moto.events.responses import EventsHandler
from moto.moto_api._internal import urls as moto_api_urls
from moto.utilities.arns import parse_arn

from .smooz_moto_reset import on_reset

_lock = threading.Lock()
_deliveries: list[dict[str, Any]] = []


def _allows(policy_statements: list[dict[str, Any]], rule_arn: str) -> bool:
    for statement in policy_statements:
        principal = statement.get("Principal") or {}
        service = principal.get("Service") if isinstance(principal, dict) else principal
        if statement.get("Effect", "Allow") != "Allow" or service != "events.amazonaws.com":
            continue
        if statement.get("Action") not in ("lambda:InvokeFunction", "lambda:*"):
            continue
        condition = statement.get("Condition") or {}
        source = (condition.get("ArnLike") or {}).get("AWS:SourceArn") or statement.get("SourceArn")
        if source is None or source == rule_arn:
            return True
    return False


def _as_delivered(event: dict[str, Any]) -> dict[str, Any]:
    delivered = {k: v for k, v in event.items() if k != "ingestion-time"}
    if isinstance(delivered.get("time"), (int, float)):
        moment = datetime.fromtimestamp(float(delivered["time"]), tz=timezone.utc)
        delivered["time"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return delivered


def _record(rule: Rule, target: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    # Recorded before PutEvents answers, so a reader never sees only some of an event's deliveries.
    record: dict[str, Any] = {
        "rule": rule.arn,
        "target": target["Arn"],
        "eventId": event.get("id"),
        "detailType": event.get("detail-type"),
        "status": "pending",
    }
    with _lock:
        _deliveries.append(record)
    return record


def _deliver(
    rule: Rule, target: dict[str, Any], event: dict[str, Any], record: dict[str, Any]
) -> None:
    arn = parse_arn(target["Arn"])
    try:
        fn = lambda_backends[arn.account][arn.region].get_function(target["Arn"])
        if not _allows(fn.policy.statements, rule.arn):
            record["status"] = "denied"
            return
        payload = fn.invoke(json.dumps(_as_delivered(event)), {}, {})
        text = payload.decode() if isinstance(payload, bytes) else str(payload)
        record["result"] = json.loads(text) if text else None
        record["status"] = "invoked"
    except Exception as error:  # a failed invocation, as EventBridge would count it
        record["error"] = str(error)
        record["status"] = "error"


_original_send = Rule.send_to_targets


def _send_to_targets(self: Rule, original_event: Any, transform_input: bool = True) -> None:
    # A schedule-only rule has no pattern; moto would match every event with it.
    if self.scheduled_expression and not self.event_pattern.get_pattern():
        return
    if not self.event_pattern.matches_event(original_event):
        return
    functions = [t for t in self.targets if parse_arn(t["Arn"]).service == "lambda"]
    for target in functions:
        event = dict(original_event)
        record = _record(self, target, event)
        threading.Thread(target=_deliver, args=(self, target, event, record), daemon=True).start()
    others = [t for t in self.targets if t not in functions]
    if others:
        saved = self.targets
        self.targets = others
        try:
            _original_send(self, original_event, transform_input)
        finally:
            self.targets = saved


Rule.send_to_targets = _send_to_targets  # type: ignore[method-assign]


def _test_event_pattern(self: EventsHandler) -> Any:
    pattern = self._get_param("EventPattern")
    event = json.loads(self._get_param("Event"))
    result = EventPattern.load(pattern).matches_event(event)
    return json.dumps({"Result": result}), self.response_headers


EventsHandler.test_event_pattern = _test_event_pattern  # type: ignore[method-assign]


def _deliveries_route(request: Any, full_url: str, headers: Any) -> Any:
    with _lock:
        return 200, {"Content-Type": "application/json"}, json.dumps(_deliveries)


moto_api_urls.url_paths["{0}/moto-api/smooz/event-deliveries"] = _deliveries_route


def _scheduled_rules() -> list[Rule]:
    rules = []
    for account_id in list(dict.keys(events_backends)):
        for region in list(dict.keys(dict.get(events_backends, account_id) or {})):
            backend = dict.get(dict.get(events_backends, account_id), region)
            for bus in list(backend.event_buses.values()):
                rules += [r for r in bus.rules.values() if r.scheduled_expression and r.state == "ENABLED"]
    return rules


def _schedule_tick_route(request: Any, full_url: str, headers: Any) -> Any:
    event_id = str(uuid.uuid4())
    now = datetime.now(tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for rule in _scheduled_rules():
        event = {
            "version": "0",
            "id": event_id,
            "detail-type": "Scheduled Event",
            "source": "aws.events",
            "account": rule.account_id,
            "time": now,
            "region": rule.region_name,
            "resources": [rule.arn],
            "detail": {},
        }
        for target in [t for t in rule.targets if parse_arn(t["Arn"]).service == "lambda"]:
            record = _record(rule, target, event)
            threading.Thread(target=_deliver, args=(rule, target, event, record), daemon=True).start()
    return 200, {"Content-Type": "application/json"}, json.dumps({"eventId": event_id})


moto_api_urls.url_paths["{0}/moto-api/smooz/schedule-tick"] = _schedule_tick_route


def _forget_deliveries() -> None:
    with _lock:
        _deliveries.clear()


on_reset(_forget_deliveries)
