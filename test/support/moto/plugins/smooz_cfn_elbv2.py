"""CloudFormation ELBv2 properties moto 5.2.1 ignores.

moto's AWS::ElasticLoadBalancingV2::LoadBalancer model passes only name, subnets, security groups
and scheme to the backend, so `Type: network` becomes an application load balancer and a TCP
listener in the same stack fails. It also drops LoadBalancerAttributes, IpAddressType and Tags,
and the TargetGroup model drops TargetGroupAttributes and Tags. This plug-in passes them through
the same backend calls the ELBv2 API uses, so a stack's resources look as they would on AWS.

moto also names every load balancer `loadbalancer/app/...`; network and gateway load balancers
get AWS's `net/` and `gwy/` ARNs here, through the API as well as through CloudFormation.

A network load balancer also gets what AWS gives it and moto does not: one network interface per
subnet, with a private address from that subnet, described `ELB net/<name>/<id>` (how the app
finds the addresses the database's security group must admit); they go with the balancer.
"""
from typing import Any

from moto.ec2.models import ec2_backends
from moto.elbv2.models import ELBv2Backend, FakeLoadBalancer, FakeTargetGroup, elbv2_backends

_ARN_KIND = {"network": "/net/", "gateway": "/gwy/"}
_original_create_load_balancer = ELBv2Backend.create_load_balancer


def _create_load_balancer_with_arn(self: ELBv2Backend, *args: Any, **kwargs: Any) -> FakeLoadBalancer:
    tags = kwargs.pop("tags", None)
    load_balancer = _original_create_load_balancer(self, *args, **kwargs)
    kind = _ARN_KIND.get(str(kwargs.get("loadbalancer_type") or ""))
    if kind:
        self.load_balancers.pop(load_balancer.arn)
        load_balancer.arn = load_balancer.arn.replace("/app/", kind, 1)
        self.load_balancers[load_balancer.arn] = load_balancer
    if tags:
        self.tagging_service.tag_resource(load_balancer.arn, tags)
    if kind == "/net/":
        _create_interfaces(self, load_balancer)
    return load_balancer


def _interface_description(load_balancer: FakeLoadBalancer) -> str:
    return "ELB " + load_balancer.arn.split(":loadbalancer/", 1)[1]


def _create_interfaces(backend: ELBv2Backend, load_balancer: FakeLoadBalancer) -> None:
    ec2 = ec2_backends[backend.account_id][backend.region_name]
    for subnet in load_balancer.subnets:
        address = subnet.get_available_subnet_ip(instance=load_balancer)
        ec2.create_network_interface(
            subnet, address, description=_interface_description(load_balancer)
        )


_original_delete_load_balancer = ELBv2Backend.delete_load_balancer


def _delete_load_balancer(self: ELBv2Backend, arn: str) -> None:
    load_balancer = self.load_balancers.get(arn)
    _original_delete_load_balancer(self, arn)
    if load_balancer is None or "/net/" not in arn:
        return
    ec2 = ec2_backends[self.account_id][self.region_name]
    description = _interface_description(load_balancer)
    for eni in [e for e in ec2.enis.values() if e.description == description]:
        eni.subnet.del_subnet_ip(eni.private_ip_address)
        ec2.delete_network_interface(eni.id)


ELBv2Backend.create_load_balancer = _create_load_balancer_with_arn  # type: ignore[method-assign]
ELBv2Backend.delete_load_balancer = _delete_load_balancer  # type: ignore[method-assign]

_original_target_group = FakeTargetGroup.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _pairs(items: list[dict[str, Any]] | None) -> dict[str, str]:
    return {item["Key"]: str(item["Value"]) for item in items or []}


def _create_load_balancer(
    cls: type,
    resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> FakeLoadBalancer:
    properties = cloudformation_json["Properties"]
    backend = elbv2_backends[account_id][region_name]
    load_balancer = backend.create_load_balancer(
        properties.get("Name", resource_name),
        properties.get("SecurityGroups") or [],
        properties.get("Subnets") or [],
        subnet_mappings=properties.get("SubnetMappings"),
        scheme=properties.get("Scheme", "internet-facing"),
        loadbalancer_type=properties.get("Type", "application"),
        ip_address_type=properties.get("IpAddressType", "ipv4"),
        tags=properties.get("Tags") or [],
    )
    attributes = _pairs(properties.get("LoadBalancerAttributes"))
    if attributes:
        backend.modify_load_balancer_attributes(load_balancer.arn, attributes)
    # CloudFormation reports CREATE_COMPLETE once the balancer is active.
    load_balancer.activate()
    return load_balancer


def _create_target_group(
    cls: type,
    resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> FakeTargetGroup:
    properties = cloudformation_json["Properties"]
    target_group = _original_target_group(
        cls, properties.get("Name", resource_name), cloudformation_json, account_id, region_name, **kwargs
    )
    backend = elbv2_backends[account_id][region_name]
    attributes = _pairs(properties.get("TargetGroupAttributes"))
    if attributes:
        backend.modify_target_group_attributes(target_group.arn, attributes)
    tags = properties.get("Tags") or []
    if tags:
        backend.add_tags([target_group.arn], tags)
    return target_group


FakeLoadBalancer.create_from_cloudformation_json = classmethod(_create_load_balancer)  # type: ignore[assignment]
FakeTargetGroup.create_from_cloudformation_json = classmethod(_create_target_group)  # type: ignore[assignment]
