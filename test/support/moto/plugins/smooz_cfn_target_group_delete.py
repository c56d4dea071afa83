"""Stack deletion leaves target groups behind in moto 5.2.1.

moto's AWS::ElasticLoadBalancingV2::TargetGroup model has no delete, so DeleteStack reports
DELETE_COMPLETE while the target group stays. AWS deletes it. This plug-in deletes it through the
backend call DeleteTargetGroup uses; while a listener still uses it that call fails, and moto's
stack deletion retries it after the load balancer (and its listeners) are gone, as AWS orders it.
Needed by the setup engine's teardown test ("teardown leaves the account as it was").
"""
from moto.elbv2.models import FakeTargetGroup, elbv2_backends


def _delete(self: FakeTargetGroup, account_id: str, region: str) -> None:
    backend = elbv2_backends[account_id][region]
    if self.arn in backend.target_groups:
        backend.delete_target_group(self.arn)


FakeTargetGroup.delete = _delete  # type: ignore[attr-defined]
