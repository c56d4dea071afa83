"""Cross-account PrivateLink behaviour for the SMOOZ reference server (moto 5.2.1).

moto keeps each account's EC2 state apart and, out of the box,
- answers DescribeVpcEndpointConnections with HTTP 500 (not implemented), and
- lets any account create an interface endpoint to any service name, even one whose allowed
  principals do not include it.

Real AWS hides an endpoint service from a principal it does not allow: CreateVpcEndpoint fails
with InvalidServiceName. The reference server (another "account" on the same moto server, chosen
with moto's `x-moto-account-id` header) relies on that to report `rejected`, and the app's
customer-side cross-check relies on DescribeVpcEndpointConnections. This plug-in adds both.

It also models acceptance as AWS does, which moto lacks: an endpoint from another account to a
service that requires acceptance starts `pendingAcceptance`; the service owner's
AcceptVpcEndpointConnections makes it `available`, RejectVpcEndpointConnections `rejected`; an
endpoint that is not pending is reported under `Unsuccessful`, not changed.
"""
from typing import Any, Iterator

from moto.core.responses import ActionResult
from moto.ec2.exceptions import InvalidServiceName
from moto.ec2.models import ec2_backends
from moto.ec2.models.vpc_service_configuration import VPCServiceConfiguration
from moto.ec2.models.vpcs import VPCBackend, VPCEndPoint
from moto.ec2.responses import EC2Response


def _regional_backends(region: str) -> Iterator[Any]:
    # dict.get avoids BackendDict's lazy creation: an account never used holds nothing.
    for account_id in list(dict.keys(ec2_backends)):
        regional = dict.get(ec2_backends, account_id)
        backend = dict.get(regional, region) if regional is not None else None
        if backend is not None:
            yield backend


def _find_service(region: str, service_name: str) -> VPCServiceConfiguration | None:
    for backend in _regional_backends(region):
        for config in backend.configurations.values():
            if config.service_name == service_name:
                return config
    return None


def _principal_allows(principal: str, account_id: str) -> bool:
    return principal == "*" or principal in (
        account_id,
        f"arn:aws:iam::{account_id}:root",
    ) or principal.startswith(f"arn:aws:iam::{account_id}:")


_original_create_vpc_endpoint = VPCBackend.create_vpc_endpoint


def _create_vpc_endpoint(self: Any, *args: Any, **kwargs: Any) -> VPCEndPoint:
    service = None
    owner = None
    service_name = kwargs.get("service_name", args[1] if len(args) > 1 else None)
    endpoint_type = kwargs.get("endpoint_type", args[2] if len(args) > 2 else None)
    is_interface = (endpoint_type or "").lower() == "interface"
    if is_interface and service_name and service_name.startswith("com.amazonaws.vpce."):
        service = _find_service(self.region_name, service_name)
        owner = service.ec2_backend.account_id if service else None
        if service is None or (
            owner != self.account_id
            and not any(_principal_allows(p, self.account_id) for p in service.principals)
        ):
            raise InvalidServiceName(service_name)
    endpoint = _original_create_vpc_endpoint(self, *args, **kwargs)
    if is_interface and service is not None and owner != self.account_id:
        if service.acceptance_required:
            endpoint.state = "pendingAcceptance"
    return endpoint


VPCBackend.create_vpc_endpoint = _create_vpc_endpoint  # type: ignore[method-assign]


def _connections_for(backend: Any, service_ids: set[str] | None) -> list[dict[str, Any]]:
    services = [
        s
        for s in backend.configurations.values()
        if service_ids is None or s.id in service_ids
    ]
    by_name = {s.service_name: s for s in services}
    connections = []
    for consumer in _regional_backends(backend.region_name):
        for endpoint in consumer.vpc_end_points.values():
            service = by_name.get(endpoint.service_name)
            if service is None:
                continue
            connections.append(
                {
                    "ServiceId": service.id,
                    "VpcEndpointId": endpoint.id,
                    "VpcEndpointOwner": consumer.account_id,
                    "VpcEndpointState": endpoint.state,
                    "CreationTimestamp": endpoint.creation_timestamp,
                    "DnsEntries": endpoint.dns_entries or [],
                    "NetworkLoadBalancerArns": list(service.network_load_balancer_arns),
                    "GatewayLoadBalancerArns": list(service.gateway_load_balancer_arns),
                    "IpAddressType": "ipv4",
                    "VpcEndpointConnectionId": f"vpce-con-{endpoint.id[len('vpce-'):]}",
                }
            )
    return connections


def _describe_vpc_endpoint_connections(self: EC2Response) -> ActionResult:
    filters: dict[str, list[str]] = {}
    for f in self._get_param("Filters", []) or []:
        filters[f["Name"]] = f.get("Values", [])
    service_ids = set(filters["service-id"]) if "service-id" in filters else None
    connections = _connections_for(self.ec2_backend, service_ids)
    for name, key in (
        ("vpc-endpoint-id", "VpcEndpointId"),
        ("vpc-endpoint-owner", "VpcEndpointOwner"),
        ("vpc-endpoint-state", "VpcEndpointState"),
    ):
        if name in filters:
            connections = [c for c in connections if c[key] in filters[name]]
    return ActionResult({"VpcEndpointConnections": connections})


EC2Response.describe_vpc_endpoint_connections = _describe_vpc_endpoint_connections  # type: ignore[attr-defined]


def _endpoints_of(backend: Any, service: VPCServiceConfiguration) -> dict[str, VPCEndPoint]:
    return {
        endpoint.id: endpoint
        for consumer in _regional_backends(backend.region_name)
        for endpoint in consumer.vpc_end_points.values()
        if endpoint.service_name == service.service_name
    }


def _decide(self: EC2Response, new_state: str) -> ActionResult:
    service = self.ec2_backend.configurations.get(self._get_param("ServiceId"))
    endpoint_ids = self._get_param("VpcEndpointIds", []) or []
    endpoints = _endpoints_of(self.ec2_backend, service) if service is not None else {}
    unsuccessful = []
    for endpoint_id in endpoint_ids:
        endpoint = endpoints.get(endpoint_id)
        if endpoint is None:
            code = "InvalidVpcEndpointService.NotFound" if service is None else "InvalidVpcEndpoint.NotFound"
        elif endpoint.state != "pendingAcceptance":
            code = "InvalidState"
        else:
            endpoint.state = new_state
            continue
        unsuccessful.append(
            {"ResourceId": endpoint_id, "Error": {"Code": code, "Message": f"{endpoint_id}: {code}"}}
        )
    return ActionResult({"Unsuccessful": unsuccessful})


def _accept_vpc_endpoint_connections(self: EC2Response) -> ActionResult:
    return _decide(self, "available")


def _reject_vpc_endpoint_connections(self: EC2Response) -> ActionResult:
    return _decide(self, "rejected")


EC2Response.accept_vpc_endpoint_connections = _accept_vpc_endpoint_connections  # type: ignore[attr-defined]
EC2Response.reject_vpc_endpoint_connections = _reject_vpc_endpoint_connections  # type: ignore[attr-defined]
