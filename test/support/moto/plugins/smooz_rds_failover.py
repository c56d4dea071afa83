"""Multi-AZ failover and Aurora writer change for failover drills (moto 5.2.1).

moto's RebootDBInstance ignores ForceFailover and clusters have no writer change, so an emulated
database never changes AZ. POST /moto-api/smooz/rds-failover {"identifier", "account"?, "region"?}
moves an instance (or a cluster's writer) to another AZ of its subnet group, or of the cluster's
AZ list, as the standby taking over would, and answers {"from", "to"}. The address the endpoint
resolves to is the test world's business (see smooz_lambda_node.py).
"""
import json
from typing import Any

from moto.moto_api._internal import urls as moto_api_urls
from moto.rds.models import rds_backends


def _zones_of(backend: Any, db: Any) -> list[str]:
    group = getattr(db, "db_subnet_group", None)
    subnets = list(getattr(group, "_subnets", None) or []) if group else []
    return sorted({s.availability_zone for s in subnets})


def _fail_over(account: str, region: str, identifier: str) -> dict[str, str]:
    backend = rds_backends[account][region]
    if identifier in backend.clusters:
        cluster = backend.clusters[identifier]
        writer = getattr(cluster, "writer", None)
        if writer is None:
            raise KeyError(f"cluster {identifier} has no writer")
        target, zones = writer, list(cluster.availability_zones or [])
    else:
        target = backend.databases[identifier]
        zones = _zones_of(backend, target)
    others = [z for z in zones if z != target.availability_zone]
    if not others:
        raise KeyError(f"{identifier} has no other AZ to fail over to")
    before = target.availability_zone
    target.availability_zone = others[0]
    return {"from": before, "to": target.availability_zone}


def _failover_route(request: Any, full_url: str, headers: Any) -> Any:
    raw = request.get_data(as_text=True) or next(iter(request.form.keys()), "")
    body = json.loads(raw or "{}")
    try:
        moved = _fail_over(
            str(body.get("account") or "123456789012"),
            str(body.get("region") or "ap-northeast-1"),
            str(body["identifier"]),
        )
    except KeyError as error:
        return 404, {"Content-Type": "application/json"}, json.dumps({"error": str(error)})
    return 200, {"Content-Type": "application/json"}, json.dumps(moved)


moto_api_urls.url_paths["{0}/moto-api/smooz/rds-failover"] = _failover_route
