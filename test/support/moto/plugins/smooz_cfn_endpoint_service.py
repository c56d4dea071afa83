"""CloudFormation models for AWS::EC2::VPCEndpointService and VPCEndpointServicePermissions.

moto 5.2.1 implements endpoint services in its EC2 API but has no CloudFormation model for them:
a stack skips both resources with a warning and `!Sub ...${Service}` stays unresolved. This
plug-in maps them onto the same backend calls as CreateVpcEndpointServiceConfiguration and
ModifyVpcEndpointServicePermissions, so the service, its AZs and its allowed principals are real
moto state that the SMOOZ reference server (another account on the same server) can connect to.
"""
from typing import Any

from moto.core.common_models import CloudFormationModel
from moto.ec2.models import ec2_backends
from moto.ec2.models.vpc_service_configuration import VPCServiceConfiguration


def _flag(value: Any) -> bool:
    return str(value).lower() == "true"


def _service_type() -> str:
    return "AWS::EC2::VPCEndpointService"


def _service_physical_id(self: VPCServiceConfiguration) -> str:
    return self.id


def _create_service(
    cls: type,
    resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
    **kwargs: Any,
) -> VPCServiceConfiguration:
    properties = cloudformation_json["Properties"]
    backend = ec2_backends[account_id][region_name]
    return backend.create_vpc_endpoint_service_configuration(
        lb_arns=list(properties.get("NetworkLoadBalancerArns") or [])
        + list(properties.get("GatewayLoadBalancerArns") or []),
        acceptance_required=_flag(properties.get("AcceptanceRequired", False)),
        private_dns_name=properties.get("PrivateDnsName"),
        tags=properties.get("Tags") or [],
        supported_regions=properties.get("SupportedRegions") or [],
    )


def _update_service(
    cls: type,
    original_resource: VPCServiceConfiguration,
    new_resource_name: str,
    cloudformation_json: Any,
    account_id: str,
    region_name: str,
) -> VPCServiceConfiguration:
    """Every property updates in place, as ModifyVpcEndpointServiceConfiguration does on AWS:
    turning AcceptanceRequired on leaves the endpoint connections already accepted as they are
    (only new requests wait for acceptance)."""
    properties = cloudformation_json["Properties"]
    original_resource.acceptance_required = _flag(properties.get("AcceptanceRequired", False))
    arns = properties.get("NetworkLoadBalancerArns")
    if arns:
        original_resource.network_load_balancer_arns = list(arns)
    return original_resource


def _service_has_attr(cls: type, attr: str) -> bool:
    return attr == "ServiceId"


def _service_attr(self: VPCServiceConfiguration, attribute_name: str) -> Any:
    if attribute_name == "ServiceId":
        return self.id
    from moto.cloudformation.exceptions import UnformattedGetAttTemplateException

    raise UnformattedGetAttTemplateException()


def _delete_service(self: VPCServiceConfiguration, account_id: str, region: str) -> None:
    ec2_backends[account_id][region].delete_vpc_endpoint_service_configurations([self.id])


VPCServiceConfiguration.cloudformation_type = staticmethod(_service_type)  # type: ignore[method-assign]
VPCServiceConfiguration.physical_resource_id = property(_service_physical_id)  # type: ignore[assignment,method-assign]
VPCServiceConfiguration.create_from_cloudformation_json = classmethod(_create_service)  # type: ignore[assignment]
VPCServiceConfiguration.update_from_cloudformation_json = classmethod(_update_service)  # type: ignore[assignment]
VPCServiceConfiguration.has_cfn_attr = classmethod(_service_has_attr)  # type: ignore[assignment]
VPCServiceConfiguration.get_cfn_attribute = _service_attr  # type: ignore[method-assign]
VPCServiceConfiguration.delete = _delete_service  # type: ignore[attr-defined]


class VPCEndpointServicePermissions(CloudFormationModel):
    """The allowed principals of one endpoint service; deleting it removes them again."""

    def __init__(self, account_id: str, region_name: str, service_id: str, principals: list[str]):
        self.account_id = account_id
        self.region_name = region_name
        self.service_id = service_id
        self.principals = principals

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::VPCEndpointServicePermissions"

    @property
    def physical_resource_id(self) -> str:
        return self.service_id

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls,
        resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
        **kwargs: Any,
    ) -> "VPCEndpointServicePermissions":
        properties = cloudformation_json["Properties"]
        service_id = properties["ServiceId"]
        principals = list(properties.get("AllowedPrincipals") or [])
        ec2_backends[account_id][region_name].modify_vpc_endpoint_service_permissions(
            service_id, principals, []
        )
        return cls(account_id, region_name, service_id, principals)

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls,
        original_resource: "VPCEndpointServicePermissions",
        new_resource_name: str,
        cloudformation_json: Any,
        account_id: str,
        region_name: str,
    ) -> "VPCEndpointServicePermissions":
        original_resource.delete(account_id, region_name)
        return cls.create_from_cloudformation_json(
            new_resource_name, cloudformation_json, account_id, region_name
        )

    def delete(self, account_id: str, region: str) -> None:
        backend = ec2_backends[account_id][region]
        if self.service_id in backend.configurations:
            backend.modify_vpc_endpoint_service_permissions(self.service_id, [], self.principals)
