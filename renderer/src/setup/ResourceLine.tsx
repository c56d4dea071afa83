import { useTranslation } from 'react-i18next';
import type { CreatedResource } from '../../../shared/flow/resources';
import { Sensitive } from '../support/Sensitive';

/** A ledger entry in words; its values go through the one support-mode rule like every other. */
function valueOf(resource: CreatedResource): string {
  switch (resource.kind) {
    case 'securityGroup':
      return `${resource.groupName} (${resource.groupId})`;
    case 'ingressRule':
      return `${resource.groupId}:${resource.port} ← ${
        resource.source.type === 'securityGroup' ? resource.source.groupId : resource.source.cidr
      }`;
    case 'vpcEndpoint':
      return `${resource.serviceName} (${resource.endpointId})`;
    case 'stack':
      return resource.stackName;
  }
}

export function ResourceLine({ resource }: { resource: CreatedResource }) {
  const { t } = useTranslation('guided');
  return (
    <>
      {t(`teardown.kinds.${resource.kind}`)}: <Sensitive kind="text" value={valueOf(resource)} />
    </>
  );
}

/** The ledger as a list, one resource a line (what was created and not yet removed). */
export function ResourceList({
  resources,
  testId,
}: {
  resources: readonly CreatedResource[];
  testId: string;
}) {
  return (
    <ul className="removed" data-testid={testId}>
      {resources.map((resource, i) => (
        <li key={i}>
          <ResourceLine resource={resource} />
        </li>
      ))}
    </ul>
  );
}
