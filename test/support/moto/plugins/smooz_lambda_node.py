"""Runs Node.js Lambda functions in a local Node.js process instead of Docker (moto 5.2.1).

moto invokes every function in a Docker container; there is no Docker here, so a stack with a
custom resource stays CREATE_IN_PROGRESS for ever. This plug-in:

- runs `nodejs*` functions with the project's Node.js (lambda_node_runner.mjs), with the
  function's environment, role credentials (an STS session in the function's account) and its
  AWS SDK calls pointed back at this moto server; the project's node_modules stand in for the
  runtime's own AWS SDK;
- stores inline CloudFormation code (`ZipFile`) of Node.js functions as index.js, as CloudFormation
  does (moto writes index.py whatever the runtime), keeps environment values strings and applies
  the function's Tags;
- resolves RDS endpoints the way the resolver where the function runs would: each instance or
  cluster (writer) endpoint moto knows gets a stable private address in its subnet group's subnet
  in its AZ, or, when tagged `smooz:test-world-db`, the loopback address of the real server of the
  test world (the file named by SMOOZ_TEST_WORLD; re-read on every invocation, so a failover drill
  moves it). A non-public database resolves to that private address from anywhere, as on AWS; a
  publicly accessible one only inside its VPC: a function outside the VPC gets a stable public
  address (TEST-NET-3, 203.0.113.0/24) that nothing answers on. Tests move a database with POST
  /moto-api/smooz/vpc-dns {"hostname", "addresses"} (an empty list answers ENOTFOUND, null removes
  the override; an override answers wherever the function runs) and read what a name resolves to
  with GET /moto-api/smooz/vpc-dns?hostname=…;
- makes moto hand functions URLs of this server rather than of a Docker host (custom-resource
  response URLs; see smooz_cfn_custom_resources.py for how the answers are handled);
- in a VPC tagged `smooz:moto-egress = enforce`, gives a function in a subnet without a way out
  (no 0.0.0.0/0 route to a NAT gateway or another device) only the AWS APIs that have an interface
  endpoint with private DNS in its VPC; every other API answers as unreachable. Opt-in, because
  other suites seed VPCs without modelling their routes.
"""
import base64
import io
import ipaddress
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import zipfile
import zlib
from pathlib import Path
from typing import Any

from moto import settings
from moto.awslambda.models import LambdaFunction, lambda_backends
from moto.ec2.models import ec2_backends
from moto.moto_api._internal import mock_random
from moto.moto_api._internal import urls as moto_api_urls
from moto.moto_api._internal.models import MotoAPIBackend
from moto.rds.models import rds_backends
from moto.sts.models import sts_backends
from moto.utilities.utils import get_partition

ROOT = Path(__file__).resolve().parents[4]
RUNNER = Path(__file__).with_name("lambda_node_runner.mjs")

# serve.py passes the port as its only argument; moto itself reads MOTO_PORT for the URLs it
# hands to functions.
if len(sys.argv) > 1 and sys.argv[1].isdigit():
    os.environ.setdefault("MOTO_PORT", sys.argv[1])
settings.moto_server_host = lambda: "http://127.0.0.1"  # type: ignore[assignment]


def _moto_endpoint() -> str:
    return f"http://127.0.0.1:{settings.moto_server_port()}"


def _node() -> str:
    bundled = ROOT / "node_modules" / ".bin" / "node"
    return str(bundled) if bundled.exists() else (shutil.which("node") or "node")


# --- VPC DNS -------------------------------------------------------------------------------

_dns_lock = threading.Lock()
_dns_overrides: dict[str, list[str] | None] = {}


def _address_in(subnet: Any, hostname: str) -> str:
    network = ipaddress.ip_network(subnet.cidr_block, strict=False)
    usable = max(1, network.num_addresses - 16)
    return str(network.network_address + 10 + zlib.crc32(hostname.encode()) % usable)


def _subnet_for(subnet_group: Any, zone: str | None) -> Any:
    subnets = list(getattr(subnet_group, "_subnets", None) or []) if subnet_group else []
    in_zone = [s for s in subnets if s.availability_zone == zone]
    return (in_zone or subnets or [None])[0]


def _fallback_address(hostname: str) -> str:
    return str(ipaddress.ip_address("10.0.0.10") + zlib.crc32(hostname.encode()) % 65000)


def _public_address(hostname: str) -> str:
    return str(ipaddress.ip_address("203.0.113.10") + zlib.crc32(hostname.encode()) % 240)


# The test world (test/support/realDatabases): a database tagged with WORLD_TAG resolves to the
# loopback address where the matching real server listens now (the world file changes on a drill).
WORLD_TAG = "smooz:test-world-db"


def _world_address(resource: Any) -> str | None:
    world_file = os.environ.get("SMOOZ_TEST_WORLD")
    tags = {t.get("Key"): t.get("Value") for t in getattr(resource, "tags", None) or []}
    server = tags.get(WORLD_TAG)
    if not world_file or not server or not os.path.exists(world_file):
        return None
    world = json.loads(Path(world_file).read_text())
    database = (world.get("databases") or {}).get(server)
    return database["address"] if database else None


def _rds_answers(account_id: str, region: str, in_vpc: bool) -> dict[str, list[str]]:
    regional = dict.get(rds_backends, account_id)
    backend = dict.get(regional, region) if regional is not None else None
    if backend is None:
        return {}
    answers: dict[str, list[str]] = {}
    for db in list(backend.databases.values()):
        host = db.address.lower()
        if db.publicly_accessible and not in_vpc:
            answers[host] = [_public_address(host)]
            continue
        world = _world_address(db)
        if world:
            answers[host] = [world]
            continue
        subnet = _subnet_for(getattr(db, "db_subnet_group", None), db.availability_zone)
        answers[host] = [_address_in(subnet, host) if subnet else _fallback_address(host)]
    for cluster in list(backend.clusters.values()):
        host = cluster.endpoint.lower()
        members = list(getattr(cluster, "members", None) or [])
        public = cluster.publicly_accessible or any(m.publicly_accessible for m in members)
        if public and not in_vpc:
            answers[host] = [_public_address(host)]
            continue
        world = _world_address(cluster)
        if world:
            answers[host] = [world]
            continue
        writer = getattr(cluster, "writer", None)
        zone = writer.availability_zone if writer else (cluster.availability_zones or [None])[0]
        groups = backend.subnet_groups if hasattr(backend, "subnet_groups") else {}
        group = groups.get(cluster.db_subnet_group_name) if groups else None
        subnet = _subnet_for(group, zone)
        answers[host] = [_address_in(subnet, host) if subnet else _fallback_address(host)]
    return answers


def vpc_dns_table(account_id: str, region: str, in_vpc: bool = True) -> dict[str, list[str]]:
    table = _rds_answers(account_id, region, in_vpc)
    with _dns_lock:
        for host, addresses in _dns_overrides.items():
            if addresses is not None:
                table[host] = addresses
    return table


def _vpc_dns_route(request: Any, full_url: str, headers: Any) -> Any:
    # GET ?hostname=…[&account=…&region=…]: what the VPC resolver answers for one name, for
    # tests that compare an NLB target with the database's current address.
    hostname = request.args.get("hostname") if request.method == "GET" else None
    if hostname:
        table = vpc_dns_table(
            request.args.get("account", "123456789012"),
            request.args.get("region", "ap-northeast-1"),
        )
        answer = {"addresses": table.get(hostname.lower().rstrip("."))}
        return 200, {"Content-Type": "application/json"}, json.dumps(answer)
    if request.method == "POST":
        raw = request.get_data(as_text=True) or next(iter(request.form.keys()), "")
        body = json.loads(raw or "{}")
        host = str(body["hostname"]).lower().rstrip(".")
        with _dns_lock:
            if body.get("addresses") is None:
                _dns_overrides.pop(host, None)
            else:
                _dns_overrides[host] = [str(a) for a in body["addresses"]]
    with _dns_lock:
        return 200, {"Content-Type": "application/json"}, json.dumps(_dns_overrides)


moto_api_urls.url_paths["{0}/moto-api/smooz/vpc-dns"] = _vpc_dns_route

_original_reset = MotoAPIBackend.reset


def _reset(self: MotoAPIBackend) -> None:
    with _dns_lock:
        _dns_overrides.clear()
    _original_reset(self)


MotoAPIBackend.reset = _reset  # type: ignore[method-assign]


# --- VPC egress ------------------------------------------------------------------------------

EGRESS_TAG = "smooz:moto-egress"
# An API the subnet has no route to: a closed local port refuses at once (on AWS the connection
# would time out instead; the function's own connect timeout makes the two alike).
NO_ROUTE = "http://127.0.0.1:9"
# Interface endpoint service → the SDK's per-service endpoint variable suffixes (service ids).
SDK_SERVICE_IDS = {
    "elasticloadbalancing": ["ELASTIC_LOAD_BALANCING_V2", "ELASTIC_LOAD_BALANCING"],
    "ec2": ["EC2"],
    "lambda": ["LAMBDA"],
    "sts": ["STS"],
    "logs": ["CLOUDWATCH_LOGS"],
    "s3": ["S3"],
}


def _route_table_of(backend: Any, subnet: Any) -> Any:
    tables = [t for t in backend.route_tables.values() if t.vpc_id == subnet.vpc_id]
    explicit = [t for t in tables if subnet.id in t._associations.values()]
    main = [t for t in tables if t.main_association_id is not None]
    return (explicit or main or [None])[0]


def _has_way_out(backend: Any, subnet: Any) -> bool:
    table = _route_table_of(backend, subnet)
    for route in table.routes if table else []:
        if route.destination_cidr_block != "0.0.0.0/0":
            continue
        # An internet gateway alone is no way out: a function's network interface has no public IP.
        if route.nat_gateway or route.instance or route.interface or route.transit_gateway:
            return True
    return False


def _in_vpc(fn: LambdaFunction) -> bool:
    return bool((getattr(fn, "_vpc_config", None) or {}).get("SubnetIds"))


def _egress_env(fn: LambdaFunction) -> dict[str, str]:
    subnet_ids = (getattr(fn, "_vpc_config", None) or {}).get("SubnetIds") or []
    if not subnet_ids:
        return {}
    backend = ec2_backends[fn.account_id][fn.region]
    subnets = [backend.get_subnet(s) for s in subnet_ids]
    vpc = backend.get_vpc(subnets[0].vpc_id)
    tags = {t["key"]: t["value"] for t in vpc.get_tags()}
    # An invocation may run in any of the function's subnets: all of them need the way out.
    if tags.get(EGRESS_TAG) != "enforce" or all(_has_way_out(backend, s) for s in subnets):
        return {}
    env = {"AWS_ENDPOINT_URL": NO_ROUTE}
    prefix = f"com.amazonaws.{fn.region}."
    for endpoint in backend.vpc_end_points.values():
        if (
            endpoint.vpc_id == vpc.id
            and str(endpoint.vpc_endpoint_type).lower() == "interface"
            and endpoint.private_dns_enabled
            # A pending endpoint (the timing profile's first minute or two) routes nothing yet.
            and str(endpoint.state).lower() == "available"
            and str(endpoint.service_name).startswith(prefix)
        ):
            for service_id in SDK_SERVICE_IDS.get(endpoint.service_name[len(prefix):], []):
                env[f"AWS_ENDPOINT_URL_{service_id}"] = _moto_endpoint()
    return env


# --- Node.js invocations -------------------------------------------------------------------

def _role_credentials(fn: LambdaFunction) -> dict[str, str]:
    partition = get_partition(fn.region)
    role = sts_backends[fn.account_id][partition].assume_role(
        region_name=fn.region,
        role_session_name=fn.function_name[:64],
        role_arn=fn.role,
        policy=None,
        duration=3600,
        external_id=None,
    )
    return {
        "AWS_ACCESS_KEY_ID": role.access_key_id,
        "AWS_SECRET_ACCESS_KEY": role.secret_access_key,
        "AWS_SESSION_TOKEN": role.session_token,
    }


def _invoke_node(fn: LambdaFunction, event: Any) -> tuple[str, bool, str]:
    fn.logs_backend.ensure_log_group(fn.logs_group_name)
    request_id = str(mock_random.uuid4())
    timeout = int(fn.timeout or 3)
    with tempfile.TemporaryDirectory(prefix="smooz-lambda-") as work:
        code_dir = Path(work, "task")
        with zipfile.ZipFile(io.BytesIO(fn.code_bytes)) as archive:
            archive.extractall(code_dir)
        result_file = Path(work, "result.json")
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": work,
            "NODE_PATH": str(ROOT / "node_modules"),
            **{k: str(v) for k, v in (fn.environment_vars or {}).items()},
            "AWS_REGION": fn.region,
            "AWS_DEFAULT_REGION": fn.region,
            "AWS_ENDPOINT_URL": _moto_endpoint(),
            "AWS_LAMBDA_FUNCTION_NAME": fn.function_name,
            "AWS_LAMBDA_FUNCTION_TIMEOUT": str(timeout),
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(fn.memory_size),
            "AWS_EXECUTION_ENV": f"AWS_Lambda_{fn.run_time}",
            "SMOOZ_LAMBDA_RESULT": str(result_file),
            "SMOOZ_LAMBDA_REQUEST_ID": request_id,
            "SMOOZ_VPC_DNS": json.dumps(vpc_dns_table(fn.account_id, fn.region, _in_vpc(fn))),
            **_role_credentials(fn),
            **_egress_env(fn),
        }
        payload = event if isinstance(event, str) else json.dumps(event)
        try:
            done = subprocess.run(
                [_node(), str(RUNNER), str(code_dir), fn.handler],
                input=payload,
                capture_output=True,
                text=True,
                env=env,
                cwd=code_dir,
                timeout=timeout + 5,
            )
            logs = done.stdout + done.stderr
        except subprocess.TimeoutExpired as expired:
            logs = f"{expired.stdout or ''}{expired.stderr or ''}"
            message = f"Task timed out after {timeout}.00 seconds"
            fn.save_logs(f"{logs}\n{message}")
            body = {"errorType": "Sandbox.Timedout", "errorMessage": message}
            return json.dumps(body), True, logs
        if not result_file.exists():
            body = {"errorType": "Runtime.ExitError", "errorMessage": f"exit {done.returncode}"}
            fn.save_logs(logs or body["errorMessage"])
            return json.dumps(body), True, logs
        result = json.loads(result_file.read_text())
    fn.save_logs(logs or f"END RequestId: {request_id}")
    return json.dumps(result["payload"]), not result["ok"], logs


_original_invoke_lambda = LambdaFunction._invoke_lambda


def _invoke_lambda(self: LambdaFunction, event: Any = None) -> tuple[str, bool, str]:
    if str(self.run_time or "").startswith("nodejs"):
        return _invoke_node(self, event if event is not None else {})
    return _original_invoke_lambda(self, event)


LambdaFunction._invoke_lambda = _invoke_lambda  # type: ignore[method-assign]


# --- CloudFormation: inline Node.js code -----------------------------------------------------

_original_function_from_cfn = LambdaFunction.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _zip_index_js(code: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.js", code)
    return out.getvalue()


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _function_from_cfn(
    cls: type,
    resource_name: str,
    cloudformation_json: dict[str, Any],
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> LambdaFunction:
    properties = cloudformation_json["Properties"]
    runtime = str(properties.get("Runtime") or "")
    variables = (properties.get("Environment") or {}).get("Variables")
    if variables:
        # Lambda environment values are strings; moto would keep `!Ref SomeNumberParameter` an int.
        properties["Environment"] = {"Variables": {k: _text(v) for k, v in variables.items()}}
    # Read before moto replaces it (in place) with its own index.py archive.
    inline = (properties.get("Code") or {}).get("ZipFile")
    fn = _original_function_from_cfn(
        cls, resource_name, cloudformation_json, account_id, region_name, **kwargs
    )
    if runtime.startswith("nodejs") and isinstance(inline, str):
        fn.update_function_code({"ZipFile": base64.b64encode(_zip_index_js(inline)).decode()})
    tags = {t["Key"]: str(t["Value"]) for t in properties.get("Tags") or []}
    if tags:
        lambda_backends[account_id][region_name].tag_resource(fn.function_arn, tags)
    return fn


LambdaFunction.create_from_cloudformation_json = classmethod(_function_from_cfn)  # type: ignore[assignment]
